"""The one registry of the sites (cms/core/sites.py): each key finds its Wagtail Site, every
page knows its site, the default rule for which site shows a program, and no other module
works a site key out of app labels by itself."""

import re
from pathlib import Path

import pytest
from wagtail.models import Page

from cms.core import sites as registry
from cms.programs.models import Program
from cms.programs.taxonomy import ALL_AGE_STAGES
from tests.core.factories import StandardPageFactory

ROOT = Path(__file__).parents[2]


def test_the_registry_names_both_sites():
    assert registry.site_keys() == ("growingup", "generation")
    assert registry.site_names() == {"growingup": "Growing Up NYC", "generation": "Generation NYC"}
    assert [site.home_page_model for site in registry.all_sites()] == [
        "growingup.GrowingUpHomePage",
        "generation.GenerationHomePage",
    ]
    assert {site.key: site.audience for site in registry.all_sites()} == {
        "growingup": "family",
        "generation": "youth",
    }


def test_each_site_key_is_the_app_label_of_its_home_page_type():
    for site in registry.all_sites():
        assert site.home_model()._meta.app_label == site.key == site.app_label


def test_entries_are_frozen():
    with pytest.raises(AttributeError):
        registry.site_named("growingup").name = "Another name"


@pytest.mark.django_db
def test_each_key_resolves_to_its_wagtail_site(sites):
    assert registry.site_for_key("growingup") == sites["growingup"]
    assert registry.site_for_key("generation") == sites["generation"]
    assert registry.find_site("generation") == sites["generation"]


@pytest.mark.django_db
def test_a_site_not_made_yet_is_none_or_a_clear_lookup_error(locales):
    assert registry.find_site("growingup") is None
    with pytest.raises(LookupError, match="No Wagtail site for growingup .*run load_demo"):
        registry.site_for_key("growingup")


@pytest.mark.parametrize("word", ["core", "", None, "Growing Up NYC"])
def test_an_unknown_key_is_a_clear_error(word):
    message = f"Unknown site {word!r}: use one of growingup, generation"
    with pytest.raises(registry.UnknownSite, match=re.escape(message)):
        registry.site_named(word)
    with pytest.raises(registry.UnknownSite):
        registry.find_site(word)
    # Callers that caught a missing key or a bad value still catch it.
    assert issubclass(registry.UnknownSite, LookupError)
    assert issubclass(registry.UnknownSite, ValueError)


@pytest.mark.django_db
def test_site_key_of_a_site_and_of_its_pages(translated_sites, locales):
    for key, site in translated_sites.items():
        home = site.root_page
        page = StandardPageFactory(parent=home)
        child = StandardPageFactory(parent=page)
        spanish_home = home.get_translation(locales["es"])
        spanish_page = StandardPageFactory(parent=spanish_home, locale=locales["es"])
        assert registry.site_key_of(site) == key
        assert registry.site_key_of(home) == key
        assert registry.site_key_of(home.specific) == key
        assert registry.site_key_of(child) == key
        assert registry.site_key_of(spanish_home) == key
        assert registry.site_key_of(spanish_page) == key


@pytest.mark.django_db
def test_site_key_of_what_belongs_to_neither_site(sites):
    assert registry.site_key_of(None) == ""
    assert registry.site_key_of(Page.get_first_root_node()) == ""
    with pytest.raises(TypeError):
        registry.site_key_of("growingup")


def test_site_key_of_a_model_of_a_site_app():
    from sites.generation.models import GenerationHomePage

    assert registry.site_key_of_model(GenerationHomePage) == "generation"
    assert registry.site_key_of_model(Program) == ""


@pytest.mark.parametrize(
    ("ages", "growingup", "generation"),
    [
        ([], True, True),  # no age groups: both sites
        (["toddler"], True, False),
        (["expecting"], True, False),
        (["preteen"], True, False),
        (["teen"], True, True),
        (["young-adult"], False, True),
        (["baby", "young-adult"], True, True),
        (ALL_AGE_STAGES, True, True),  # Caregiver, Everyone
    ],
)
def test_the_default_rule_for_which_site_shows_a_program(ages, growingup, generation):
    assert registry.site_named("growingup").shows_program_for(ages) is growingup
    assert registry.site_named("generation").shows_program_for(ages) is generation


def test_growingup_is_for_every_age_stage_but_young_adults():
    assert registry.site_named("growingup").age_stages == set(ALL_AGE_STAGES) - {"young-adult"}
    assert registry.site_named("generation").age_stages == {"teen", "young-adult"}


@pytest.mark.parametrize(
    ("show_on", "ages", "expected"),
    [
        ("default", ["toddler"], {"growingup"}),
        ("default", ["young-adult"], {"generation"}),
        ("default", ["teen"], {"growingup", "generation"}),
        ("default", [], {"growingup", "generation"}),
        ("both", ["toddler"], {"growingup", "generation"}),
        ("growingup", ["young-adult"], {"growingup"}),
        ("generation", ["toddler"], {"generation"}),
    ],
)
def test_a_program_asks_the_registry_which_sites_show_it(monkeypatch, show_on, ages, expected):
    monkeypatch.setattr(Program, "age_stage_slugs", property(lambda self: ages))
    program = Program(show_on=show_on)
    assert {key for key in registry.site_keys() if program.shows_on(key)} == expected
    program.hidden_on_growingup = True
    assert {key for key in registry.site_keys() if program.shows_on(key)} == expected - {
        "growingup"
    }


def test_program_show_on_choices_name_the_registry_sites():
    values = [value for value, _label in Program.SHOW_ON_CHOICES]
    assert values == ["default", "both", *registry.site_keys()]
    for key in registry.site_keys():
        assert Program._meta.get_field(f"shows_on_{key}")
        assert Program._meta.get_field(f"hidden_on_{key}")


def test_programs_for_an_unknown_site_is_a_clear_error():
    with pytest.raises(ValueError, match="Unknown site 'core'"):
        Program.objects.for_site("core")


# Reading an app label to learn which site something is for belongs to cms/core/sites.py.
APP_LABEL = re.compile(r"(_meta|content_type)\.app_label")


def test_no_module_but_the_registry_reads_app_labels():
    found = []
    for folder in ("cms", "search", "sites"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative == "cms/core/sites.py":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if APP_LABEL.search(line):
                    found.append(f"{relative}:{number}: {line.strip()}")
    assert found == [], "Ask cms.core.sites for a site key instead:\n" + "\n".join(found)
