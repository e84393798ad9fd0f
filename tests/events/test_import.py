"""Partner calendars in: feeds shaped like Google Calendar, Outlook and Thunderbird exports,
re-imports, SEQUENCE, events that leave a feed, editors' changes and broken feeds."""

import hashlib
from dataclasses import replace
from datetime import date, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import Revision

from cms.events import client, importer
from cms.events.ics import event_calendar
from cms.events.importer import ImportTarget, import_calendar, import_feed
from cms.events.models import CalendarFeed, EventOccurrence, EventPage, ImportRun
from cms.events.recurrence import NEW_YORK, to_local
from tests.events.factories import days_from_today, make_event, new_york, vcalendar, vevent

pytestmark = pytest.mark.django_db

CALENDARS = Path(__file__).parent / "calendars"
FALLBACK_NOTICE = "This page is not available in your language yet. It is shown in English."


def calendar(name):
    return (CALENDARS / f"{name}.ics").read_bytes()


@pytest.fixture
def target(event_indexes, age_stages):
    return ImportTarget(
        index=event_indexes["growingup"], source="feed:test", default_borough="bronx"
    )


def originals(**filters):
    """The English event pages the import made (not their copies in other languages)."""
    return EventPage.objects.filter(locale__language_code="en", alias_of__isnull=True, **filters)


def imported(uid):
    return originals().get(uid=uid)


def state():
    """Everything an import could change."""
    return (
        sorted(
            EventPage.objects.values_list(
                "pk", "title", "live", "starts_at", "latest_revision_id", "import_conflict"
            )
        ),
        Revision.objects.count(),
        EventOccurrence.objects.count(),
    )


def test_google_calendar_export(target):
    run = import_calendar(calendar("google"), target)

    assert run.succeeded and (run.created, run.updated) == (4, 0)
    story = imported("5r8t0k2n3q7v@google.com")
    assert story.live and story.title == "Toddler Story Time"
    assert to_local(story.starts_at) == datetime(2027, 3, 2, 10, 30)
    assert to_local(story.ends_at) == datetime(2027, 3, 2, 11, 30)
    assert (story.repeat, story.repeat_weekdays, story.repeat_until) == (
        "weekly",
        "TU",
        date(2027, 6, 29),
    )
    assert [d.date for d in story.skipped_dates.all()] == [date(2027, 3, 9)]
    moved, cancelled = story.occurrence_changes.order_by("original_date")
    assert (moved.original_date, to_local(moved.starts_at)) == (
        date(2027, 3, 16),
        datetime(2027, 3, 17, 14),
    )
    assert (cancelled.original_date, cancelled.cancelled) == (date(2027, 3, 23), True)
    # Folded lines are joined; plain-text paragraphs become paragraphs.
    assert story.description == (
        "<p>Songs, stories and rhymes for children 1 to 3 and their grown-ups.</p>"
        "<p>No sign-up needed. Come early: space is limited.</p>"
    )
    assert (story.venue_name, story.address) == (
        "Flushing Library",
        "41-17 Main St, Flushing, NY 11355, USA",
    )
    assert story.borough == "queens" and story.age_stage_slugs == "toddler"
    assert story.organizer == "Queens Library Kids" and story.import_sequence == 2

    festival = imported("festival2027@google.com")
    assert festival.all_day and festival.is_free
    assert to_local(festival.starts_at).date() == date(2027, 6, 5)
    assert to_local(festival.ends_at).date() == date(2027, 6, 6)  # DTEND is the day after

    online = imported("homework-help-online@google.com")
    assert online.is_virtual and online.online_url == "https://meet.google.com/abc-defg-hij"
    assert to_local(online.starts_at) == datetime(2027, 4, 10, 11)  # 15:00 UTC in April
    assert online.borough == "bronx"  # the feed's default

    assert imported("cancelled-concert@google.com").cancelled


