"""How an event repeats, in plain words in the reader's language, and the one card per event
that the pages listing upcoming events show."""

from datetime import date, datetime, time

import pytest
from django.utils import translation

from cms.events.models import EventPage
from cms.events.patterns import pattern_in_words
from cms.events.recurrence import NEW_YORK, Schedule
from tests.events.factories import days_from_today, make_event, new_york
from tests.events.test_listing import next_weekday


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute)).replace(tzinfo=NEW_YORK)


WEDNESDAY, SATURDAY, FRIDAY = date(2027, 3, 3), date(2027, 3, 6), date(2027, 3, 26)


@pytest.mark.parametrize(
    ("schedule", "words"),
    [
        (
            Schedule(at(WEDNESDAY, 10), at(WEDNESDAY, 11), repeat="weekly", weekdays=["WE"]),
            "Every Wednesday, 10 to 11 am",
        ),
        (
            Schedule(
                at(date(2027, 3, 1), 15, 30),
                at(date(2027, 3, 1), 17),
                repeat="weekly",
                weekdays=["MO", "TH"],
            ),
            "Every Monday and Thursday, 3:30 to 5 pm",
        ),
        (
            Schedule(
                at(WEDNESDAY, 9),
                at(WEDNESDAY, 14, 30),
                repeat="weekly",
                weekdays=["MO", "WE", "FR"],
            ),
            "Every Monday, Wednesday and Friday, 9 am to 2:30 pm",
        ),
        (
            Schedule(at(WEDNESDAY, 18), repeat="weekly", interval=2),
            "Every 2 weeks on Wednesday, 6 pm",
        ),
        (
            Schedule(at(SATURDAY, 0), all_day=True, repeat="monthly", monthly="weekday"),
            "Every month on the first Saturday",
        ),
        (
            Schedule(at(FRIDAY, 12), at(FRIDAY, 13), repeat="monthly", monthly="last-weekday"),
            "Every month on the last Friday, 12 to 1 pm",
        ),
        (
            Schedule(at(date(2027, 3, 14), 0), all_day=True, repeat="monthly", interval=3),
            "Every 3 months on the 14th",
        ),
        (Schedule(at(WEDNESDAY, 8), at(WEDNESDAY, 9), repeat="daily"), "Every day, 8 to 9 am"),
        (Schedule(at(WEDNESDAY, 10), at(WEDNESDAY, 11)), ""),
    ],
)
def test_a_schedule_in_plain_words(schedule, words):
    assert pattern_in_words(schedule) == words


def test_the_pattern_in_spanish_and_arabic():
    weekly = Schedule(
        at(date(2027, 3, 1), 15, 30),
        at(date(2027, 3, 1), 17),
        repeat="weekly",
        weekdays=["MO", "TH"],
    )
    monthly = Schedule(at(SATURDAY, 0), all_day=True, repeat="monthly", monthly="weekday")

    with translation.override("es"):
        assert pattern_in_words(weekly) == "Todos los lunes y jueves, de 15:30 a 17:00"
        assert pattern_in_words(monthly) == "Cada mes, el primer sábado"
    with translation.override("ar"):
        assert pattern_in_words(weekly) == "كل اثنين وخميس، من 3:30 إلى 5 م"
        assert pattern_in_words(monthly) == "أول سبت من كل شهر"


@pytest.mark.django_db
@pytest.mark.clock
def test_pages_listing_upcoming_events_show_a_series_once_at_its_next_date(
    event_indexes, sites, locales
):
    first = next_weekday(2)
    make_event(
        event_indexes["growingup"],
        title="Zoo on Wednesdays",
        starts_at=new_york(first, 10),
        repeat="weekly",
        repeat_count=10,
    )
    make_event(event_indexes["growingup"], title="Puppet show", starts_at=new_york(first, 15))
    make_event(
        event_indexes["growingup"], title="Later fair", starts_at=new_york(days_from_today(40), 9)
    )

    upcoming = EventPage.upcoming_occurrences(sites["growingup"], locales["en"], limit=3)

    assert [(o.event.title, o.start) for o in upcoming] == [
        ("Zoo on Wednesdays", new_york(first, 10)),
        ("Puppet show", new_york(first, 15)),
        ("Later fair", new_york(days_from_today(40), 9)),
    ]
