"""With the database task backend, as `make run` and production run: a publish answers the
editor before the rebuild, the worker rebuilds, and the editor sees the public copy's state."""

import contextlib
import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.publishing import tasks
from cms.publishing.models import StaticRebuild
from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = settings.TASKS_BY_BACKEND["database"]


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def about(content, build):
    build()
    return content["about"]


def publish(client, page, summary):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": summary,
            "body": streamfield([("paragraph", rich_text("<p>Who we are.</p>"))]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    return response


def static_state(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    text = response.content.decode()
    start = text.index("data-static-copy=")
    return text[start:].split('"')[1], text


def run_worker():
    call_command(
        "db_worker",
        "--batch",
        "--queue-name",
        tasks.QUEUE,
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


def about_page(output_root):
    return (output_root / "growingup/about/index.html").read_text()


def test_a_publish_answers_before_the_rebuild_and_the_worker_brings_it_live(
    about, editor, output_root, database_tasks, monkeypatch
):
    before = about_page(output_root)
    publish(editor, about, "New opening hours for the family center.")

    # The editor has an answer; the public copy is not touched yet.
    assert about_page(output_root) == before
    record = StaticRebuild.objects.get()
    assert record.status == "queued"
    assert record.trigger == 'Published "About us"'
    # The page and its untranslated copies in the other languages.
    assert set(record.pages.values_list("pk", flat=True)) == {about.pk} | set(
        about.aliases.values_list("pk", flat=True)
    )
    assert static_state(editor, about)[0] == "queued"

    seen_while_building = []
    rebuild = tasks.rebuild

    def watched_rebuild(changes):
        seen_while_building.append(static_state(editor, about)[0])
        return rebuild(changes)

    monkeypatch.setattr(tasks, "rebuild", watched_rebuild)
    run_worker()

    assert seen_while_building == ["building"]
    assert "New opening hours" in about_page(output_root)
    record.refresh_from_db()
    assert record.status == "live"
    assert record.urls_rendered >= 3  # the page in English, Spanish and Arabic
    state, html = static_state(editor, about)
    assert state == "live"
    assert "Static copy: live since" in html


def test_changes_that_come_while_a_rebuild_waits_join_it(
    about, editor, output_root, database_tasks
):
    other = StandardPageFactory(parent=about.get_parent(), title="Contact", slug="contact")
    publish(editor, about, "First change.")
    publish(editor, other, "Second change.")

    record = StaticRebuild.objects.get()
    assert record.merged == 1
    assert {about.pk, other.pk} <= set(record.pages.values_list("pk", flat=True))

    run_worker()

    assert "First change." in about_page(output_root)
    assert "Second change." in (output_root / "growingup/contact/index.html").read_text()
    assert StaticRebuild.objects.get().status == "live"


def test_a_rebuild_that_fails_shows_its_reason_to_editors_and_in_the_logs(
    about, editor, database_tasks, monkeypatch, caplog
):
    def broken(changes):
        raise OSError("No space left on device")

    monkeypatch.setattr(tasks, "rebuild", broken)
    publish(editor, about, "A change that cannot be built.")
    run_worker()

    record = StaticRebuild.objects.get()
    assert record.status == "failed"
    assert record.error == "No space left on device"
    state, html = static_state(editor, about)
    assert state == "failed"
    assert "No space left on device" in html
    dashboard = editor.get("/admin/").content.decode()
    assert 'data-rebuild="failed"' in dashboard
    assert "No space left on device" in dashboard
    assert "Published &quot;About us&quot;" in dashboard
    assert any("failed" in message and "About us" in message for message in caplog.messages)


def test_the_dashboard_lists_the_last_rebuilds_with_their_figures(about, editor, database_tasks):
    publish(editor, about, "Changed.")
    run_worker()

    dashboard = editor.get("/admin/").content.decode()
    record = StaticRebuild.objects.get()
    assert 'data-rebuild="live"' in dashboard
    assert f"<td>{record.urls_rendered}</td>" in dashboard


def test_a_queued_whole_site_build_runs_in_the_worker(content, output_root, database_tasks):
    call_command("build_static", "--queue", "--site", "growingup", stdout=open("/dev/null", "w"))
    record = StaticRebuild.objects.get()
    assert record.full and record.status == "queued"
    assert not (output_root / "growingup").exists()

    run_worker()

    record.refresh_from_db()
    assert record.status == "live"
    manifest = json.loads((output_root / "growingup/build-manifest.json").read_text())
    assert record.urls_rendered == len(manifest["outputs"]) > 0
    # Every page's state is this build's until a publish of its own.
    assert StaticRebuild.objects.for_page(content["about"]).first() == record


def test_a_build_whose_worker_was_stopped_is_marked_failed(content):
    record = StaticRebuild.objects.create(trigger="Whole-site build (make run)", full=True)
    assert record.take()

    assert StaticRebuild.fail_stalled() == 0  # still within its time
    assert StaticRebuild.fail_stalled(after=timedelta(0)) == 1

    record.refresh_from_db()
    assert record.status == "failed"
    assert "worker stopped" in record.error


# Not a transactional test: those empty the permissions that the editors' groups need.
@pytest.mark.django_db
def test_the_other_sites_editor_sees_only_their_own_sites_rebuilds(
    about, editor, database_tasks, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group
    from django.test import Client

    from cms.editorial.groups import editors_group_name, ensure_editorial_setup

    with django_capture_on_commit_callbacks(execute=True):
        publish(editor, about, "A Growing Up NYC change.")
    record = StaticRebuild.objects.get()
    assert about.pk in record.pages.values_list("pk", flat=True)
    ensure_editorial_setup()
    other = get_user_model().objects.create_user("gen-editor", password="pw")
    other.groups.add(Group.objects.get(name=editors_group_name("generation")))
    client = Client()
    client.force_login(other)

    dashboard = client.get("/admin/").content.decode()

    assert "Public static copies: last rebuilds" in dashboard
    assert "data-rebuild=" not in dashboard
    # The site's own editors see it.
    assert 'data-rebuild="queued"' in editor.get("/admin/").content.decode()


class RolledBack(Exception):
    pass


@pytest.mark.django_db
def test_the_changes_of_a_transaction_that_rolled_back_reach_no_rebuild(
    about, sites, django_capture_on_commit_callbacks
):
    from cms.publishing import signals

    signals.flush()  # what making the sites left to rebuild
    StaticRebuild.objects.all().delete()
    generation_home = sites["generation"].root_page.specific
    # A request that published on the other site, then failed: its changes never happened.
    with contextlib.suppress(RolledBack), transaction.atomic():
        generation_home.save_revision().publish()
        raise RolledBack

    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    record = StaticRebuild.objects.get()
    assert record.trigger == 'Published "About us"'
    assert generation_home.pk not in record.pages.values_list("pk", flat=True)
