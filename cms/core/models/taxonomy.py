"""Taxonomies both sites share: age stages and boroughs."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

BOROUGHS = [
    ("bronx", _("Bronx")),
    ("brooklyn", _("Brooklyn")),
    ("manhattan", _("Manhattan")),
    ("queens", _("Queens")),
    ("staten-island", _("Staten Island")),
]

AGE_STAGE_ICONS = [
    ("pregnancy", "Pregnancy"),
    ("baby", "Baby"),
    ("toddler", "Toddler"),
    ("preschooler", "Preschooler"),
    ("child", "Child"),
    ("preteen", "Preteen"),
    ("teen", "Teen"),
    ("young-adult", "Young adult"),
]


class AgeStage(TranslatableMixin, models.Model):
    """A stage of a child's life, from pregnancy to young adulthood. The slug is the same in
    every language, so filters (`?age=toddler`) and feeds work across translations."""

    name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=40, help_text="Stable key used in addresses: toddler.")
    age_label = models.CharField(max_length=40, blank=True, help_text="For example: 1 to 3 years.")
    sort_order = models.PositiveSmallIntegerField(default=0)
    months_from = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Age in months when the stage starts (empty: before birth).",
    )
    months_to = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Age in months when the stage ends."
    )
    colour = models.CharField(
        max_length=7,
        default="#0b4f6c",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a colour like #0b4f6c.")],
    )
    icon = models.CharField(max_length=20, choices=AGE_STAGE_ICONS)

    translatable_fields = [TranslatableField("name"), TranslatableField("age_label")]
    synchronized_fields = [
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
        SynchronizedField("months_from"),
        SynchronizedField("months_to"),
        SynchronizedField("colour"),
        SynchronizedField("icon"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("age_label"),
        FieldPanel("sort_order"),
        FieldPanel("months_from"),
        FieldPanel("months_to"),
        FieldPanel("colour"),
        FieldPanel("icon"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = "age stage"
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_age_stage_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def includes_months(self, months):
        """True when a child `months` old is in this stage."""
        if self.months_from is None:
            return False
        return self.months_from <= months and (self.months_to is None or months <= self.months_to)
