from django.db import models

from cms.events.recurrence import OccurrenceDates


class EventOccurrence(OccurrenceDates, models.Model):
    """One date of an English event page, kept in the database so listings can filter, count
    and paginate dates without expanding every series on every request. Rebuilt whenever the
    event is saved, and daily so the two-year window moves on (see tasks.py)."""

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    # The start again when the event gives no end, so that date ranges are a simple overlap.
    end = models.DateTimeField()
    has_end = models.BooleanField(default=True)
    all_day = models.BooleanField(default=False)
    cancelled = models.BooleanField(default=False)
    moved = models.BooleanField(default=False)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["start", "end"]), models.Index(fields=["end"])]

    def __str__(self):
        return f"{self.event_id} at {self.start.isoformat()}"