def test_outlook_export_with_windows_time_zone_twice_and_html(target):
    run = import_calendar(calendar("outlook"), target)

    assert run.succeeded and run.created == 2
    walk = imported("040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5@outlook")
    assert to_local(walk.starts_at) == datetime(2027, 3, 13, 10)
    assert walk.ends_at - walk.starts_at == timedelta(hours=1, minutes=30)  # from DURATION
    # "Second Saturday" written with BYSETPOS: kept as the six dates themselves.
    assert walk.repeat == ""
    assert [to_local(e.starts_at).date() for e in walk.extra_dates.all()] == [
        date(2027, 4, 10),
        date(2027, 5, 8),
        date(2027, 6, 12),
        date(2027, 7, 10),
        date(2027, 8, 14),
    ]
    assert "<b>Join a park ranger</b>" in walk.description and "<i>water</i>" in walk.description
    assert '<a href="https://www.nycgovparks.org/">' in walk.description
    for unsafe in ("script", "alert", "onclick", "javascript", "img"):
        assert unsafe not in walk.description
    assert walk.borough == "bronx"

    planting = imported("040000008200E00074C5B7101A82E00800000000F9E8D7C6B5A4@outlook")
    assert [to_local(e.starts_at) for e in planting.extra_dates.all()] == [
        datetime(2027, 4, 17, 9),
        datetime(2027, 5, 15, 9),
    ]


def test_thunderbird_export_with_floating_times_and_missing_ends(target):
    run = import_calendar(calendar("thunderbird"), target)

    assert run.succeeded and run.created == 4
    mic = imported("9f1c2d3e-4b5a-6978-8c9d-0e1f2a3b4c5d")
    assert mic.title.startswith("Teen open mic night at the community center with music, poetry")
    assert to_local(mic.starts_at) == datetime(2027, 3, 5, 18)  # floating time: New York
    assert (mic.repeat, mic.repeat_interval, mic.repeat_count) == ("weekly", 2, 8)
    assert [d.date for d in mic.skipped_dates.all()] == [date(2027, 3, 19), date(2027, 4, 16)]
    assert [to_local(e.starts_at) for e in mic.extra_dates.all()] == [datetime(2027, 4, 24, 18)]
    assert [(c.original_date, c.cancelled) for c in mic.occurrence_changes.all()] == [
        (date(2027, 4, 2), True)
    ]
    assert mic.borough == "staten-island"

    webinar = imported("b2c3d4e5-chicago-webinar")
    assert to_local(webinar.starts_at) == datetime(2027, 4, 15, 18)  # 17:00 in Chicago
    assert webinar.ends_at is None and webinar.is_virtual
    fair = imported("c3d4e5f6-no-end")
    assert fair.ends_at is None and fair.borough == "manhattan"
    art = imported("d4e5f6-unknown-zone")
    assert to_local(art.starts_at) == datetime(2027, 4, 22, 16)


def test_importing_the_same_feed_again_changes_nothing(target):
    targets = {name: replace(target, source=name) for name in ("google", "outlook", "thunderbird")}
    for name, each in targets.items():
        import_calendar(calendar(name), each)
    before = state()

    runs = [import_calendar(calendar(name), each) for name, each in targets.items()]

    assert state() == before
    assert originals(live=True).count() == 10
    assert [(r.created, r.updated, r.unchanged) for r in runs] == [(0, 0, 4), (0, 0, 2), (0, 0, 4)]


def test_a_draft_import_updated_by_a_later_run_is_not_taken_for_an_editors_change(target):
    # Drafts first, with other defaults; then published with this listing's own; then again.
    import_calendar(calendar("google"), replace(target, publish=False, default_borough="queens"))
    second = import_calendar(calendar("google"), target)
    third = import_calendar(calendar("google"), target)

    assert second.updated > 0
    assert (third.flagged, third.updated) == (0, 0)
    assert third.unchanged == second.updated + second.unchanged
    assert not originals(import_conflict=True).exists()


