from datetime import datetime, time, timedelta

import factory
import wagtail_factories
from django.utils import timezone

from cms.events.models import (
    EventIndexPage,
    EventPage,
    ExtraDate,
    OccurrenceChangeRecord,
    SkippedDate,
)
from cms.events.recurrence import NEW_YORK


def new_york(day, hour=10, minute=0):
    """An aware datetime at a New York wall-clock time."""
    return datetime.combine(day, time(hour, minute)).replace(tzinfo=NEW_YORK)


def days_from_today(days):
    return timezone.localtime(timezone.now(), NEW_YORK).date() + timedelta(days=days)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story time {n}")
    summary = "Stories and songs for little ones."
    starts_at = factory.LazyFunction(lambda: new_york(days_from_today(3), 10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    venue_name = "Central Library"
    address = "10 Grand Army Plaza, Brooklyn, NY 11238"
    borough = "brooklyn"
    audience = "family"

    class Meta:
        model = EventPage


def make_event(parent, *, skipped=(), extra=(), changes=(), **fields):
    """An event page under `parent` with its skipped dates, extra dates and changes to single
    dates (dicts of OccurrenceChangeRecord fields), saved and published."""
    page = EventPageFactory.build(**fields)
    page.skipped_dates = [SkippedDate(date=day) for day in skipped]
    page.extra_dates = [ExtraDate(starts_at=moment) for moment in extra]
    page.occurrence_changes = [OccurrenceChangeRecord(**change) for change in changes]
    parent.add_child(instance=page)
    return page
