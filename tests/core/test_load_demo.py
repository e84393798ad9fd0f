import os
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from cms.core import demo
from tests.core.demo_dump import FROZEN_AT, demo_dump, read_fixture, write_fixture

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Site.objects.count(),
        get_user_model().objects.count(),
        sorted(Page.objects.values_list("id", "live", "latest_revision_id")),
    )


@pytest.mark.demo
def test_load_demo_builds_both_sites_in_every_language_once(settings, tmp_path, monkeypatch):
    """One test, since the demo takes a minute to load: the first run builds everything, the
    second changes nothing, and the content is the demo's as recorded in demo_dump.json.gz."""
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"  # the demo's pictures
    monkeypatch.delenv("DEMO_ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)

    # The demo's dates count from the day it is loaded: load it on one fixed day.
    with time_machine.travel(FROZEN_AT, tick=False):
        output = load_demo()
        dump = demo_dump()
    if os.environ.get("DEMO_DUMP_UPDATE"):
        write_fixture(dump)
    assert dump == read_fixture()

    assert {site.hostname for site in Site.objects.all()} == {
        "growingup.localhost",
        "generation.localhost",
    }
    for site in Site.objects.all():
        translations = site.root_page.get_translations(inclusive=True)
        assert translations.count() == 11
        assert translations.filter(alias_of__isnull=True).count() == 3  # en, es, ar
    assert Page.find_problems() == ([], [], [], [], [])
    # A generated password is printed and kept outside the repository.
    password = (tmp_path / "demo-admin.txt").read_text().strip().split(":", 1)[1]
    assert f"admin / {password}" in output
    assert get_user_model().objects.get(username="admin").check_password(password)

    before = counts()
    again = load_demo()

    assert counts() == before
    assert "created" not in again and "translated" not in again
    assert f"admin / {password}" in again


def test_admin_credentials_come_from_the_environment(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("DEMO_ADMIN_USERNAME", "editor")
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-local-password")

    username, password, created = demo.ensure_admin()

    assert (username, password, created) == ("editor", "a-long-local-password", True)
    assert get_user_model().objects.get(username="editor").check_password("a-long-local-password")
    assert not (tmp_path / "demo-admin.txt").exists()
    assert demo.ensure_admin() == ("editor", "a-long-local-password", False)
