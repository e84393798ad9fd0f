from django import forms
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Site

from cms.core import build_cache
from cms.core.age_stages import stages_in_language
from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.models import BasePage
from cms.core.sites import all_sites, site_key_of
from cms.core.views import json_response
from cms.programs.models.program import Program
from cms.programs.taxonomy import CATEGORIES

RELATED_PROGRAMS = 3
ITEMS_FILE = "programs.json"
SITE_AGE_STAGES = {site.key: site.age_stages for site in all_sites()}


class ProgramFilterForm(forms.Form):
    """The listing's filters. A GET form: the filters live in the query string, so a filtered
    list can be bookmarked and shared, and no JavaScript is needed."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Category"), required=False)
    age = forms.ChoiceField(label=_("Age"), required=False)

    def __init__(self, data, *, age_stages):
        super().__init__(data)
        self.fields["category"].choices = [("", _("All categories")), *CATEGORIES]
        self.fields["age"].choices = [("", _("All ages"))] + [
            (stage.slug, stage.name) for stage in age_stages
        ]

    def filter(self, programs):
        if not self.is_valid():
            return programs
        if self.cleaned_data["category"]:
            programs = programs.in_category(self.cleaned_data["category"])
        if self.cleaned_data["age"]:
            programs = programs.for_age_stage(self.cleaned_data["age"])
        if self.cleaned_data["q"].strip():
            programs = programs.matching(self.cleaned_data["q"])
        return programs

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())


class ProgramIndexPage(RoutablePageMixin, BasePage):
    """The programs on one site, at /programs/: a listing with filters, and a page per program
    at /programs/<slug>/. The programs themselves are snippets synced from the dataset."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["growingup.GrowingUpHomePage", "generation.GenerationHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "programs/program_index_page.html"
    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("programs page")

    @classmethod
    def for_site(cls, site, locale, request=None):
        """The programs page of `site` in `locale` (a translation or an untranslated alias),
        else the English one; None when the site has none. Cached on the request."""
        cache = getattr(request, "_program_index_pages", None) if request else None
        key = (site.pk, locale.pk)
        if cache is not None and key in cache:
            return cache[key]
        found = build_cache.cached(
            ("programs page", site.pk, locale.pk), lambda: cls._find_for_site(site, locale)
        )
        if request is not None:
            if cache is None:
                cache = request._program_index_pages = {}
            cache[key] = found
        return found

    @classmethod
    def _find_for_site(cls, site, locale):
        english = cls.objects.live().child_of(site.root_page).first()
        if english is None:
            return None
        found = english.get_translations(inclusive=True).live().filter(locale=locale).first()
        return (found or english).specific

    @classmethod
    def url_for(cls, program, site, request=None, locale=None):
        """The program's page on a site (`/programs/<slug>/`, or `/es/programs/<slug>/` for a
        Spanish program), relative when `request` is for that site. "" when the site has no
        programs page. Pass the reader's `locale` to keep an English program shown on a
        Spanish page in the Spanish pages (/es/programs/<slug>/, shown in English)."""
        index_page = cls.for_site(site, locale or program.locale, request=request)
        if index_page is None:
            return ""
        return index_page.program_url(program, site, request=request)

    def site_key(self, request=None):
        site = Site.find_for_request(request) if request else None
        site = site or self.get_site()
        return site_key_of(site)

    def programs(self, site_key):
        return (
            Program.objects.live()
            .in_locale(self.locale)
            .for_site(site_key)
            .select_related("locale")
            .featured_first()
        )

    def program_url(self, program, site, request=None):
        return self.get_url(request=request, current_site=site) + self.reverse_subpage(
            "program", args=[program.slug]
        )

    def age_stages(self, site_key):
        """The age stages this site's readers choose from, named in the page's language."""
        return stages_in_language(self.locale, SITE_AGE_STAGES[site_key])

    @path("")
    def listing(self, request):
        site_key = self.site_key(request)
        form = ProgramFilterForm(request.GET or None, age_stages=self.age_stages(site_key))
        programs = form.filter(self.programs(site_key))
        return self.render(
            request,
            context_overrides={
                "form": form,
                "programs": programs,
                "site_key": site_key,
                "items_url": self.get_url(request) + ITEMS_FILE,
            },
        )

    @path(f"{ITEMS_FILE}/", name="items")
    def items(self, request):
        """The listing as JSON for core/listing.js, which filters it in the browser (and so on
        the static site): each program's card, its category and age stages, and the text the
        search box looks in (the fields ProgramQuerySet.matching searches)."""
        programs = self.programs(self.site_key(request))
        return json_response(
            [
                {
                    "facets": {"category": [program.category], "age": program.age_stage_slugs},
                    "text": " ".join(
                        [
                            program.plain_language_name,
                            program.program_name,
                            program.program_acronym,
                            program.brief_excerpt,
                            program.government_agency,
                            strip_tags(program.description),
                        ]
                    ),
                    "html": render_to_string(
                        "programs/includes/program_item.html", {"program": program}, request
                    ),
                }
                for program in programs
            ]
        )

    @path("<slug:slug>/", name="program")
    def program(self, request, slug):
        site_key = self.site_key(request)
        programs = self.programs(site_key)
        program = programs.filter(slug=slug).first()
        if program is None:
            raise Http404
        related = (
            programs.filter(category=program.category)
            .exclude(translation_key=program.translation_key)
            .exclude(category="")[:RELATED_PROGRAMS]
        )
        context = self.get_context(request)
        context.update(
            {
                "program": program,
                "related_programs": related,
                "program_language": program.locale.language_code,
            }
        )
        return render(request, "programs/program.html", context)

    def static_site_paths(self):
        """The listing and its JSON, then one page per program shown on this page's site in its
        language."""
        yield ""
        yield ITEMS_FILE
        for slug in self.programs(self.site_key()).values_list("slug", flat=True):
            yield f"{slug}/"
