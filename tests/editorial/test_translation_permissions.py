"""Sending content for translation is editing it: only the people who may change the English
page or snippet, and the page in the other language, may start, sync or publish translations."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import resolve
from wagtail.models import PageLogEntry, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.wagtail_hooks import register_admin_urls

from cms.editorial.translation_permissions import RULES
from tests.editorial.factories import growingup_snippets

pytestmark = pytest.mark.django_db

XHR = {"x-requested-with": "XMLHttpRequest"}
NEW_LANGUAGES = ("fr", "pl", "ko")


def submit_page(client, page, locales, **headers):
    return client.post(
        f"/admin/localize/submit/page/{page.pk}/",
        {"locales": [locales[code].pk for code in NEW_LANGUAGES]},
        headers=headers,
    )


def submit_snippet(client, record, locales):
    meta = record._meta
    return client.post(
        f"/admin/localize/submit/snippet/{meta.app_label}/{meta.model_name}/{record.pk}/",
        {"locales": [locales[code].pk for code in NEW_LANGUAGES]},
        headers=XHR,
    )


def translations_of(record):
    return type(record).objects.filter(translation_key=record.translation_key).exclude(pk=record.pk)


def test_a_generation_editor_cannot_translate_a_growingup_page(
    client, growingup_page, synced, locales, user_in
):
    synced()
    editor = user_in("Generation NYC editors")
    client.force_login(editor)

    assert client.get(f"/admin/localize/submit/page/{growingup_page.pk}/").url == "/admin/"
    assert submit_page(client, growingup_page, locales, **XHR).status_code == 403
    assert submit_page(client, growingup_page, locales).url == "/admin/"

    copies = translations_of(growingup_page).filter(locale__language_code__in=NEW_LANGUAGES)
    assert copies.count() == 3
    assert all(copy.alias_of_id == growingup_page.pk for copy in copies)
    assert not Translation.objects.filter(source__object_id=growingup_page.translation_key)
    assert not PageLogEntry.objects.filter(user=editor).exists()


def test_a_growingup_editor_translates_their_own_page(
    client, growingup_page, synced, locales, user_in
):
    synced()
    client.force_login(user_in("Growing Up NYC editors"))

    assert submit_page(client, growingup_page, locales).status_code == 302

    copies = translations_of(growingup_page).filter(locale__language_code__in=NEW_LANGUAGES)
    assert [copy.alias_of_id for copy in copies] == [None, None, None]
    assert Translation.objects.filter(source__object_id=growingup_page.translation_key).count() == 3


def test_every_translatable_snippet_is_covered():
    translatable = {
        (model._meta.app_label, model._meta.model_name)
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
    }
    assert translatable == {
        ("programs", "program"),
        ("growingup", "brainbuildingtip"),
        ("core", "alertbanner"),
        ("core", "agestage"),
    }, "a new translatable snippet: add it to growingup_snippets() so these tests cover it"


@pytest.mark.parametrize("group", ["Generation NYC editors", "Growing Up NYC editors"])
def test_editors_cannot_translate_snippets_they_may_not_change(
    client, editorial, locales, user_in, group
):
    client.force_login(user_in(group))
    for key, record in growingup_snippets(editorial["growingup"]).items():
        response = submit_snippet(client, record, locales)
        assert response.status_code == 403, key
        assert not translations_of(record).exists(), key
        assert not Translation.objects.filter(source__object_id=record.translation_key), key


def test_site_snippets_are_translated_by_their_own_site_only(client, editorial, locales, user_in):
    """A banner or a tip belongs to one site: the model's permission is not enough."""
    editor = user_in("Generation NYC editors")
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_alertbanner", "change_brainbuildingtip"])
    )
    client.force_login(editor)
    snippets = growingup_snippets(editorial["growingup"])
    for key in [("core", "alertbanner"), ("growingup", "brainbuildingtip")]:
        assert submit_snippet(client, snippets[key], locales).status_code == 403, key
        assert not translations_of(snippets[key]).exists(), key

    from tests.core.factories import AlertBannerFactory

    own_banner = AlertBannerFactory(site=editorial["generation"])
    assert submit_snippet(client, own_banner, locales).status_code == 302
    assert translations_of(own_banner).count() == 3


def test_programs_managers_translate_programs(client, editorial, locales, user_in):
    client.force_login(user_in("Programs managers"))
    program = growingup_snippets(editorial["growingup"])[("programs", "program")]

    assert submit_snippet(client, program, locales).status_code == 302
    assert translations_of(program).count() == 3


@pytest.fixture
def translated_page(growingup_page, synced, locales):
    """The Growing Up page sent for translation into French and Polish by its own team."""
    synced()
    translate_object(growingup_page, [locales["fr"], locales["pl"]])
    return growingup_page


def test_only_the_sites_team_syncs_translations(client, translated_page, user_in):
    source = TranslationSource.objects.get(object_id=translated_page.translation_key)
    translated_page.title = "Child care near you"
    translated_page.save_revision().publish()
    url = f"/admin/localize/update/{source.pk}/"
    read_at = source.last_updated_at

    client.force_login(user_in("Generation NYC editors"))
    assert client.get(url, headers=XHR).status_code == 403
    assert client.post(url, {"publish_translations": "on"}, headers=XHR).status_code == 403
    source.refresh_from_db()
    assert source.last_updated_at == read_at

    # Editors send changes on for translation but do not publish them; moderators do.
    client.force_login(user_in("Growing Up NYC editors"))
    assert client.post(url, {"publish_translations": "on"}, headers=XHR).status_code == 403
    assert client.post(url, {}).status_code == 302
    client.force_login(user_in("Growing Up NYC moderators"))
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    french = translated_page.get_translation(Translation.objects.first().target_locale)
    assert french.title == "Child care near you"


def test_turning_a_draft_translation_back_into_an_alias_publishes_it(
    client, translated_page, locales, user_in
):
    french = translated_page.get_translation(locales["fr"])
    french.unpublish()
    url = f"/admin/localize/page/{french.pk}/convert_to_alias/"

    client.force_login(user_in("Growing Up NYC editors"))
    assert client.post(url, headers=XHR).status_code == 403
    french.refresh_from_db()
    assert (french.alias_of_id, french.live) == (None, False)

    client.force_login(user_in("Growing Up NYC moderators"))
    assert client.post(url).status_code == 302
    french.refresh_from_db()
    assert (french.alias_of_id, french.live) == (translated_page.pk, True)


def test_every_wagtail_localize_view_answers_through_its_rule():
    """A view that a wagtail-localize upgrade adds gets no rule and is for superusers only:
    this test says so, so that someone writes its rule."""
    patterns = [pattern for urls in register_admin_urls() for pattern in urls.url_patterns]
    assert {pattern.name for pattern in patterns} == set(RULES)

    for address, name in [
        ("/admin/localize/submit/page/1/", "submit_page_translation"),
        ("/admin/localize/update/1/", "update_translations"),
        ("/admin/localize/translate/1/machine_translate/", "machine_translate"),
        ("/admin/localize/reports/translations/", "translations_report"),
    ]:
        assert resolve(address).func.rule is RULES[name], address
