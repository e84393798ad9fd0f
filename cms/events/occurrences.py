"""Dates of events for other apps (the cards and lists of the sites): the series expanded (two
years ahead, 500 dates per event at most) and kept in EventOccurrence rows, filtered in the
database. The queries are the models' (EventPage, EventOccurrence); this is their name for
other apps."""

from cms.events.models import EventPage

upcoming_occurrences = EventPage.upcoming_occurrences

__all__ = ["upcoming_occurrences"]
