import json
from pathlib import Path

import pytest

from cms.core import demo
from cms.programs.sync import ProgramSync
from tests.programs.factories import ProgramIndexPageFactory

FIXTURE = Path(__file__).parents[2] / "cms/programs/fixtures/kvhd-5fmu.english.json"


@pytest.fixture(scope="session")
def real_rows():
    """The 43 real English rows of the shared fixture."""
    return json.loads(FIXTURE.read_text())


@pytest.fixture
def sync(locales):
    """sync(rows, full=False, dry_run=False) applies rows and returns the report."""

    def run(rows, **options):
        return ProgramSync(**options).apply(rows)

    return run


@pytest.fixture
def program_pages(translated_sites, synced):
    """A programs page under both homes, translated into Spanish and Arabic (as the demo
    does), and untranslated aliases in the other languages."""
    from cms.core.translation import translate

    pages = {}
    for key, site in translated_sites.items():
        page = ProgramIndexPageFactory(parent=site.root_page)
        for code in ("es", "ar"):
            translate(page, demo.Locale.objects.get(language_code=code), {"Programs": f"[{code}]"})
        pages[key] = page
    synced()
    return pages
