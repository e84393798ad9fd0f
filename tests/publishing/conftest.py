"""A static build of the test sites into a temporary folder. Most tests build three languages
(English, Spanish, Arabic) to stay quick; what holds for three holds for eleven."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from cms.core.translation import translate
from cms.publishing.build import build_site
from tests.core.factories import StandardPageFactory

LANGUAGES = ["en", "es", "ar"]


@pytest.fixture
def output_root(tmp_path, settings):
    settings.STATIC_BUILD_DIR = tmp_path / "dist"
    return settings.STATIC_BUILD_DIR


@pytest.fixture
def three_languages(sites):
    LocaleSynchronization.objects.exclude(locale__language_code__in=LANGUAGES).delete()
    Locale.objects.exclude(language_code__in=LANGUAGES).delete()
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def content(sites, three_languages, synced):
    """Growing Up NYC in three languages, its home page translated, with an About page in the
    menu (untranslated: Spanish and Arabic readers get the English page)."""
    home = sites["growingup"].root_page.specific
    for code in ("es", "ar"):
        translate(home, three_languages[code], {home.hero_heading: f"[{code}] {home.hero_heading}"})
    about = StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    synced()
    return {"sites": sites, "home": home, "about": about}


@pytest.fixture
def build(output_root):
    """build("growingup") bakes one site (optionally some languages) and returns the report."""

    def run(site_key="growingup", language_codes=None):
        return build_site(site_key, output_root, language_codes)

    return run
