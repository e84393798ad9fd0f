"""Brain-building tips: small everyday moments that help a young child's brain grow."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.age_stages import stages_in_language
from cms.core.listings import FilteredListingMixin, ListingFilter
from sites.growingup.ages import age_range

from .list_page import ListPage
from .stages import age_choices

TIP_SETTINGS = [
    ("mealtime", _("Mealtime")),
    ("bathtime", _("Bathtime")),
    ("bedtime", _("Bedtime")),
    ("diaper-change", _("Diaper change")),
    ("getting-dressed", _("Getting dressed")),
    ("at-the-store", _("At the store")),
    ("at-the-park", _("At the park")),
    ("on-the-go", _("On the go")),
    ("playtime", _("Playtime")),
    ("anytime", _("Anytime")),
]


class BrainBuildingTipQuerySet(models.QuerySet):
    def for_months(self, months_from, months_to):
        """Tips whose age range overlaps `months_from`..`months_to` (None: no upper end)."""
        tips = self.filter(months_to__gte=months_from)
        return tips if months_to is None else tips.filter(months_from__lte=months_to)

    def for_stage(self, stage):
        if stage.months_from is None:  # pregnancy: tips are for children already born
            return self.none()
        return self.for_months(stage.months_from, stage.months_to)

    def in_language(self, locale):
        """Each tip once: in `locale` when translated, else in English."""
        translated = self.filter(locale=locale).values("translation_key")
        return self.filter(
            models.Q(locale=locale)
            | models.Q(locale__language_code=settings.LANGUAGE_CODE)
            & ~models.Q(translation_key__in=translated)
        ).select_related("locale")


class BrainBuildingTip(TranslatableMixin, models.Model):
    """A small thing to do with a child at a given age, in a given moment of the day."""

    title = models.CharField(max_length=120)
    text = models.TextField(max_length=600, help_text="Two or three short sentences.")
    months_from = models.PositiveSmallIntegerField(help_text="Youngest age, in months.")
    months_to = models.PositiveSmallIntegerField(help_text="Oldest age, in months.")
    setting = models.CharField(
        max_length=20, choices=TIP_SETTINGS, help_text="When in the day this fits."
    )

    objects = BrainBuildingTipQuerySet.as_manager()

    translatable_fields = [TranslatableField("title"), TranslatableField("text")]
    synchronized_fields = [
        SynchronizedField("months_from"),
        SynchronizedField("months_to"),
        SynchronizedField("setting"),
    ]
    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("months_from"),
        FieldPanel("months_to"),
        FieldPanel("setting"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "brain-building tip"
        ordering = ["months_from", "months_to", "id"]

    def __str__(self):
        return self.title

    def is_for_stage(self, stage):
        """The same rule as `BrainBuildingTip.objects.for_stage(stage)`, for one tip."""
        if stage.months_from is None:
            return False
        return self.months_to >= stage.months_from and (
            stage.months_to is None or self.months_from <= stage.months_to
        )

    def share_in(self, stage):
        """How much of this tip's age range lies in `stage`, from 0 to 1: a tip for 12 to 36
        months fits a toddler (12 to 36) wholly, one for birth to 10 years hardly."""
        if not self.is_for_stage(stage):
            return 0
        end = self.months_to if stage.months_to is None else min(self.months_to, stage.months_to)
        inside = end - max(self.months_from, stage.months_from) + 1
        return inside / (self.months_to - self.months_from + 1)

    @property
    def age_range(self):
        return age_range(self.months_from, self.months_to)

    def clean(self):
        super().clean()
        if (
            self.months_from is not None
            and self.months_to is not None
            and self.months_to < self.months_from
        ):
            raise ValidationError({"months_to": "The oldest age must not be below the youngest."})


class BrainBuildingTipIndexPage(FilteredListingMixin, ListPage):
    """Every brain-building tip, filterable by age and by moment of the day."""

    subpage_types = []
    max_count_per_parent = 1
    template = "growingup/brain_building_tip_index_page.html"
    items_file = "tips.json"
    item_template = "growingup/includes/tip_card.html"

    class Meta:
        verbose_name = "brain-building tip list"

    def _stages(self):
        return [stage for stage in stages_in_language(self.locale) if stage.months_from is not None]

    def listing_filters(self):
        return [
            ListingFilter(
                "age",
                _("Age"),
                age_choices(self._stages()),
                any_label=_("Any age"),
            ),
            ListingFilter("setting", _("When"), TIP_SETTINGS, any_label=_("Any time of day")),
        ]

    def listing_items(self):
        stages = self._stages()
        tips = list(BrainBuildingTip.objects.in_language(self.locale))
        for tip in tips:
            tip.stage_slugs = [stage.slug for stage in stages if tip.is_for_stage(stage)]
        return tips

    def item_facets(self, tip):
        return {"age": tip.stage_slugs, "setting": [tip.setting]}
