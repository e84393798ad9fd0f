"""Editors set up a repeating event with checkboxes and dates, never RRULE text."""

import pytest
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.events.models import EventPage
from cms.events.recurrence import to_local

pytestmark = pytest.mark.django_db


def event_form(weekdays=("MO", "WE"), **overrides):
    data = {
        "title": "Toddler gym",
        "slug": "toddler-gym",
        "summary": "Climb, crawl and play.",
        "description": rich_text("<p>Wear socks with grips.</p>"),
        "starts_at": "2027-03-01 10:00",
        "ends_at": "2027-03-01 11:00",
        "repeat": "weekly",
        "repeat_interval": "1",
        "repeat_monthly": "date",
        "repeat_until": "2027-04-30",
        "skipped_dates": inline_formset([{"date": "2027-03-15"}]),
        "occurrence_changes": inline_formset(
            [{"original_date": "2027-03-17", "cancelled": "on", "note": "Gym floor repairs"}]
        ),
        "extra_dates": inline_formset([]),
        "comments": inline_formset([]),
        "venue_name": "Brownsville Recreation Center",
        "address": "1555 Linden Blvd, Brooklyn, NY 11212",
        "borough": "brooklyn",
        "accessibility": "fully",
        "cost": "",
        "is_free": "on",
        "audience": "family",
        "action-publish": "publish",
    }
    data.update(overrides)
    # Checkbox lists go to the test client as they are; nested_form_data would number them.
    return {
        **nested_form_data(data),
        "repeat_weekdays": list(weekdays),
        "age_stage_slugs": ["toddler"],
    }


def test_editor_makes_a_weekly_event_with_checkboxes(
    admin_client, event_indexes, age_stages, locales, get
):
    index = event_indexes["growingup"]

    response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", event_form())

    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="toddler-gym", locale=locales["en"])
    assert event.live and event.repeat_weekdays == "MO,WE" and event.age_stage_slugs == "toddler"
    assert to_local(event.starts_at).hour == 10
    master = Calendar.from_ical(get("growingup", "/events/toddler-gym/event.ics").content).walk(
        "VEVENT"
    )[0]
    assert master["RRULE"]["BYDAY"] == ["MO", "WE"]
    assert master["EXDATE"].dts[0].dt.date().isoformat() == "2027-03-15"


def test_editor_is_told_when_the_first_date_is_not_a_chosen_day(
    admin_client, event_indexes, age_stages
):
    index = event_indexes["growingup"]

    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{index.pk}/",
        event_form(weekdays=["TU"], repeat_count="5"),
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "repeat_weekdays" in errors and "repeat_count" in errors
    assert not EventPage.objects.exists()
