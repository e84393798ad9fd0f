"""Images for phones: WebP with a fallback, several widths, fixed size, lazy below the fold,
and the renditions copied into the build under hashed names."""

import re

import pytest
from django.template import Context, Template
from wagtail_factories import ImageFactory

from cms.publishing.assets import AssetHasher
from cms.publishing.verification import parse_links
from sites.generation.models import TripPhoto
from tests.generation.factories import (
    TopicIndexPageFactory,
    TopicPageFactory,
    TripIndexPageFactory,
    TripPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return ImageFactory(
        title="Children at a library story time", file__width=1600, file__height=900
    )


def render(source, **context):
    return Template("{% load publishing_images %}" + source).render(Context(context))


def test_responsive_image_offers_webp_and_a_fallback_at_several_widths(photo):
    html = render(
        '{% responsive_image photo sizes="(min-width: 48rem) 50vw, 100vw" %}', photo=photo
    )

    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', html)[1]
    fallback = re.search(r'<img src="[^"]+" srcset="([^"]+)"', html)[1]
    assert [entry.split()[1] for entry in webp.split(", ")] == [
        "320w",
        "480w",
        "768w",
        "1024w",
        "1280w",
    ]
    assert all(".webp" in entry for entry in webp.split(", "))
    assert all(".webp" not in entry for entry in fallback.split(", "))
    assert 'sizes="(min-width: 48rem) 50vw, 100vw"' in html
    # Never wider than the layout's widest, with the original's shape: 1280 x 720.
    assert 'width="1280" height="720"' in html
    assert 'loading="lazy"' in html and 'alt="Children at a library story time"' in html


def test_an_image_at_the_top_of_the_page_loads_at_once(photo):
    html = render("{% responsive_image photo eager=True max_width=768 alt='' %}", photo=photo)

    assert 'loading="lazy"' not in html and 'fetchpriority="high"' in html
    assert 'width="768" height="432"' in html and 'alt=""' in html


def test_renditions_are_copied_into_the_build_under_hashed_names(photo):
    html = render("{% responsive_image photo max_width=480 %}", photo=photo)
    written = {}

    rewritten, used = AssetHasher(written.__setitem__).rewrite(html)

    assert used == set(written)
    assert len(written) == 4  # 320 and 480 wide, in WebP and in the original format
    for path in written:
        assert re.match(r"media/images/.+\.[0-9a-f]{12}\.(webp|png|jpg|jpeg|gif)$", path), path
        assert f"/{path}" in rewritten


def test_the_static_copy_holds_every_picture_its_pages_show(
    sites, three_languages, synced, build, settings, tmp_path
):
    """Generation NYC with pictures on a topic (its page and its card) and a trip, built in
    English and Arabic: every file an <img> or <source> names is in the build."""
    settings.MEDIA_ROOT = tmp_path / "media"
    home = sites["generation"].root_page
    topics = TopicIndexPageFactory(parent=home)
    TopicPageFactory(
        parent=topics,
        title="School",
        hero_image=ImageFactory(title="Book", file__width=960, file__height=540),
        hero_image_alt="A drawing of an open book.",
    )
    trip = TripPageFactory(parent=TripIndexPageFactory(parent=home), title="Ferry")
    trip.photos = [
        TripPhoto(
            image=ImageFactory(title="Boat", file__width=960, file__height=540),
            alt_text="A drawing of a boat.",
        )
    ]
    trip.save_revision().publish()
    synced()

    site_dir = build("generation", ["en", "ar"]).output_dir

    pictures = {}
    for page in site_dir.rglob("*.html"):
        found = parse_links(page.read_text())
        for link in found.links:
            if link.startswith("/media/"):
                pictures.setdefault(str(page.relative_to(site_dir)), set()).add(link)
    for page in (
        "topics/school/index.html",
        "ar/topics/school/index.html",
        "trips/ferry/index.html",
    ):
        assert len(pictures[page]) >= 4, page  # several widths, in WebP and the original format
    assert "topics/index.html" in pictures and "ar/trips/index.html" in pictures
    missing = [
        (page, link)
        for page, links in pictures.items()
        for link in links
        if not (site_dir / link.lstrip("/")).is_file()
    ]
    assert missing == []
