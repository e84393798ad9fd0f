from django.db import models


class ScheduledTaskRun(models.Model):
    """When a periodic task (cms.core.schedule) was last enqueued."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.name
