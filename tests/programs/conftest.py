import json
from pathlib import Path

import pytest

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
def program_pages(sites):
    """A programs page under both homes, in English (call `synced()` for the other languages)."""
    return {key: ProgramIndexPageFactory(parent=site.root_page) for key, site in sites.items()}
