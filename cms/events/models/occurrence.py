from django.db import models, transaction
from django.utils import timezone

from cms.events.recurrence import HORIZON, KEEP_PAST, OccurrenceDates

# What a stored date says; a row that says the same is left alone.
OCCURRENCE_FIELDS = ("start", "end", "has_end", "all_day", "cancelled", "moved", "note")


class EventOccurrenceQuerySet(models.QuerySet):
    def of_events(self, events, *, start=None, end=None):
        """Dates of `events` (a queryset of event pages) that are on between `start` (default
        now) and `end` (default two years on), soonest first, each with its event."""
        start = start or timezone.now()
        end = end or start + HORIZON
        # Events first, then their dates: a join per date would make counting slow.
        return (
            self.filter(
                event_id__in=models.Subquery(events.values("pk")), end__gt=start, start__lt=end
            )
            .select_related("event")
            .order_by("start", "pk")
        )

    def next_of_each_event(self):
        """Of these dates, one per event: its first that is not cancelled, or its first when
        all are, soonest first. Listings show an event once, at its next date in the range
        asked for; core/listing.js chooses the same date from each event's dates in the JSON."""
        first = (
            self.filter(event_id=models.OuterRef("event_id"))
            .order_by("cancelled", "start", "pk")
            .values("pk")[:1]
        )
        return self.filter(pk=models.Subquery(first))

    def current(self):
        """Dates that end after a month ago: what the calendar feeds still carry."""
        return self.filter(end__gt=timezone.now() - KEEP_PAST)

    def refresh_for(self, event):
        """Bring the stored dates of one English event page in line with its schedule, touching
        only the dates that changed: a save that keeps the schedule changes no row, so nothing
        that shows the event's dates is rebuilt."""
        wanted = {
            tuple(getattr(row, name) for name in OCCURRENCE_FIELDS): row
            for row in self.model.rows_for(event)
        }
        with transaction.atomic():
            stored = self.filter(event_id=event.pk)
            kept, stale = set(), []
            for pk, *values in stored.values_list("pk", *OCCURRENCE_FIELDS):
                key = tuple(values)
                if key in wanted and key not in kept:
                    kept.add(key)
                else:
                    stale.append(pk)
            if stale:
                self.filter(pk__in=stale).delete()
            self.bulk_create([row for key, row in wanted.items() if key not in kept])


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

    objects = EventOccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["start", "end"]), models.Index(fields=["end"])]

    def __str__(self):
        return f"{self.event_id} at {self.start.isoformat()}"

    @classmethod
    def rows_for(cls, event):
        """Unsaved rows for an English event page's schedule, two years ahead and a month
        back."""
        now = timezone.now()
        occurrences = event.schedule.occurrences(
            window_start=now - KEEP_PAST, window_end=now + HORIZON
        )
        return [
            cls(
                event_id=event.pk,
                start=occurrence.start,
                end=occurrence.end or occurrence.start,
                has_end=occurrence.end is not None,
                all_day=occurrence.all_day,
                cancelled=occurrence.cancelled or event.cancelled,
                moved=occurrence.moved,
                note=occurrence.note,
            )
            for occurrence in occurrences
        ]
