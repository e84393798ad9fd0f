from django.conf import settings
from django.db import models
from django.utils import timezone


class MachineTranslationQuerySet(models.QuerySet):
    def unreviewed(self):
        return self.filter(reviewed_at__isnull=True)

    def of_instance(self, instance):
        """The machine translation record of a translated page or snippet, if any."""
        return self.filter(
            translation__source__object_id=instance.translation_key,
            translation__target_locale_id=instance.locale_id,
        )


class MachineTranslation(models.Model):
    """A wagtail-localize translation that a machine filled in, until a person reviews it.
    Readers see a notice on the translated page while `reviewed_at` is empty."""

    translation = models.OneToOneField(
        "wagtail_localize.Translation",
        on_delete=models.CASCADE,
        related_name="machine_translation",
    )
    tool_name = models.CharField(max_length=255, blank=True)
    translated_at = models.DateTimeField(default=timezone.now)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MachineTranslationQuerySet.as_manager()

    class Meta:
        verbose_name = "machine translation"

    def __str__(self):
        state = "reviewed" if self.reviewed_at else "not reviewed"
        return f"{self.translation.source.object_repr} ({self.translation.target_locale}): {state}"

    def mark_reviewed(self, user):
        self.reviewed_at = timezone.now()
        self.reviewed_by = user
        self.save(update_fields=["reviewed_at", "reviewed_by"])


class ExternalLink(models.Model):
    """An address outside our sites that a live page or program links to, and what happened the
    last time the link checker asked for it."""

    url = models.URLField(max_length=2000, unique=True)
    pages = models.ManyToManyField("wagtailcore.Page", related_name="+")
    programs = models.ManyToManyField("programs.Program", related_name="+", blank=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=255, blank=True)
    is_broken = models.BooleanField(default=False)
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "external link"
        ordering = ["url"]

    def __str__(self):
        return self.url
