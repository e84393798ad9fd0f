"""A record of each static rebuild, so editors see when the public copy shows their change."""

from datetime import timedelta

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A build still "building" after this long lost its worker (killed, machine restarted).
STALLED_AFTER = timedelta(hours=2)


class StaticRebuildQuerySet(models.QuerySet):
    def for_page(self, page):
        """The rebuilds that bring this page's change to the public copy, newest first: the ones
        it triggered, and whole-site builds."""
        return self.filter(Q(full=True) | Q(pages=page)).distinct()

    def visible_to(self, user):
        """What an editor may see: the rebuilds of pages they can edit or publish, and
        whole-site builds; never the other site's changes."""
        if user.is_superuser:
            return self
        from wagtail.permission_policies.pages import PagePermissionPolicy

        pages = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["change", "publish"]
        )
        return self.filter(Q(full=True) | Q(pages__in=pages)).distinct()

    def unfinished(self):
        return self.filter(status__in=[StaticRebuild.Status.QUEUED, StaticRebuild.Status.BUILDING])


class StaticRebuild(models.Model):
    """One rebuild of the static copies: what triggered it, where it stands, what it did."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        BUILDING = "building", _("Building")
        LIVE = "live", _("Live")
        FAILED = "failed", _("Failed")

    trigger = models.CharField(_("trigger"), max_length=255)
    # Changes that came while this rebuild waited for the worker, and were added to it.
    merged = models.PositiveIntegerField(default=0)
    full = models.BooleanField(_("whole sites"), default=False)
    changes = models.JSONField(default=dict, blank=True)
    pages = models.ManyToManyField("wagtailcore.Page", related_name="static_rebuilds", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    enqueued_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    urls_rendered = models.PositiveIntegerField(_("URLs rendered"), default=0)
    files_written = models.PositiveIntegerField(_("files written"), default=0)
    # While it builds: of how many URLs urls_rendered is, and how fast they come.
    urls_total = models.PositiveIntegerField(_("URLs to render"), default=0)
    urls_per_second = models.FloatField(_("URLs per second"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    objects = StaticRebuildQuerySet.as_manager()

    class Meta:
        ordering = ["-enqueued_at", "-pk"]
        verbose_name = _("static rebuild")

    def __str__(self):
        return f"{self.trigger} ({self.get_status_display()})"

    @property
    def description(self):
        if self.merged:
            return _("%(trigger)s, and %(count)s later changes") % {
                "trigger": self.trigger,
                "count": self.merged,
            }
        return self.trigger

    def merge(self, changes):
        """Add changes that came while this rebuild waited for the worker."""
        from cms.publishing.incremental import Changes

        merged = Changes.from_json(self.changes)
        merged.merge(changes)
        self._update(changes=merged.as_json(), merged=self.merged + 1)

    def take(self):
        """The worker starts this rebuild: from now on, new changes go to a new one. Returns
        False when another worker took it first."""
        taken = (
            type(self)
            .objects.filter(pk=self.pk, status=self.Status.QUEUED)
            .update(status=self.Status.BUILDING, started_at=timezone.now())
        )
        self.refresh_from_db()
        return bool(taken)

    @property
    def seconds(self):
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def seconds_left(self):
        """While it builds, about how long rendering has left to go, or None."""
        if self.status != self.Status.BUILDING or not self.urls_per_second:
            return None
        return max(self.urls_total - self.urls_rendered, 0) / self.urls_per_second

    def record_progress(self, progress):
        """Note how far the build has got (a BuildProgress listener)."""
        self._update(
            urls_rendered=progress.done,
            urls_total=progress.total,
            urls_per_second=progress.rate,
        )

    def plan_urls(self, total):
        """A build in shards has `total` URLs to render."""
        self._update(urls_total=total)

    def add_rendered(self, count):
        """A shard of the build rendered `count` more URLs (shards may end at the same time)."""
        type(self).objects.filter(pk=self.pk).update(urls_rendered=F("urls_rendered") + count)
        self.refresh_from_db()
        seconds = (timezone.now() - self.started_at).total_seconds()
        if seconds > 0:
            self._update(urls_per_second=self.urls_rendered / seconds)

    def mark_live(self, reports):
        self._update(
            status=self.Status.LIVE,
            finished_at=timezone.now(),
            urls_rendered=sum(len(report.rendered) for report in reports),
            files_written=sum(len(report.written) for report in reports),
        )

    def mark_failed(self, error):
        self._update(
            status=self.Status.FAILED,
            finished_at=timezone.now(),
            error=str(error) or type(error).__name__,
        )

    def _update(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)
        self.save(update_fields=list(fields))

    @classmethod
    def fail_stalled(cls, after=STALLED_AFTER):
        """Mark as failed the builds whose worker was stopped before it finished them."""
        return cls.objects.filter(
            status=cls.Status.BUILDING, started_at__lte=timezone.now() - after
        ).update(
            status=cls.Status.FAILED,
            finished_at=timezone.now(),
            error="The worker stopped before the build finished.",
        )
