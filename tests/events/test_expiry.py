"""An event page expires after its last date (cms.editorial sets expire_at from it on save)."""

from datetime import timedelta

import pytest

from tests.events.factories import days_from_today, make_event, new_york

pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def test_a_one_off_event_expires_when_it_ends(event_indexes):
    event = make_event(event_indexes["growingup"], starts_at=new_york(days_from_today(5), 10))

    assert event.expiry_datetime() == event.ends_at
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.expire_at == event.ends_at


def test_a_series_expires_after_its_last_date(event_indexes):
    start = new_york(days_from_today(2), 18)
    event = make_event(
        event_indexes["growingup"],
        starts_at=start,
        repeat="weekly",
        repeat_count=4,
        repeat_weekdays=["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()],
    )

    assert event.expiry_datetime() == start + timedelta(weeks=3, hours=1)


def test_a_series_without_an_end_never_expires(event_indexes):
    start = new_york(days_from_today(2), 18)
    event = make_event(
        event_indexes["growingup"],
        starts_at=start,
        repeat="weekly",
        repeat_weekdays=["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()],
    )

    assert event.expiry_datetime() is None
