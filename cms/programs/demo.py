"""Demo programs: the real programs from a copy of the city's Benefits and Programs dataset
(English rows, kept in fixtures/ so the demo runs offline), plus Spanish and Arabic rows for a
few programs that we wrote for the demo in plain language (they are not the city's own
translations). And a programs page on each site, translated into Spanish and Arabic.

Runs after the sites' demo modules (INSTALLED_APPS lists the sites first), so the homes exist."""

from pathlib import Path

from django.utils import timezone
from wagtail.models import Site

from cms.core import demo
from cms.core.sites import site_key_of
from cms.programs.models import ProgramIndexPage, ProgramSyncRun
from cms.programs.soda import read_file
from cms.programs.sync import ProgramSync

FIXTURES = Path(__file__).parent / "fixtures"
ROW_FILES = ["kvhd-5fmu.english.json", "demo-translations.es-ar.json"]

INDEX_PAGE = {
    "title": "Programs",
    "summary": "Free and low-cost help from the city, the state and the federal government.",
    "intro": "<p>Find help with money, food, health, housing, school and work. Choose a category or an age to see the programs that fit.</p>",
    "show_in_menus": True,
}
TRANSLATIONS = {
    "es": {
        "Programs": "Programas",
        "Free and low-cost help from the city, the state and the federal government.": "Ayuda gratis y de bajo costo de la ciudad, del estado y del gobierno federal.",
        "Find help with money, food, health, housing, school and work. Choose a category or an age to see the programs that fit.": "Encuentre ayuda con dinero, comida, salud, vivienda, escuela y trabajo. Elija una categoría o una edad para ver los programas que le sirven.",
    },
    "ar": {
        "Programs": "البرامج",
        "Free and low-cost help from the city, the state and the federal government.": "مساعدة مجانية ومنخفضة التكلفة من المدينة والولاية والحكومة الفيدرالية.",
        "Find help with money, food, health, housing, school and work. Choose a category or an age to see the programs that fit.": "اعثر على مساعدة في المال والطعام والصحة والسكن والمدرسة والعمل. اختر فئة أو عمرًا لترى البرامج المناسبة.",
    },
}


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
