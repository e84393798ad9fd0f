"""Pages go live and expire at the times editors set; pages that know when they are over (an
event after its last day) expire by themselves. Time is frozen, never waited for."""

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from cms.core.models import StandardPage
from cms.editorial.tasks import publish_scheduled_pages
from tests.core.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.clock]

NEW_YORK = ZoneInfo("America/New_York")
MONDAY_9AM = datetime(2030, 6, 3, 9, 0, tzinfo=NEW_YORK)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def run_scheduler_at(moment):
    with at(moment):
        publish_scheduled_pages.enqueue()


def live(page):
    page.refresh_from_db()
    return page.live


def test_a_page_goes_live_and_expires_on_time(sites):
    with at(MONDAY_9AM - timedelta(days=1)):
        page = StandardPageFactory(parent=sites["growingup"].root_page, live=False)
        page.go_live_at = MONDAY_9AM
        page.expire_at = MONDAY_9AM + timedelta(days=7)
        page.save_revision().publish()
    assert not live(page)

    run_scheduler_at(MONDAY_9AM - timedelta(minutes=1))
    assert not live(page)
    run_scheduler_at(MONDAY_9AM + timedelta(minutes=1))
    assert live(page)

    run_scheduler_at(MONDAY_9AM + timedelta(days=7, minutes=-1))
    assert live(page)
    run_scheduler_at(MONDAY_9AM + timedelta(days=7, minutes=1))
    assert not live(page)
    assert page.expired


def test_a_page_that_knows_its_end_expires_after_it(sites, monkeypatch):
    last_day_ends = MONDAY_9AM + timedelta(days=2, hours=8)
    monkeypatch.setattr(StandardPage, "expiry_datetime", lambda page: last_day_ends, raising=False)
    with at(MONDAY_9AM):
        page = StandardPageFactory(parent=sites["growingup"].root_page, title="Story time")
        page.save_revision().publish()

    page.refresh_from_db()
    assert page.expire_at == last_day_ends
    run_scheduler_at(last_day_ends - timedelta(minutes=1))
    assert live(page)
    run_scheduler_at(last_day_ends + timedelta(minutes=1))
    assert not live(page)