def test_newer_sequence_updates_and_older_sequence_is_ignored(target):
    import_calendar(calendar("google"), target)
    newer = (
        calendar("google")
        .replace(b"SEQUENCE:2", b"SEQUENCE:3")
        .replace(b"SUMMARY:Toddler Story Time", b"SUMMARY:Toddler Story Hour")
    )
    older = (
        calendar("google")
        .replace(b"SEQUENCE:2", b"SEQUENCE:1")
        .replace(b"SUMMARY:Toddler Story Time", b"SUMMARY:Old title")
    )

    assert import_calendar(newer, target).updated == 1
    assert import_calendar(older, target).updated == 0

    story = imported("5r8t0k2n3q7v@google.com")
    assert story.title == "Toddler Story Hour" and story.import_sequence == 3
    assert story.live and not story.has_unpublished_changes


def without_event(data, uid):
    head, *events = data.split(b"BEGIN:VEVENT")
    kept = [event for event in events if f"UID:{uid}\r\n".encode() not in event]
    return b"BEGIN:VEVENT".join([head, *kept]) + (b"" if kept else b"END:VCALENDAR\r\n")


def test_events_that_leave_the_feed_are_unpublished_and_come_back(target):
    import_calendar(calendar("google"), target)

    run = import_calendar(without_event(calendar("google"), "festival2027@google.com"), target)

    festival = imported("festival2027@google.com")
    assert run.unpublished == 1 and not festival.live
    assert originals(uid="festival2027@google.com").exists()

    again = import_calendar(calendar("google"), target)

    assert (again.created, again.updated, again.unchanged, again.flagged) == (0, 1, 3, 0)
    assert imported("festival2027@google.com").live


def test_an_editors_change_is_kept_and_flagged(target, django_user_model):
    import_calendar(calendar("google"), target)
    editor = django_user_model.objects.create_user("editor")
    story = imported("5r8t0k2n3q7v@google.com")
    story.title = "Story time for toddlers (in English and Spanish)"
    story.save_revision(user=editor).publish()
    changed = (
        calendar("google").replace(b"SEQUENCE:2", b"SEQUENCE:3").replace(b"T103000", b"T110000")
    )

    run = import_calendar(changed, target)

    story = imported("5r8t0k2n3q7v@google.com")
    assert run.flagged == 1 and story.import_conflict
    assert story.title == "Story time for toddlers (in English and Spanish)"
    assert to_local(story.starts_at).hour == 10

    # Clearing the flag lets the partner's next version in.
    story.import_conflict = False
    story.save_revision(user=editor).publish()
    assert import_calendar(changed, target).updated == 1
    assert to_local(imported("5r8t0k2n3q7v@google.com").starts_at).hour == 11


@pytest.mark.parametrize(
    "broken",
    [
        b"<html><body>Service unavailable</body></html>",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n",
        b"",
    ],
    ids=["html", "truncated", "empty-calendar", "nothing"],
)
def test_a_broken_feed_leaves_events_as_they_were(target, broken):
    import_calendar(calendar("google"), target)
    before = state()

    run = import_calendar(broken, target)

    assert not run.succeeded and run.message
    assert state() == before


def test_one_unreadable_event_is_skipped_and_kept(target):
    import_calendar(calendar("google"), target)
    damaged = calendar("google").replace(
        b"DTSTART;VALUE=DATE:20270605", b"DTSTART;VALUE=DATE:2027-06-garbage"
    )

    run = import_calendar(damaged, target)

    assert run.succeeded and run.unpublished == 0
    assert imported("festival2027@google.com").live


