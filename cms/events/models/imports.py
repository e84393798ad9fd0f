"""Partner calendars (iCalendar feeds) that the import keeps in step, and a record of each run."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cms.core.models import BOROUGHS
from cms.events.models.pages import AUDIENCES


class CalendarFeed(models.Model):
    """A partner's published calendar (parks, libraries, community centers). Its events are
    imported as event pages under one site's event listing."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("For example: Queens Public Library.")
    )
    url = models.URLField(_("calendar address"), max_length=500, help_text=_("The .ics address."))
    event_index = models.ForeignKey(
        "events.EventIndexPage",
        verbose_name=_("event listing"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The site's event listing the events go under."),
    )
    default_borough = models.CharField(
        _("borough"),
        max_length=20,
        choices=BOROUGHS,
        blank=True,
        help_text=_("Used when an event's place does not name a borough."),
    )
    default_audience = models.CharField(
        _("audience"), max_length=10, choices=AUDIENCES, default="family"
    )
    publish = models.BooleanField(
        _("publish new events"),
        default=True,
        help_text=_("Untick to keep new events as drafts for an editor to check."),
    )
    active = models.BooleanField(_("import regularly"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("event_index"),
        FieldRowPanel([FieldPanel("default_borough"), FieldPanel("default_audience")]),
        FieldPanel("publish"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("partner calendar")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def source_key(self):
        return f"feed:{self.pk}"


class ImportRun(models.Model):
    """What one import of one calendar did, for the admin report."""

    feed = models.ForeignKey(CalendarFeed, null=True, blank=True, on_delete=models.SET_NULL)
    source = models.CharField(max_length=500)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    unpublished = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    # One line per event skipped, and per value cut or read otherwise, for the report.
    problems = models.JSONField(default=list, blank=True)

    MAX_PROBLEMS = 200

    class Meta:
        verbose_name = _("calendar import")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.source} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def status(self):
        """Running (or stopped without saying so: see importer.mark_stopped_runs), finished
        or failed."""
        if self.finished_at is None:
            return "running"
        return "finished" if self.succeeded else "failed"

    @property
    def summary(self):
        return _(
            "%(created)s new, %(updated)s updated, %(unchanged)s unchanged, "
            "%(unpublished)s unpublished, %(flagged)s kept editors' changes, "
            "%(skipped)s skipped"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "unpublished": self.unpublished,
            "flagged": self.flagged,
            "skipped": self.skipped,
        }
