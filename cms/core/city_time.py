"""The city's clock: every date word (today, this weekend), every event time and every
deadline is New York time, whatever the server's or the phone's time zone."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")


def local_midnight(day):
    """The start of `day` in New York, as an aware datetime."""
    return datetime.combine(day, time()).replace(tzinfo=NEW_YORK)