def test_feed_download_is_bounded_and_failures_are_reported(target, httpserver, monkeypatch):
    feed = CalendarFeed.objects.create(
        name="Queens Library",
        url=httpserver.url_for("/kids.ics"),
        event_index=target.index,
        default_borough="queens",
    )
    httpserver.expect_request("/kids.ics").respond_with_data(
        calendar("google"), content_type="text/calendar"
    )
    assert import_feed(feed).created == 4

    monkeypatch.setattr(client, "MAX_BYTES", 1000)
    too_big = import_feed(feed)
    httpserver.clear()
    httpserver.expect_request("/kids.ics").respond_with_data("Gone", status=404)
    missing = import_feed(feed)

    assert not too_big.succeeded and "10 MB" in too_big.message
    assert not missing.succeeded and "404" in missing.message
    assert originals(live=True).count() == 4
    assert list(ImportRun.objects.values_list("succeeded", flat=True)) == [False, False, True]


def test_exported_calendar_imported_again_gives_the_same_dates(event_indexes, age_stages):
    first = days_from_today(3)
    while first.weekday() != 5:
        first += timedelta(days=1)
    source = make_event(
        event_indexes["growingup"],
        title="Family yoga",
        starts_at=new_york(first, 9, 30),
        ends_at=new_york(first, 10, 15),
        repeat="weekly",
        repeat_weekdays="SA,SU",
        repeat_count=12,
        skipped=[first + timedelta(days=7)],
        changes=[
            {"original_date": first + timedelta(days=14), "cancelled": True},
            {
                "original_date": first + timedelta(days=21),
                "starts_at": new_york(first + timedelta(days=22), 8),
            },
        ],
    )
    exported = event_calendar([source], "Growing Up NYC").to_ical()

    run = import_calendar(
        exported, ImportTarget(index=event_indexes["generation"], source="file:export.ics")
    )
    copy = EventPage.objects.get(uid=source.uid, path__startswith=event_indexes["generation"].path)

    assert run.created == 1

    def dates(page):
        return [
            (o.start, o.end, o.cancelled)
            for o in EventOccurrence.objects.filter(event=page).order_by("start")
        ]

    assert dates(copy) == dates(source) and len(dates(source)) == 11
    assert copy.starts_at.astimezone(NEW_YORK) == source.starts_at.astimezone(NEW_YORK)


def test_import_command_for_one_file_as_drafts(target, tmp_path):
    path = tmp_path / "thunderbird.ics"
    path.write_bytes(calendar("thunderbird"))
    out = StringIO()

    call_command(
        "import_calendars", "--file", str(path), "--site", "growingup", "--draft", stdout=out
    )

    assert "4 new" in out.getvalue()
    pages = originals(import_source="file:thunderbird.ics")
    assert pages.count() == 4 and not pages.filter(live=True).exists()


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("URL:mailto:kids@library.example.org", "registration link"),
        ("URL:https://library.example.org/sign up", "registration link"),
        ("RRULE:FREQ=WEEKLY;INTERVAL=-1", "every"),
        ("RRULE:FREQ=WEEKLY;UNTIL=20270101T000000Z", "until"),
    ],
    ids=["mailto-link", "link-with-a-space", "negative-interval", "ends-before-it-starts"],
)
def test_one_bad_event_is_skipped_and_reported_and_the_rest_imported(target, line, field):
    data = vcalendar(
        vevent("good-1@partner", "RRULE:FREQ=WEEKLY;COUNT=4"),
        vevent("bad@partner", line, summary="Bad event"),
        vevent("good-2@partner", "URL:https://library.example.org/register"),
    )

    run = import_calendar(data, target)

    assert run.succeeded and (run.created, run.skipped) == (2, 1)
    assert set(originals().values_list("uid", flat=True)) == {"good-1@partner", "good-2@partner"}
    [problem] = run.problems
    assert problem.startswith("Bad event (bad@partner) was not imported") and field in problem
    assert problem.endswith(".") and not problem.endswith("..")


