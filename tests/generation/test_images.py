"""Pictures on Generation NYC: each page's picture is sized for phones from renditions (several
widths, width and height so nothing jumps) with what it shows in the reader's language; cards
repeat their title's picture as decoration, with an empty alt."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail_factories import ImageFactory

from cms.core.translation import translate
from sites.generation.models import TripPhoto

pytestmark = pytest.mark.django_db

SCHOOL_ALT = "A drawing of an open book and a pencil."
FERRY_ALT = "A ferry on blue water."


@pytest.fixture
def pictured(youth, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    school = youth["school"]
    school.hero_image = ImageFactory(title="School", file__width=960, file__height=540)
    school.hero_image_alt = SCHOOL_ALT
    school.save_revision().publish()
    ferry = youth["ferry"]
    ferry.photos = [
        TripPhoto(
            image=ImageFactory(title="Ferry", file__width=960, file__height=540), alt_text=FERRY_ALT
        )
    ]
    ferry.save_revision().publish()
    adult = youth["adult"]
    adult.photo = ImageFactory(title="Luis", file__width=480, file__height=480)
    adult.photo_alt_text = "A drawing of a smiling young person."
    adult.save_revision().publish()
    return youth


def images(html):
    return re.findall(r"<img [^>]*>", html)


def attributes(tag):
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def picture_of(html, alt):
    found = [attributes(tag) for tag in images(html) if f'alt="{alt}"' in tag]
    assert len(found) == 1, images(html)
    return found[0]


def assert_from_renditions(img, widths):
    assert [entry.split()[1] for entry in img["srcset"].split(", ")] == [f"{w}w" for w in widths]
    assert all(entry.startswith("/media/images/") for entry in img["srcset"].split(", "))
    assert img["width"] and img["height"]


def test_a_topic_shows_its_picture_with_what_it_shows(pictured, get):
    html = get("generation", "/topics/school/").text

    img = picture_of(html, SCHOOL_ALT)
    assert_from_renditions(img, [320, 480, 768, 960])
    assert (img["width"], img["height"]) == ("960", "540")
    # At the top of the page: loaded at once.
    assert "loading" not in img and img["fetchpriority"] == "high"


def test_cards_show_pictures_as_decoration(pictured, get):
    topics = get("generation", "/topics/").text
    trips = get("generation", "/trips/").text

    topic_card = picture_of(topics, "")
    assert_from_renditions(topic_card, [160, 320, 480])
    assert (topic_card["width"], topic_card["height"]) == ("480", "270")
    assert topic_card["loading"] == "lazy"
    trip_card = picture_of(trips, "")
    assert_from_renditions(trip_card, [320, 480, 768])
    assert trip_card["loading"] == "lazy"


def test_a_trip_shows_its_photos_with_their_text_alternative(pictured, get):
    html = get("generation", "/trips/ferry/").text

    assert_from_renditions(picture_of(html, FERRY_ALT), [320, 480, 768, 960])


def test_profile_photos_are_square_at_each_width(pictured, get):
    card = picture_of(
        get("generation", "/inspirations/").text, "A drawing of a smiling young person."
    )
    page = picture_of(
        get("generation", "/inspirations/luis/").text, "A drawing of a smiling young person."
    )

    assert_from_renditions(card, [160, 320])
    assert (card["width"], card["height"]) == ("320", "320")
    assert_from_renditions(page, [160, 320, 480])


def test_a_translated_topic_describes_its_picture_in_the_readers_language(pictured, get, locales):
    school = pictured["school"]
    translate(school, locales["ar"], {SCHOOL_ALT: "رسم لكتاب مفتوح وقلم رصاص."})

    html = get("generation", "/ar/topics/school/").text

    assert_from_renditions(picture_of(html, "رسم لكتاب مفتوح وقلم رصاص."), [320, 480, 768, 960])


def test_a_picture_needs_its_text_alternative(pictured):
    school = pictured["school"]
    school.hero_image_alt = ""

    with pytest.raises(ValidationError) as error:
        school.full_clean()
    assert "hero_image_alt" in error.value.message_dict
