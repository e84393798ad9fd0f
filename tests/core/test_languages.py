"""Eleven languages: lang and dir, hreflang alternates, the language switcher, and the English
fallback for pages not translated yet."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

RTL = {"ar", "ur"}
FALLBACK_NOTICE = "This page is not available in your language yet. It is shown in English."


def in_language(code, message):
    with translation.override(code):
        return translation.gettext(message)


def html_tag(text):
    return re.search(r"<html [^>]*>", text).group(0)


def prefix(code):
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


@pytest.mark.parametrize("site_key", ["growingup", "generation"])
@pytest.mark.parametrize("code", [code for code, _ in settings.LANGUAGES])
def test_every_language_renders_both_home_pages(translated_sites, get, site_key, code):
    response = get(site_key, prefix(code))

    assert response.status_code == 200
    direction = "rtl" if code in RTL else "ltr"
    assert html_tag(response.text) == f'<html lang="{code}" dir="{direction}">'


def test_translated_home_page_is_in_its_language(translated_sites, get):
    response = get("growingup", "/ar/")

    assert "[ar] Help your child grow" in response.text
    assert 'role="note"' not in response.text  # no fallback notice


def test_hreflang_lists_every_real_translation_and_x_default(translated_sites, synced, get):
    synced()  # the other eight languages get untranslated aliases
    response = get("growingup", "/es/")

    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.text)
    )
    assert alternates == {
        "en": "http://growingup.localhost/",
        "es": "http://growingup.localhost/es/",
        "ar": "http://growingup.localhost/ar/",
        "x-default": "http://growingup.localhost/",
    }


def test_language_switcher_links_this_page_in_every_language(translated_sites, synced, get):
    page = StandardPageFactory(parent=translated_sites["growingup"].root_page, slug="about")
    synced()

    response = get("growingup", "/about/")

    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="[^"]+"', response.text)
    assert [code for _, code in links] == [code for code, _ in settings.LANGUAGES]
    assert dict((code, url) for url, code in links)["ur"] == "/ur/about/"
    assert page.title in response.text


def test_untranslated_page_falls_back_to_english_with_a_notice(translated_sites, synced, get):
    StandardPageFactory(
        parent=translated_sites["growingup"].root_page, slug="about", title="About us"
    )
    synced()

    response = get("growingup", "/ar/about/")

    assert response.status_code == 200
    assert html_tag(response.text) == '<html lang="ar" dir="rtl">'
    notice = in_language("ar", FALLBACK_NOTICE)
    assert notice != FALLBACK_NOTICE and notice in response.text
    content = response.text.split('role="note"', 1)[1]
    assert '<div lang="en" dir="ltr">' in content
    assert "About us" in content
    # Search engines are pointed at the English original, not the copy.
    assert '<link rel="canonical" href="http://growingup.localhost/about/">' in response.text


def test_language_with_no_tree_yet_serves_the_english_home(sites, get):
    response = get("generation", "/ko/")

    assert response.status_code == 200
    assert html_tag(response.text) == '<html lang="ko" dir="ltr">'
    assert '<div lang="en" dir="ltr">' in response.text
    assert "Your city. Your future." in response.text
