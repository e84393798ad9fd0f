import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.core.translation import translate
from tests.core.factories import AlertBannerFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def test_active_banner_shows_on_every_page_of_its_site_only(sites, get):
    AlertBannerFactory(site=sites["growingup"], message="Pools are closed today.")
    StandardPageFactory(parent=sites["growingup"].root_page, slug="about")

    assert "Pools are closed today." in get("growingup", "/").text
    assert "Pools are closed today." in get("growingup", "/about/").text
    assert "Pools are closed today." in get("growingup", "/no-such-page/").text
    assert "Pools are closed today." not in get("generation", "/").text


@pytest.mark.parametrize(
    "starts_in_hours, ends_in_hours, shown",
    [(-2, 2, True), (1, 5, False), (-5, -1, False), (-5, None, True)],
)
def test_banner_shows_only_between_its_start_and_end(
    sites, get, starts_in_hours, ends_in_hours, shown
):
    now = timezone.now()
    AlertBannerFactory(
        site=sites["generation"],
        message="Summer jobs: apply by Friday.",
        starts_at=now + timezone.timedelta(hours=starts_in_hours),
        ends_at=None if ends_in_hours is None else now + timezone.timedelta(hours=ends_in_hours),
    )

    assert ("Summer jobs: apply by Friday." in get("generation", "/").text) is shown


def test_translated_banner_shows_in_the_readers_language(sites, locales, get):
    banner = AlertBannerFactory(site=sites["growingup"], message="Libraries are closed Monday.")
    translate(
        banner, locales["es"], {"Libraries are closed Monday.": "Las bibliotecas cierran el lunes."}
    )

    spanish = get("growingup", "/es/").text
    french = get("growingup", "/fr/").text

    assert "Las bibliotecas cierran el lunes." in spanish
    assert "Libraries are closed Monday." not in spanish
    # Not translated into French: the English banner, marked as English.
    assert 'lang="en" dir="ltr">\n  <p class="wrap">Libraries are closed Monday.' in french


def test_banner_must_end_after_it_starts(sites):
    now = timezone.now()
    banner = AlertBannerFactory.build(site=sites["growingup"], starts_at=now, ends_at=now)

    with pytest.raises(ValidationError) as error:
        banner.full_clean()
    assert "ends_at" in error.value.message_dict
