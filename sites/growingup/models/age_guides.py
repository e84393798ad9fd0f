"""Age guides: one page per age stage, the heart of Growing Up NYC."""

from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.age_stages import stages_in_language
from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.models import AgeStage, BasePage, HeroImage
from sites.growingup import related
from sites.growingup.blocks import DOMAINS, HelpContactsBlock, MilestonesBlock, WarningSignsBlock

from .list_page import ListPage
from .tips import BrainBuildingTip, BrainBuildingTipIndexPage

# Enough to act on, few enough that a guide stays a few screens long on a phone; each list
# links to all of them.
TIPS_ON_A_GUIDE = 3
PROGRAMS_ON_A_GUIDE = 3
FAMILY_PROGRAMS_ON_A_GUIDE = 2
EVENTS_ON_A_GUIDE = 2


def guides_under(page, locale):
    """The live age guides below `page`, in age order, each with `.stage` in `locale`."""
    stages = {stage.slug: stage for stage in stages_in_language(locale)}
    guides = list(
        AgeGuidePage.objects.live()
        .descendant_of(page)
        .filter(locale=locale)
        .select_related("age_stage")
        .order_by("age_stage__sort_order")
    )
    for guide in guides:
        guide.stage = stages.get(guide.age_stage.slug, guide.age_stage)
    return guides


class AgeGuideIndexPage(ListPage):
    """All age guides, from pregnancy to young adulthood."""

    subpage_types = ["growingup.AgeGuidePage"]
    max_count_per_parent = 1
    template = "growingup/age_guide_index_page.html"

    class Meta:
        verbose_name = "age guide list"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = guides_under(self, self.locale)
        return context


class AgeGuidePage(HeroImage, BasePage):
    """What to expect at one age stage, what to watch for, and what helps: milestones, when
    to act early, tips, and the programs and events for this age, listed automatically."""

    age_stage = models.ForeignKey(
        AgeStage,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    hero_heading = models.CharField(max_length=120, help_text="Your toddler: 1 to 3 years")
    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="A few short sentences on what this age is like. Plain words.",
    )
    milestones = StreamField(MilestonesBlock(), blank=True)
    warning_signs = StreamField(
        WarningSignsBlock(),
        blank=True,
        verbose_name="act early: signs to talk to a doctor about",
    )
    where_to_get_help = StreamField(
        HelpContactsBlock(), blank=True, verbose_name="act early: where to get help"
    )
    quick_tip = models.TextField(
        max_length=400, blank=True, help_text="One thing a parent can do today."
    )

    parent_page_types = ["growingup.AgeGuideIndexPage"]
    subpage_types = []
    template = "growingup/age_guide_page.html"
    # The stage is the same in every language (its name is translated on the stage itself),
    # so a guide can be translated into a language the stages are not translated into yet.
    override_translatable_fields = [SynchronizedField("age_stage")]

    content_panels = BasePage.content_panels + [
        FieldPanel("age_stage"),
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading="Hero",
        ),
        FieldPanel("intro"),
        FieldPanel("milestones"),
        MultiFieldPanel(
            [FieldPanel("warning_signs"), FieldPanel("where_to_get_help")], heading="Act early"
        ),
        FieldPanel("quick_tip"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("intro"),
        index.SearchField("milestones"),
        index.SearchField("quick_tip"),
    ]

    class Meta:
        verbose_name = "age guide"

    def clean(self):
        super().clean()
        if self.age_stage_id and self.locale_id:
            others = AgeGuidePage.objects.filter(
                age_stage_id=self.age_stage_id, locale_id=self.locale_id
            ).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({"age_stage": "This age stage has a guide already."})

    def search_card(self):
        return replace(super().search_card(), age_stages=(self.age_stage.slug,))

    @property
    def milestone_groups(self):
        """(domain key, domain name, milestones) in the checklists' order, empty areas left out."""
        by_domain = {group.value["domain"]: group.value["milestones"] for group in self.milestones}
        return [(key, label, by_domain[key]) for key, label in DOMAINS if by_domain.get(key)]

    def stage_in(self, locale):
        stage = self.age_stage
        return stage.get_translation_or_none(locale) or stage

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = self.locale
        stage = self.stage_in(locale)
        site = self.get_site()
        home = site.root_page.get_translation_or_none(locale) or site.root_page
        programs = related.programs_for_stage(
            locale, stage.slug, limit=PROGRAMS_ON_A_GUIDE, family_limit=FAMILY_PROGRAMS_ON_A_GUIDE
        )
        tips = sorted(
            BrainBuildingTip.objects.for_stage(stage).in_language(locale),
            key=lambda tip: -tip.share_in(stage),
        )[:TIPS_ON_A_GUIDE]
        events = related.events_for_stage(site, locale, stage.slug, limit=EVENTS_ON_A_GUIDE)
        tips_index = BrainBuildingTipIndexPage.objects.live().child_of(home).first()
        context.update(
            stage=stage,
            milestone_groups=self.milestone_groups,
            tips=tips,
            tips_url=tips_index and f"{tips_index.get_url(request)}?age={stage.slug}",
            programs=programs.for_the_age,
            family_programs=programs.for_the_family,
            more_programs_url=programs.has_more
            and related.programs_list_url(site, locale, stage.slug, request),
            events=events,
            more_events_url=events and related.events_list_url(site, locale, stage.slug, request),
            events_feed_url=events and related.events_feed_url(site, locale, stage.slug),
        )
        sections = [
            ("milestones", _("Milestones"), context["milestone_groups"]),
            ("act-early", _("Act early"), self.warning_signs or self.where_to_get_help),
            ("brain-building", _("Brain-building tips"), tips),
            ("quick-tip", _("Quick tip"), self.quick_tip),
            ("programs", _("Programs"), programs.for_the_age or programs.for_the_family),
            ("events", _("Events"), events),
        ]
        context["sections"] = [(anchor, label) for anchor, label, content in sections if content]
        return context
