"""Each hostname serves its own site; an unknown host gets neither."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_each_hostname_serves_its_own_site(sites, get):
    growingup = get("growingup", "/")
    generation = get("generation", "/")

    assert growingup.status_code == 200
    assert "Help your child grow, learn and thrive" in growingup.text
    assert "growingup/site.css" in growingup.text
    assert "Your city. Your future." not in growingup.text

    assert generation.status_code == 200
    assert "Your city. Your future." in generation.text
    assert "generation/site.css" in generation.text
    assert "Help your child grow" not in generation.text


def test_unknown_host_gets_a_clear_404_not_another_site(sites, client):
    response = client.get("/", HTTP_HOST="unknown.localhost")

    assert response.status_code == 404
    assert "This address does not belong to any of our sites." in response.text
    assert "Help your child grow" not in response.text
    assert "Your city. Your future." not in response.text


def test_host_outside_allowed_hosts_is_refused(sites, client):
    response = client.get("/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400


def test_each_site_has_its_own_navigation(sites, get):
    from tests.core.factories import StandardPageFactory

    StandardPageFactory(
        parent=sites["growingup"].root_page, title="For parents", show_in_menus=True
    )
    StandardPageFactory(parent=sites["generation"].root_page, title="For teens", show_in_menus=True)

    growingup = get("growingup", "/")
    generation = get("generation", "/")

    assert "For parents" in growingup.text and "For teens" not in growingup.text
    assert "For teens" in generation.text and "For parents" not in generation.text


def test_404_page_uses_the_site_look_and_the_readers_language(translated_sites, get):
    response = get("growingup", "/es/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="es" dir="ltr">' in response.text
    assert "growingup/site.css" in response.text
    with translation.override("es"):
        heading = translation.gettext("We can’t find that page")
    assert heading != "We can’t find that page" and heading in response.text