def test_a_second_feed_cannot_take_over_another_feeds_event(target, synced):
    import_calendar(calendar("google"), target)
    synced()
    copies = EventPage.objects.filter(uid="5r8t0k2n3q7v@google.com")
    assert copies.count() == 11
    impostor = vcalendar(
        vevent("5r8t0k2n3q7v@google.com", "SEQUENCE:99", summary="Visit our casino"),
        vevent("own-event@impostor", summary="Open day"),
    )

    run = import_calendar(impostor, replace(target, source="feed:impostor"))

    assert run.succeeded and (run.created, run.updated, run.skipped) == (1, 0, 1)
    assert set(copies.values_list("title", flat=True)) == {"Toddler Story Time"}
    assert "already used by Toddler Story Time" in run.problems[0]
    # The feed that owns it still updates it.
    again = import_calendar(calendar("google").replace(b"SEQUENCE:2", b"SEQUENCE:3"), target)
    assert (again.skipped, again.unchanged) == (0, 4)


def test_control_characters_never_reach_the_page(target):
    data = vcalendar(
        vevent("nul", "DESCRIPTION:Songs\x00 and\x07 rhymes\x1b", summary="Story\x00 time\x7f")
    )

    run = import_calendar(data, target)

    event = originals().get(uid="nul")
    assert run.succeeded and event.title == "Story time"
    assert event.description == "<p>Songs and rhymes</p>"


def test_a_run_is_on_record_while_it_works(target, monkeypatch):
    def stopped(importer_, data):
        assert ImportRun.objects.get().status == "running"
        raise SystemExit  # the worker is stopped in the middle of the import

    monkeypatch.setattr(importer.CalendarImporter, "run", stopped)

    with pytest.raises(SystemExit):
        import_calendar(calendar("google"), target)

    assert ImportRun.objects.get().status == "running"


def test_a_run_that_never_finished_is_marked_failed_by_the_next(target):
    stopped = ImportRun.objects.create(source=target.source)
    ImportRun.objects.filter(pk=stopped.pk).update(started_at=timezone.now() - timedelta(hours=2))

    run = import_calendar(calendar("google"), target)

    stopped.refresh_from_db()
    assert run.status == "finished" and stopped.status == "failed"
    assert stopped.message.startswith("The import stopped before it finished")


def test_imported_events_answer_in_every_language_with_the_english_fallback(
    target, translated_sites, get
):
    import_calendar(calendar("google"), target)
    story = originals().get(uid="5r8t0k2n3q7v@google.com")

    response = get("growingup", f"/es/events/{story.slug}/")

    assert response.status_code == 200
    assert "Toddler Story Time" in response.text
    with translation.override("es"):
        assert translation.gettext(FALLBACK_NOTICE) in response.text
    copies = EventPage.objects.filter(translation_key=story.translation_key, alias_of=story)
    assert sorted(copies.values_list("locale__language_code", flat=True)) == ["ar", "es"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Toddler Story Time!", "toddler-story-time-"),
        ("Read " * 12 + "aloud", "read-read-read-read-read-read-read-read-read-read-read-read-"),
        ("故事時間", "event-"),
        ("!!!", "event-"),
    ],
)
def test_imported_slugs_are_never_empty_and_keep_the_uid_hash(target, title, slug):
    import_calendar(vcalendar(vevent("slug@partner", summary=title)), target)

    made = originals().get(uid="slug@partner").slug
    assert made.startswith(slug) and made.endswith(
        f"-{hashlib.sha1(b'slug@partner').hexdigest()[:6]}"
    )
    assert "--" not in made


def test_the_organizer_s_e_mail_comes_from_the_feed_when_it_is_a_valid_address(target):
    data = vcalendar(
        vevent("with-mail", "ORGANIZER;CN=Brooklyn Public Library:mailto:events@bklynlibrary.org"),
        vevent("bad-mail", "ORGANIZER;CN=Queens Library:mailto:not an address"),
        vevent("no-mail", "ORGANIZER;CN=Queens Library:https://example.org/"),
    )

    import_calendar(data, target)

    assert imported("with-mail").organizer == "Brooklyn Public Library"
    assert imported("with-mail").organizer_email == "events@bklynlibrary.org"
    assert imported("bad-mail").organizer_email == imported("no-mail").organizer_email == ""
