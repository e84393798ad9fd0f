"""The machine translation notice on a small phone, left to right and right to left."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import apply_machine_translation

from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def machine_translated(page, locale):
    """The page as a translator leaves it after pressing "Translate with a machine" and
    publishing, without a person's review."""
    translator = get_user_model().objects.create_superuser(
        "sample-translator", "t@example.org", "pw"
    )
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    apply_machine_translation(translation.pk, translator, DummyTranslator({}))
    translation.save_target(publish=False)
    translated = translation.get_target_instance()
    translated.get_latest_revision().publish()
    return translated


@pytest.mark.parametrize("code", ["es", "ar"])
def test_machine_translation_notice_is_accessible_on_a_phone(
    translated_sites, locales, phone, site_url, assert_accessible, screenshot, code
):
    page = StandardPageFactory(
        parent=translated_sites["growingup"].root_page,
        title="Free swim classes",
        summary="Children can learn to swim for free this summer.",
    )
    translated = machine_translated(page, locales[code])

    phone.goto(site_url("growingup", translated.get_url_parts()[2]))

    with translation.override(code):
        text = translation.gettext(
            "A computer translated this page. A person has not checked it yet, so some words may "
            "be wrong."
        )
    assert (
        text
        != "A computer translated this page. A person has not checked it yet, so some words may "
        "be wrong."
    )
    notice = phone.get_by_role("note").filter(has_text=text)
    assert notice.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)
    screenshot(phone, f"machine-translation-notice-{code}")
