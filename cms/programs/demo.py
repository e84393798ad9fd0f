"""Demo programs: the real programs from a copy of the city's Benefits and Programs dataset
(English rows, kept in fixtures/ so the demo runs offline), plus Spanish and Arabic rows for a
few programs that we wrote for the demo in plain language (they are not the city's own
translations). And a programs page on each site (demo_data/programs.toml), translated into
Spanish and Arabic (demo_data/es.po and ar.po).

Runs after the sites' demo modules (INSTALLED_APPS lists the sites first), so the homes exist."""

from pathlib import Path

from django.utils import timezone
from wagtail.models import Site

from cms.core import demo
from cms.core.demo_data import read_toml, translations
from cms.core.sites import site_key_of
from cms.programs.models import ProgramIndexPage, ProgramSyncRun
from cms.programs.soda import read_file
from cms.programs.sync import ProgramSync

FIXTURES = Path(__file__).parent / "fixtures"
ROW_FILES = ["kvhd-5fmu.english.json", "demo-translations.es-ar.json"]

DATA = Path(__file__).parent / "demo_data"
INDEX_PAGE = read_toml(DATA / "programs.toml")["index"]
TRANSLATIONS = translations(DATA, "programs page")


def load(report):
    for name in ROW_FILES:
        started = timezone.now()
        result = ProgramSync().apply(read_file(FIXTURES / name).rows)
        if result.changed:
            # Only a run that changed something is kept, so loading the demo again adds nothing.
            ProgramSyncRun(started_at=started, source=f"demo: {name}").finish(result)
            report(
                f"Programs from {name}: {result.created} created, {result.updated} updated, "
                f"{len(result.skipped)} skipped"
            )
    ensure_program_pages(report)


def ensure_program_pages(report):
    """A programs page under each site's home, translated into Spanish and Arabic."""
    for site in Site.objects.select_related("root_page"):
        if not site_key_of(site):
            continue
        home = site.root_page.specific
        index, created = demo.ensure_child_page(
            home, ProgramIndexPage, slug="programs", **INDEX_PAGE
        )
        if created:
            report(f"{site.site_name}: programs page created")
        for code, strings in TRANSLATIONS.items():
            if demo.ensure_translation(index, code, strings):
                report(f"{site.site_name}: programs page translated into {code}")
