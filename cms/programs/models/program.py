from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Locale, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.age_stages import AgeStagesField, age_stage_filter
from cms.core.search_card import SearchCard
from cms.core.sites import all_sites, site_named
from cms.programs.taxonomy import CATEGORIES


class ProgramQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        """Published programs: not retired, not drafts."""
        return self.filter(live=True)

    def in_locale(self, locale):
        """Each program once: in `locale` where it has a translation in this queryset, else in
        English. Chain after `.live()` so a retired translation falls back to English."""
        default = Locale.get_default()
        if locale.pk == default.pk:
            return self.filter(locale=default)
        translated = self.filter(locale=locale).values("translation_key")
        return self.filter(
            Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
        )

    def for_site(self, site_key):
        """Programs shown on one site ("growingup" or "generation"): the default rule or the
        editors' choice, minus programs hidden there."""
        site = site_named(site_key)  # UnknownSite (a ValueError) for any other word
        return self.filter(**{f"shows_on_{site.key}": True})

    def for_age_stage(self, slug):
        """Programs for an AgeStage slug (toddler, teen ...)."""
        return self.filter(age_stage_filter("age_stages", slug))

    def in_category(self, slug):
        return self.filter(category=slug)

    def matching(self, text):
        """Programs whose names, excerpt, agency or description contain every word of `text`
        (a plain substring match, so it works in every script, Chinese included)."""
        queryset = self
        for word in text.split()[:10]:
            queryset = queryset.filter(
                Q(plain_language_name__icontains=word)
                | Q(program_name__icontains=word)
                | Q(program_acronym__icontains=word)
                | Q(brief_excerpt__icontains=word)
                | Q(government_agency__icontains=word)
                | Q(description__icontains=word)
            )
        return queryset

    def featured_first(self):
        return self.order_by("-featured", "plain_language_name", "program_name")


