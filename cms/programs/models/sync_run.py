from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramSyncRunQuerySet(models.QuerySet):
    def high_water_mark(self):
        """The latest `:updated_at` a successful sync has seen, "" before the first."""
        run = (
            self.filter(succeeded=True, dry_run=False)
            .exclude(high_water_mark="")
            .order_by("-high_water_mark")
            .first()
        )
        return run.high_water_mark if run else ""


class ProgramSyncRun(models.Model):
    """One run of the programs sync: when, from where, what changed, what was skipped and why,
    or the error that stopped it. Shown to editors in the admin's report of sync runs."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
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
    def skipped_count(self):
        return len(self.skipped)
