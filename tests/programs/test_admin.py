"""Editors in the admin: the programs listing, "Sync now", the report of sync runs, and
editing their own fields on a program."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.programs.models import Program, ProgramSyncRun
from tests.programs.factories import dataset_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, locales):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_the_programs_listing_offers_sync_now(editor, sync):
    sync([dataset_row(1)])

    response = editor.get(reverse("wagtailsnippets_programs_program:list"))

    assert response.status_code == 200
    assert "Help number 1" in response.text
    assert reverse("programs_sync_runs") in response.text


def test_sync_now_runs_a_full_sync_and_the_report_shows_it(editor, httpserver, settings):
    settings.SODA_BASE_URL = httpserver.url_for("/")
    httpserver.expect_request("/resource/kvhd-5fmu.json").respond_with_json(
        [dataset_row(1), dataset_row(2, language="Klingon")]
    )

    response = editor.post(reverse("programs_sync_now"), follow=True)

    assert response.status_code == 200
    run = ProgramSyncRun.objects.get()
    assert run.full and run.succeeded and run.created == 1
    assert "P002en: unknown language &#x27;Klingon&#x27;" in response.text
    assert Program.objects.live().count() == 1


def test_a_failed_run_shows_its_error(editor, httpserver, settings):
    settings.SODA_BASE_URL = httpserver.url_for("/")
    httpserver.expect_request("/resource/kvhd-5fmu.json").respond_with_data("[{", status=200)

    response = editor.post(reverse("programs_sync_now"), follow=True)

    assert "The sync stopped" in response.text
    assert "not valid JSON" in response.text


def test_sync_now_needs_permission_and_a_post(client, locales):
    get_user_model().objects.create_user("reader", "r@example.org", "pw")
    client.login(username="reader", password="pw")

    assert client.post(reverse("programs_sync_now")).status_code in (302, 403)
    assert not ProgramSyncRun.objects.exists()


def test_an_editor_sets_their_own_fields_and_the_imported_ones_stay(editor, sync):
    sync([dataset_row(1)])
    program = Program.objects.get()
    url = reverse("wagtailsnippets_programs_program:edit", args=[program.pk])

    response = editor.post(
        url,
        {
            "local_note": "Open late on Thursdays.",
            "featured": "on",
            "show_on": "both",
            "program_name": "Typed over by hand",
            "action-publish": "publish",
        },
    )

    assert response.status_code == 302
    program.refresh_from_db()
    assert (program.local_note, program.featured, program.program_name) == (
        "Open late on Thursdays.",
        True,
        "Program 1",
    )
