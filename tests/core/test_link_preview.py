"""A shared link shows the page: Open Graph and Twitter card tags with its title, summary,
address and picture, in the reader's language."""

import re

import pytest
from wagtail_factories import ImageFactory

from tests.core.factories import StandardPageFactory
from tests.growingup.conftest import stages  # noqa: F401 (a fixture)
from tests.growingup.factories import AgeGuideIndexPageFactory, AgeGuidePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stages")]


def preview(html):
    tags = re.findall(
        r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">', html
    )
    return dict(tags)


def test_a_page_with_a_picture_previews_with_it(translated_sites, get, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = ImageFactory(title="Toddler", file__width=960, file__height=540)
    home = translated_sites["growingup"].root_page
    guides = AgeGuideIndexPageFactory(parent=home)
    guide = AgeGuidePageFactory(parent=guides, hero_image=picture, hero_image_alt="A toddler")
    guide.summary = "What to expect from 1 to 3 years."
    guide.save_revision().publish()

    tags = preview(get("growingup", "/age-guides/toddler/").text)

    assert tags["og:title"] == "Toddler"
    assert tags["og:description"] == "What to expect from 1 to 3 years."
    assert tags["og:url"] == "http://growingup.localhost/age-guides/toddler/"
    assert tags["og:site_name"] == "Growing Up NYC"
    assert re.fullmatch(
        r"http://growingup\.localhost/media/images/.+\.fill-1200x630\..+", tags["og:image"]
    )
    assert tags["og:image:alt"] == "A toddler"
    assert tags["twitter:card"] == "summary_large_image"


def test_a_page_without_a_picture_previews_as_a_summary_in_the_readers_language(
    translated_sites, get, synced
):
    home = translated_sites["generation"].root_page
    StandardPageFactory(parent=home, title="About us", slug="about", summary="Who we are.")
    synced()

    tags = preview(get("generation", "/es/about/").text)

    assert tags["og:title"] == "About us"
    assert tags["og:locale"] == "es"
    assert tags["og:site_name"] == "Generation NYC"
    # An untranslated copy points at its original, as its canonical link does.
    assert tags["og:url"] == "http://generation.localhost/about/"
    assert "og:image" not in tags and tags["twitter:card"] == "summary"
