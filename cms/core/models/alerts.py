from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from cms.core import build_cache


class AlertBannerQuerySet(models.QuerySet):
    def active(self, site, when=None):
        when = when or timezone.now()
        return self.filter(site=site, starts_at__lte=when).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=when)
        )

    def _active_for_reader(self, site, when):
        """Active banners of a site, newest first; in a build, picked from the site's banners
        read once (whether one is active is still decided at `when`)."""
        when = when or timezone.now()
        if not build_cache.active():
            return list(
                self.active(site, when).select_related("locale").order_by("-starts_at", "pk")
            )
        banners = build_cache.bulk(
            ("alert banners", site.pk),
            lambda: list(
                self.filter(site=site).select_related("locale").order_by("-starts_at", "pk")
            ),
        )
        active = [
            banner
            for banner in banners
            if banner.starts_at <= when and (banner.ends_at is None or banner.ends_at > when)
        ]
        build_cache.replay({(banner._meta.label_lower, banner.pk) for banner in active})
        return [build_cache.copy_instance(banner) for banner in active]

    def for_reader(self, site, locale, when=None):
        """Active banners of a site, each in the reader's language when translated, else in
        the language it was written in."""
        chosen = {}
        for banner in self._active_for_reader(site, when):
            current = chosen.get(banner.translation_key)
            if current is None or banner.locale_id == locale.id:
                chosen[banner.translation_key] = banner
        return sorted(
            chosen.values(), key=lambda b: (b.LEVELS.index(b.level), -b.starts_at.timestamp())
        )


class AlertBanner(TranslatableMixin, models.Model):
    """A site-wide message (closures, deadlines, emergencies) shown on every page of one site
    between its start and end."""

    LEVELS = ["urgent", "warning", "info"]
    LEVEL_CHOICES = [("urgent", "Urgent"), ("warning", "Warning"), ("info", "Information")]

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    message = models.CharField(max_length=280)
    link_url = models.URLField(blank=True)
    link_text = models.CharField(max_length=60, blank=True)
    level = models.CharField(max_length=10, choices=LEVEL_CHOICES, default="info")
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to show until removed."
    )

    objects = AlertBannerQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldPanel("message"),
        FieldPanel("link_url"),
        FieldPanel("link_text"),
        FieldPanel("level"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "alert banner"
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The end must come after the start."})
        if self.link_url and not self.link_text:
            raise ValidationError({"link_text": "Say where the link goes."})