class Program(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """A city, state or federal program from the Benefits and Programs dataset (NYC Open Data
    `kvhd-5fmu`), one record per program and language, shared by both sites.

    The sync (`manage.py sync_programs`) owns every field that comes from the dataset and
    rewrites them when the source changes; editors never retype them. Editors own the local
    note, "featured", "hidden on a site" and which sites show the program, and a sync never
    touches those.

    Which site shows a program (`show_on`): by default Growing Up NYC shows programs for
    families and children (any age stage up to teen, and "Caregiver" or "Everyone"), and
    Generation NYC shows programs for teens and young adults ("Teen", "Young Adult", and
    "Caregiver" or "Everyone", which mean all ages). A program without age groups shows on
    both. Editors can choose "both", "only Growing Up NYC" or "only Generation NYC" instead, and
    can hide a program on either site.

    A retired program (gone from the dataset) is unpublished, never deleted, and is published
    again if it comes back.
    """

    SHOW_ON_CHOICES = [
        ("default", _("By age group (default rule)")),
        ("both", _("Both sites")),
        ("growingup", _("Only Growing Up NYC")),
        ("generation", _("Only Generation NYC")),
    ]

    # From the dataset: ids and names.
    unique_id_number = models.CharField(
        max_length=40, help_text="The dataset's key for this row (one per program and language)."
    )
    program_key = models.CharField(
        max_length=40,
        db_index=True,
        help_text="The program's id without its language suffix (P085en → P085).",
    )
    program_code = models.CharField(max_length=40, blank=True)
    source_language = models.CharField(max_length=60, blank=True)
    page_type = models.CharField(max_length=60, blank=True)
    program_name = models.CharField(max_length=255)
    plain_language_name = models.CharField(max_length=255, blank=True)
    program_acronym = models.CharField(max_length=60, blank=True)
    government_agency = models.CharField(max_length=255, blank=True)
    # Taxonomies: the raw text, and what the sync parsed from it.
    program_category = models.CharField(max_length=120, blank=True)
    category = models.CharField(max_length=40, choices=CATEGORIES, blank=True)
    age_group = models.CharField(max_length=255, blank=True)
    age_stages = AgeStagesField()
    population_served = models.TextField(blank=True)
    populations = models.JSONField(default=list, blank=True)
    # Prose (sanitised HTML).
    brief_excerpt = models.TextField(blank=True)
    description = models.TextField(blank=True)
    heads_up = models.TextField(blank=True)
    eligibility = models.TextField(blank=True)
    required_documents = models.TextField(blank=True)
    # How to apply.
    how_to_apply_summary = models.TextField(blank=True)
    apply_online = models.TextField(blank=True)
    apply_online_call_to_action = models.CharField(max_length=255, blank=True)
    online_application_url = models.URLField(max_length=1000, blank=True)
    apply_in_person = models.TextField(blank=True)
    apply_in_person_call_to_action = models.CharField(max_length=255, blank=True)
    office_locations_url = models.URLField(max_length=1000, blank=True)
    apply_by_phone = models.TextField(blank=True)
    apply_by_mail = models.TextField(blank=True)
    apply_by_mail_call_to_action = models.CharField(max_length=255, blank=True)
    application_forms_url = models.URLField(max_length=1000, blank=True)
    # Get help.
    get_help_summary = models.TextField(blank=True)
    get_help_in_person = models.TextField(blank=True)
    get_help_online = models.TextField(blank=True)
    get_help_by_email = models.TextField(blank=True)
    get_help_by_calling_311 = models.TextField(blank=True)
    get_help_by_phone = models.TextField(blank=True)
    updated_at = models.DateTimeField(
        null=True, blank=True, help_text="When the city last updated this row at the source."
    )

    # The address, /programs/<slug>/, the same in every language.
    slug = models.SlugField(max_length=80, db_index=True)

    # Owned by editors: a sync never writes these.
    local_note = models.TextField(
        blank=True, help_text="Shown above the program's details on both sites."
    )
    featured = models.BooleanField(default=False, help_text="Listed first.")
    show_on = models.CharField(
        max_length=20,
        choices=SHOW_ON_CHOICES,
        default="default",
        help_text="Growing Up NYC shows programs for families and children, Generation NYC for "
        "teens and young adults, unless you choose otherwise.",
    )
    hidden_on_growingup = models.BooleanField(default=False)
    hidden_on_generation = models.BooleanField(default=False)

    # Worked out on save from the age stages and the editors' choices, for fast listings.
    shows_on_growingup = models.BooleanField(default=True, editable=False)
    shows_on_generation = models.BooleanField(default=True, editable=False)

    objects = ProgramQuerySet.as_manager()

    # Fields that come from the dataset and that the sync may overwrite. The sync writes the
    # parsed taxonomies only from the English row; translations share them.
    IMPORTED_FIELDS = [
        "unique_id_number",
        "program_key",
        "program_code",
        "source_language",
        "page_type",
        "program_name",
        "plain_language_name",
        "program_acronym",
        "government_agency",
        "program_category",
        "age_group",
        "population_served",
        "populations",
        "brief_excerpt",
        "description",
        "heads_up",
        "eligibility",
        "required_documents",
        "how_to_apply_summary",
        "apply_online",
        "apply_online_call_to_action",
        "online_application_url",
        "apply_in_person",
        "apply_in_person_call_to_action",
        "office_locations_url",
        "apply_by_phone",
        "apply_by_mail",
        "apply_by_mail_call_to_action",
        "application_forms_url",
        "get_help_summary",
        "get_help_in_person",
        "get_help_online",
        "get_help_by_email",
        "get_help_by_calling_311",
        "get_help_by_phone",
        "updated_at",
    ]
    # The same in every language: taken from the English program.
    SHARED_FIELDS = [
        "slug",
        "category",
        "age_stages",
        "featured",
        "show_on",
        "hidden_on_growingup",
        "hidden_on_generation",
    ]
    HTML_FIELDS = [
        "description",
        "heads_up",
        "eligibility",
        "required_documents",
        "how_to_apply_summary",
        "apply_online",
        "apply_in_person",
        "apply_by_phone",
        "apply_by_mail",
        "get_help_summary",
        "get_help_in_person",
        "get_help_online",
        "get_help_by_email",
        "get_help_by_calling_311",
        "get_help_by_phone",
    ]

    translatable_fields = [TranslatableField("local_note")]
    # The dataset's own rows in each language carry the imported fields, so wagtail-localize
    # neither translates nor synchronises them.
    synchronized_fields = [SynchronizedField(name) for name in SHARED_FIELDS]

    search_fields = [
        index.SearchField("plain_language_name", boost=3),
        index.SearchField("program_name", boost=2),
        index.SearchField("program_acronym", boost=2),
        index.SearchField("brief_excerpt"),
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.SearchField("government_agency"),
        index.AutocompleteField("plain_language_name"),
        index.AutocompleteField("program_name"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("category"),
        index.FilterField("shows_on_growingup"),
        index.FilterField("shows_on_generation"),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("local_note"),
                FieldPanel("featured"),
                FieldPanel("show_on"),
                FieldPanel("hidden_on_growingup"),
                FieldPanel("hidden_on_generation"),
            ],
            heading=_("Your settings"),
            help_text=_("Yours to change: the sync never overwrites these."),
        ),
        MultiFieldPanel(
            [FieldPanel(name, read_only=True) for name in ["slug", *IMPORTED_FIELDS]],
            heading=_("From the Benefits and Programs dataset"),
            help_text=_(
                "The city keeps these up to date in NYC Open Data; the sync copies them here."
            ),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["plain_language_name", "program_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unique_id_number", "locale"], name="unique_program_row_per_locale"
            ),
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_program_slug_per_locale"
            ),
            # An empty slug is an address Django cannot reverse: one breaks a whole listing.
            models.CheckConstraint(condition=~Q(slug=""), name="program_slug_not_empty"),
        ]

    def __str__(self):
        return self.plain_language_name or self.program_name

    def save(self, *args, **kwargs):
        for site in all_sites():
            setattr(self, f"shows_on_{site.key}", self.shows_on(site.key))
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not set(update_fields) & set(self.SHARED_FIELDS):
            return
        if self.locale.language_code == settings.LANGUAGE_CODE:
            # Translations share the English program's address, taxonomies and editors' choices.
            shared = {name: getattr(self, name) for name in self.SHARED_FIELDS}
            for site in all_sites():
                shared[f"shows_on_{site.key}"] = getattr(self, f"shows_on_{site.key}")
            self.get_translations().update(**shared)

    def search_card(self):
        """Reads only search.service.PROGRAM_CARD_FIELDS."""
        return SearchCard(
            title=str(self),
            summary=self.brief_excerpt,
            age_stages=tuple(self.age_stages),
            category=self.category,
            category_label=dict(CATEGORIES).get(self.category, self.category),
        )

    @property
    def name(self):
        return str(self)

    @property
    def age_stage_slugs(self):
        return list(self.age_stages)

    def shows_on(self, site_key):
        ages = set(self.age_stage_slugs)
        if self.show_on == "default":
            shown = site_named(site_key).shows_program_for(ages)
        else:
            shown = self.show_on in ("both", site_key)
        return shown and not getattr(self, f"hidden_on_{site_key}")

    @property
    def language_code(self):
        return self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
