from .imports import CalendarFeed, ImportRun
from .occurrence import EventOccurrence
from .pages import (
    ACCESSIBILITY,
    AUDIENCES,
    EventIndexPage,
    EventPage,
    ExtraDate,
    OccurrenceChangeRecord,
    SkippedDate,
)

__all__ = [
    "ACCESSIBILITY",
    "AUDIENCES",
    "CalendarFeed",
    "EventIndexPage",
    "EventOccurrence",
    "EventPage",
    "ExtraDate",
    "ImportRun",
    "OccurrenceChangeRecord",
    "SkippedDate",
]
