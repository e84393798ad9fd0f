"""Which site is this: the one registry of the sites, Growing Up NYC and Generation NYC.

A site is known by its key ("growingup", "generation"), which is also the app label of its
home page type, the folder of its templates and static files, and the folder of its static
build. Its Wagtail Site is the one whose root page is its home page type. Everything else
asks this module rather than reading app labels or hostnames itself.

cms/ never imports a site package: a site's home page type is named here by its label
("growingup.GrowingUpHomePage") and looked up through Django's app registry.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site


class UnknownSite(LookupError, ValueError):
    """A site key that names neither site."""


@dataclass(frozen=True)
class SiteEntry:
    """One site: its key, its name, its home page type, and who it is for."""

    key: str
    name: str
    home_page_model: str  # "app_label.ModelName"
    audience: str  # the calendar audience its imported events default to
    # The default rule for which site shows a program (editors may override it per program):
    # a program for any of these age stages shows here. A program without age groups shows
    # on every site.
    age_stages: frozenset

    @property
    def app_label(self):
        return self.home_page_model.split(".", 1)[0]

    @property
    def hostname(self):
        return settings.SITE_HOSTS[self.key]

    def home_model(self):
        return apps.get_model(self.home_page_model)

    def shows_program_for(self, age_stage_slugs):
        """Whether, by the default rule, this site shows a program for these age stages."""
        ages = set(age_stage_slugs)
        return not ages or bool(ages & self.age_stages)


SITES = (
    SiteEntry(
        key="growingup",
        name="Growing Up NYC",
        home_page_model="growingup.GrowingUpHomePage",
        audience="family",
        # Families and children: every age stage up to teen, pregnancy included.
        age_stages=frozenset(
            {"expecting", "baby", "toddler", "preschooler", "grade-schooler", "preteen", "teen"}
        ),
    ),
    SiteEntry(
        key="generation",
        name="Generation NYC",
        home_page_model="generation.GenerationHomePage",
        audience="youth",
        # Young people from 13 to 24.
        age_stages=frozenset({"teen", "young-adult"}),
    ),
)
_BY_KEY = {entry.key: entry for entry in SITES}


def all_sites():
    """Every site, Growing Up NYC first."""
    return SITES


def site_keys():
    """("growingup", "generation")."""
    return tuple(_BY_KEY)


def site_names():
    """{"growingup": "Growing Up NYC", "generation": "Generation NYC"}."""
    return {entry.key: entry.name for entry in SITES}


def is_site_key(key):
    return key in _BY_KEY


def site_named(key):
    """The registry entry for a site key; UnknownSite for any other word."""
    try:
        return _BY_KEY[key]
    except (KeyError, TypeError):
        raise UnknownSite(f"Unknown site {key!r}: use one of {', '.join(_BY_KEY)}") from None


def find_site(key):
    """The Wagtail Site of a site key: the Site whose root page is that site's home page type.
    None when that site has not been made yet; UnknownSite for a word that is no site key."""
    entry = site_named(key)
    content_type = ContentType.objects.get_for_model(entry.home_model())
    return (
        Site.objects.filter(root_page__content_type=content_type)
        .select_related("root_page")
        .order_by("-is_default_site", "pk")
        .first()
    )


def site_for_key(key):
    """find_site, for callers that cannot go on without the site: LookupError when it has not
    been made yet."""
    site = find_site(key)
    if site is None:
        entry = site_named(key)
        raise LookupError(f"No Wagtail site for {key} ({entry.hostname}): run load_demo first")
    return site


def site_key_of(site_or_page):
    """The key of the site a Wagtail Site, a page of it (any language) or a home page belongs
    to; "" when it belongs to neither site (a page outside both homes, or None)."""
    if site_or_page is None:
        return ""
    if isinstance(site_or_page, Site):
        return _key_of_home(site_or_page.root_page)
    if isinstance(site_or_page, Page):
        key = _key_of_home(site_or_page)
        if key:
            return key
        homes = Page.objects.ancestor_of(site_or_page).filter(
            content_type__in=_home_content_types()
        )
        home = homes.order_by("-depth").first()
        return _key_of_home(home) if home is not None else ""
    raise TypeError(f"site_key_of takes a Site or a Page, not {type(site_or_page).__name__}")


def site_key_of_model(model_or_instance):
    """The key of the site whose app defines a model (a site's own snippets), else ""."""
    app_label = model_or_instance._meta.app_label
    for entry in SITES:
        if entry.app_label == app_label:
            return entry.key
    return ""


def _home_content_types():
    return [ContentType.objects.get_for_model(entry.home_model()) for entry in SITES]


def _key_of_home(page):
    content_type_id = page.content_type_id
    for entry in SITES:
        if ContentType.objects.get_for_model(entry.home_model()).pk == content_type_id:
            return entry.key
    return ""
