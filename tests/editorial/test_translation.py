"""Translators see what is missing or out of date, work with PO files or a machine, and readers
are told when a machine translated what they read until a person has reviewed it."""

from datetime import timedelta

import polib
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone, translation
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

pytestmark = pytest.mark.django_db

DUMMY_MACHINE = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
MT_NOTICE = (
    "A computer translated this page. A person has not checked it yet, so some words may be wrong."
)
with translation.override("es"):
    NOTICE = translation.gettext(MT_NOTICE)  # the readers of these tests read Spanish


def status_counts(client, **query):
    response = client.get("/admin/editorial/translation-status/", {"site": "growingup", **query})
    assert response.status_code == 200
    return {
        row["status"].locale.language_code: {
            (cell["kind"], cell["state"]): cell["count"] for cell in row["cells"]
        }
        for row in response.context["rows"]
    }


def start_translation(page, locale):
    """What "Translate this page" does in the admin: a draft translation to work on."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    return translation


def publish(translation):
    translation.save_target(publish=False)
    translated = translation.get_target_instance()
    translated.get_latest_revision().publish()
    return translated


@pytest.fixture
def admin_client(client, django_user_model, editorial):
    client.force_login(django_user_model.objects.create_superuser("chief", "c@example.org", "pw"))
    return client


def test_dashboard_counts_follow_english_changes(admin_client, editorial, growingup_page):
    spanish = status_counts(admin_client)["es"]
    assert spanish[("pages", "translated")] == 1
    assert spanish[("pages", "out_of_date")] == 0
    assert spanish[("pages", "missing")] == 1
    assert status_counts(admin_client)["pl"][("pages", "missing")] == 2

    english_home = editorial["growingup"].root_page.specific
    english_home.hero_heading = "Help your child grow"
    english_home.save_revision().publish()

    spanish = status_counts(admin_client)["es"]
    assert spanish[("pages", "translated")] == 0
    assert spanish[("pages", "out_of_date")] == 1
    section = status_counts(admin_client, section=growingup_page.pk)["es"]
    assert section[("pages", "out_of_date")] == 0
    assert section[("pages", "missing")] == 1


def test_dashboard_lists_each_missing_page_with_a_link_to_translate_it(
    admin_client, growingup_page
):
    response = admin_client.get(
        "/admin/editorial/translation-status/",
        {"site": "growingup", "locale": "es", "state": "missing", "kind": "pages"},
    )

    [row] = response.context["items"]
    assert row["item"].english.pk == growingup_page.pk
    assert row["translation_url"] == f"/admin/localize/submit/page/{growingup_page.pk}/"
    assert f'href="/admin/pages/{growingup_page.pk}/edit/"' in response.content.decode()


def test_machine_translation_notice_shows_until_a_person_reviews(
    client, get, locales, growingup_page, user_in
):
    translator = user_in("Spanish translators")
    client.force_login(translator)
    translation = start_translation(growingup_page, locales["es"])
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_MACHINE):
        response = client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/")
    assert response.status_code == 302
    spanish_page = publish(translation)

    response = get("growingup", spanish_page.url)
    assert response.status_code == 200
    assert NOTICE in response.content.decode()
    assert NOTICE not in get("growingup", growingup_page.url).content.decode()

    record = translation.machine_translation
    response = client.post(f"/admin/editorial/machine-translations/{record.pk}/reviewed/")
    assert response.status_code == 302
    assert NOTICE not in get("growingup", spanish_page.url).content.decode()
    record.refresh_from_db()
    assert record.reviewed_by == translator


def test_another_languages_translator_cannot_mark_it_reviewed(
    client, locales, growingup_page, user_in
):
    translation = start_translation(growingup_page, locales["es"])
    StringTranslation.objects.create(
        translation_of=translation.source.stringsegment_set.first().string,
        context=translation.source.stringsegment_set.first().context,
        locale=locales["es"],
        data="Cuidado infantil",
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    client.force_login(user_in("Arabic translators"))

    response = client.post(
        f"/admin/editorial/machine-translations/{translation.machine_translation.pk}/reviewed/",
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 403
    translation.machine_translation.refresh_from_db()
    assert translation.machine_translation.reviewed_at is None


def test_translators_export_and_import_po_files(client, locales, growingup_page, user_in):
    client.force_login(user_in("Spanish translators"))
    translation = start_translation(growingup_page, locales["es"])

    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    entry = next(entry for entry in po if entry.msgid == "Child care")
    entry.msgstr = "Cuidado infantil"
    upload = SimpleUploadedFile("page-es.po", str(po).encode(), "text/x-gettext-translation")
    client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload})

    assert publish(translation).title == "Cuidado infantil"


def test_machine_translation_is_off_unless_configured():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None


def test_dashboard_counts_programs_of_the_site(admin_client, locales):
    from tests.programs.factories import ProgramFactory

    city_update = timezone.now() - timedelta(days=30)
    english = ProgramFactory(plain_language_name="Free meals for kids", updated_at=city_update)
    ProgramFactory(
        locale=locales["es"],
        translation_key=english.translation_key,
        unique_id_number="T900es",
        plain_language_name="Comidas gratis",
        updated_at=city_update,
    )
    assert english.shows_on_growingup
    assert status_counts(admin_client)["es"][("programs", "translated")] == 1
    assert status_counts(admin_client)["pl"][("programs", "missing")] == 1

    english.updated_at = timezone.now()
    english.save()

    assert status_counts(admin_client)["es"][("programs", "out_of_date")] == 1
