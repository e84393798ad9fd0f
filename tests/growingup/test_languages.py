"""Every Growing Up NYC page type, translated, renders in Spanish and in Arabic (right to
left), with the page's own words and the language links."""

import pytest
from bs4 import BeautifulSoup

from cms.core.translation import translate
from tests.growingup.factories import (
    ActivityGuidePageFactory,
    ActivityPageFactory,
    BrainBuildingTipIndexPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_page_type(guides):
    home = guides["home"]
    summer = ActivityGuidePageFactory(parent=home)
    return {
        "/age-guides/": guides["index"],
        "/age-guides/toddler/": guides["toddler"],
        "/brain-building-tips/": BrainBuildingTipIndexPageFactory(parent=home),
        "/summer/": summer,
        "/summer/swim/": ActivityPageFactory(parent=summer, title="Swim", slug="swim"),
    }


@pytest.mark.parametrize("code, direction", [("es", "ltr"), ("ar", "rtl")])
def test_every_page_type_renders_translated(every_page_type, get, locales, code, direction):
    for page in every_page_type.values():
        translate(page.specific, locales[code], {page.title: f"[{code}] {page.title}"})

    for path, page in every_page_type.items():
        response = get("growingup", f"/{code}{path}")
        assert response.status_code == 200, path
        html = BeautifulSoup(response.content, "html.parser")
        assert (html.html["lang"], html.html["dir"]) == (code, direction), path
        assert f"[{code}] {page.title}" in html.title.get_text(), path
        assert html.select_one(".notice") is None, path
        assert html.select_one(f'link[hreflang="{code}"]'), path
