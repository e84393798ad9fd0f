"""Pages to find: a few on each site, in English, Spanish, Chinese and Korean."""

import pytest

from cms.core.translation import translate
from tests.core.factories import StandardPageFactory


def page(parent, title, summary, **extra):
    return StandardPageFactory(parent=parent, title=title, summary=summary, **extra)


@pytest.fixture
def searchable(sites, locales):
    """Both sites with pages; a Spanish translation of one; Chinese and Korean pages under
    translated home pages."""
    growingup = sites["growingup"].root_page
    generation = sites["generation"].root_page
    pages = {
        "child_care": page(
            growingup, "Find child care", "Free and low-cost child care for babies and toddlers."
        ),
        "snap": page(growingup, "SNAP benefits", "Money for groceries for your family."),
        "speech": page(
            growingup,
            "When your toddler is not talking yet",
            "Speech delays: what to watch for and free early intervention.",
        ),
        "jobs": page(generation, "Summer jobs for teens", "Paid summer work for ages 14 to 24."),
        "camp": page(growingup, "Free summer camp", "Summer camps in every borough."),
    }
    pages["child_care_es"] = translate(
        pages["child_care"],
        locales["es"],
        {
            "Find child care": "Encuentre cuidado infantil",
            "Free and low-cost child care for babies and toddlers.": (
                "Cuidado infantil gratis o de bajo costo para bebés."
            ),
        },
    )
    for code, title, summary in [
        ("zh-hant", "兒童照顧計劃", "為家庭提供免費的兒童照顧服務。"),
        ("ko", "어린이집 찾기", "아이를 돌보는 무료 보육 서비스를 찾으세요."),
    ]:
        home = translate(growingup.specific, locales[code], {})
        pages[code] = page(home, title, summary, locale=locales[code])
    return pages
