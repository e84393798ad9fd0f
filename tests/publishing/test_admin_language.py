"""An editor's admin stays in the editor's language after a publish, whether the static copy is
rebuilt inside the editor's request (the immediate task backend) or by the worker (the
database backend): the rebuild renders every language, and leaves none of them active."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from cms.core.models import StandardPage
from cms.publishing.build import SiteBuild
from cms.publishing.models import StaticRebuild
from cms.publishing.rendering import SiteRenderer
from tests.publishing.test_worker import publish, run_worker

# The publishes commit, as an editor's do: the rebuild runs once the change is committed.
committed = pytest.mark.django_db(transaction=True)


@pytest.fixture
def english_editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def about(content, build):
    build()
    return content["about"]


def next_admin_page(client, response):
    """The page the editor lands on after the publish, with the messages the publish left."""
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page.content.decode()


def assert_english(html):
    assert '<html lang="en"' in html
    # Nothing of the admin's chrome in the languages the rebuild rendered.
    for other in ("es", "ar"):
        assert f'<html lang="{other}"' not in html


@committed
def test_the_admin_stays_english_after_a_publish_rebuilt_in_the_request(english_editor, about):
    response = publish(english_editor, about, "New opening hours.")

    # The rebuild ran inside the request.
    assert StaticRebuild.objects.get().status == "live"
    html = next_admin_page(english_editor, response)
    assert_english(html)
    assert "Page &#x27;About us&#x27; has been published." in html
    assert translation.get_language() == "en"


@committed
def test_the_admin_stays_english_after_a_publish_rebuilt_by_the_worker(
    english_editor, about, settings
):
    settings.TASKS = settings.TASKS_BY_BACKEND["database"]
    response = publish(english_editor, about, "New opening hours.")
    assert StaticRebuild.objects.get().status == "queued"
    html = next_admin_page(english_editor, response)
    assert_english(html)
    assert "Page &#x27;About us&#x27; has been published." in html

    # The worker renders every language, and leaves its thread in the language it was in.
    run_worker()
    assert StaticRebuild.objects.get().status == "live"
    assert translation.get_language() == "en"
    assert_english(english_editor.get(f"/admin/pages/{about.pk}/edit/").content.decode())


@committed
def test_the_admin_stays_english_after_publishing_a_translation(english_editor, about, locales):
    home = about.get_parent()
    spanish_home = home.get_translation(locales["es"])
    translation_record = Translation.objects.get(
        source__object_id=home.translation_key, target_locale=locales["es"]
    )
    translation_record.enabled = True
    translation_record.save()
    url = f"/admin/pages/{spanish_home.pk}/edit/"

    response = english_editor.post(url, {"action": "publish"})

    assert StaticRebuild.objects.filter(status="live").exists()
    html = next_admin_page(english_editor, response)
    assert_english(html)
    assert "in Spanish" in html
    assert Page.objects.get(pk=spanish_home.pk).live


def arabic_then_broken(self, request, *args, **kwargs):
    translation.activate("ar")
    raise ValueError("no such block")


@pytest.mark.django_db
def test_a_render_that_raises_leaves_the_language_as_it_was(content, monkeypatch):
    renderer = SiteRenderer(content["sites"]["growingup"])
    assert not renderer.render("/es/").error
    assert translation.get_language() == "en"

    monkeypatch.setattr(StandardPage, "serve", arabic_then_broken)
    with translation.override("es"):
        rendered = renderer.render("/about/")
        assert "no such block" in rendered.error
        assert translation.get_language() == "es"


@pytest.mark.django_db
def test_a_build_that_raises_leaves_the_language_as_it_was(content, output_root):
    with pytest.raises(ValueError):
        with SiteBuild(content["sites"]["growingup"], output_root):
            translation.activate("ar")
            raise ValueError("the build stopped")
    assert translation.get_language() == "en"
