"""Youth profiles: consent before publishing, and no surname for anyone under 18."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from sites.generation.models import YouthProfilePage
from tests.generation.factories import YouthProfilePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def profile_form(**fields):
    data = {
        "first_name": "Ana",
        "surname": "Reyes",
        "age": "15",
        "borough": "brooklyn",
        "intro": "I coach a chess club after school.",
        "slug": "ana",
        "body": streamfield([]),
        "topic_links": inline_formset([]),
        "profile_links": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def publish(client, parent, **fields):
    data = profile_form(**fields)
    data["action-publish"] = "action-publish"
    return client.post(
        f"/admin/pages/add/generation/youthprofilepage/{parent.pk}/",
        data,
        HTTP_HOST="generation.localhost",
    )


def test_publishing_without_consent_is_refused(youth, editor):
    response = publish(editor, youth["profiles"])

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "consent_confirmed" in errors
    assert "guardian_consent_confirmed" in errors
    assert not YouthProfilePage.objects.filter(slug="ana").exists()


def test_a_minor_needs_a_guardians_consent_too(youth, editor):
    response = publish(editor, youth["profiles"], consent_confirmed="on")

    assert list(response.context["form"].errors) == ["guardian_consent_confirmed"]


def test_an_adult_needs_only_their_own_consent(youth, editor):
    response = publish(editor, youth["profiles"], age="19", consent_confirmed="on")

    assert response.status_code == 302
    assert YouthProfilePage.objects.get(slug="ana", locale__language_code="en").live


def test_a_draft_can_wait_for_consent(youth, editor):
    response = editor.post(
        f"/admin/pages/add/generation/youthprofilepage/{youth['profiles'].pk}/",
        profile_form(),
        HTTP_HOST="generation.localhost",
    )

    assert response.status_code == 302
    assert not YouthProfilePage.objects.get(slug="ana", locale__language_code="en").live


def test_publishing_in_code_without_consent_is_refused(youth):
    profile = YouthProfilePageFactory.build(
        first_name="Kai", slug="kai", age=17, consent_confirmed=True, live=False
    )
    youth["profiles"].add_child(instance=profile)
    revision = profile.save_revision()

    with pytest.raises(ValidationError):
        revision.publish()
    assert not YouthProfilePage.objects.get(pk=profile.pk).live


def test_consent_cannot_be_withdrawn_while_live(youth):
    adult = youth["adult"]
    adult.consent_confirmed = False

    with pytest.raises(ValidationError) as error:
        adult.full_clean()
    assert "consent_confirmed" in error.value.message_dict


def test_a_minors_surname_is_never_shown(youth, get):
    minor = youth["minor"]
    assert minor.surname == "Okonkwo" and minor.title == "Maya"

    for path in [
        "/inspirations/maya/",
        "/inspirations/",
        "/ar/inspirations/maya/",
        "/inspirations/profiles.json",
    ]:
        assert "Okonkwo" not in get("generation", path).content.decode(), path
    assert not YouthProfilePage.objects.search("Okonkwo")
    assert [
        page.pk for page in YouthProfilePage.objects.filter(locale=minor.locale).search("Maya")
    ] == [minor.pk]


def test_an_adults_full_name_is_shown(youth, get):
    html = get("generation", "/inspirations/luis/").text
    names = [
        item["name"]
        for item in json.loads(get("generation", "/inspirations/profiles.json").content)["items"]
    ]

    assert "<h1><bdi>Luis Ramos</bdi></h1>" in html
    assert names == ["Maya", "Luis Ramos"]


def test_a_minors_surname_may_not_be_written_into_the_page(youth):
    minor = youth["minor"]
    minor.intro = "Maya Okonkwo is a poet from the Bronx."

    with pytest.raises(ValidationError) as error:
        minor.full_clean()
    assert "surname" in error.value.message_dict


def test_photo_needs_a_description(youth):
    adult = youth["adult"]
    adult.photo = Image.objects.create(title="Luis", file=get_test_image_file())

    with pytest.raises(ValidationError) as error:
        adult.full_clean()
    assert "photo_alt_text" in error.value.message_dict


def test_sample_profiles_say_so(youth, get):
    adult = youth["adult"]
    adult.is_sample = True
    adult.save_revision().publish()

    html = get("generation", "/inspirations/luis/").text

    assert "Sample profile" in html
    assert "This is a sample profile of a made-up person" in html
