from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.sanitise import shown
from cms.programs.soda import parse_timestamp

ABANDONED = "The sync did not finish: its process was ended before it could say why."


class ProgramSyncRunQuerySet(models.QuerySet):
    def high_water_mark(self):
        """The latest `:updated_at` (a datetime) a successful sync of the dataset has seen, None
        before the first. A stored mark that is not a timestamp is passed over."""
        marks = (
            self.filter(succeeded=True, dry_run=False)
            .exclude(high_water_mark="")
            .order_by("-high_water_mark")
            .values_list("high_water_mark", flat=True)
        )
        for mark in marks.iterator():
            moment = parse_timestamp(mark)
            if moment is not None:
                return moment
        return None

    def start(self, *, source, full=False, dry_run=False):
        """A run on record from its start (saved at once, outside the sync's transaction), so
        editors see it even if its process is ended."""
        return self.create(
            started_at=timezone.now(), source=source[:500], full=full, dry_run=dry_run
        )

    def stop_abandoned(self, *, older_than):
        """Record runs still "running" after `older_than` as stopped: their process ended."""
        now = timezone.now()
        return self.filter(finished_at=None, started_at__lt=now - older_than).update(
            finished_at=now, error=ABANDONED
        )


class ProgramSyncRun(models.Model):
    """One run of the programs sync: when, from where, what changed, what was skipped and why,
    or the error that stopped it. Shown to editors in the admin's report of sync runs; a run
    without `finished_at` is still running."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=500)
    full = models.BooleanField(default=False)
    dry_run = models.BooleanField(default=False)
    succeeded = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    retired = models.PositiveIntegerField(default=0)
    revived = models.PositiveIntegerField(default=0)
    skipped = models.JSONField(default=list, help_text="[{row_id, reason}] for each skipped row.")
    # The source's `:updated_at` of the newest row seen, for the next incremental sync.
    high_water_mark = models.CharField(max_length=40, blank=True)

    objects = ProgramSyncRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("program sync run")

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.source}"

    @property
    def is_running(self):
        return self.finished_at is None

    @property
    def skipped_count(self):
        return len(self.skipped)

    def stop(self, error):
        """Record that the run stopped, and why."""
        self.succeeded = False
        self.error = shown(error, 2_000)
        self.finished_at = timezone.now()
        self.save()

    def finish(self, report):
        """Record a successful run with the SyncReport's figures."""
        self.succeeded = True
        self.finished_at = timezone.now()
        self.rows = report.rows
        self.skipped = report.skipped
        self.high_water_mark = report.high_water_mark
        for name, value in report.counts().items():
            if name != "skipped":
                setattr(self, name, value)
        self.save()
