"""Blocks of the age guides: milestones by area of development, and where to get help."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# The five areas the widely used milestone checklists group a child's development into.
DOMAINS = [
    ("social-emotional", _("Social and emotional")),
    ("language", _("Language and communication")),
    ("learning", _("Learning and thinking")),
    ("movement", _("Movement and physical development")),
    ("health", _("Health")),
]


class MilestoneGroupBlock(blocks.StructBlock):
    domain = blocks.ChoiceBlock(choices=DOMAINS)
    milestones = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label="Milestone"),
        help_text="Short things most children do at this age: “Waves bye-bye”.",
    )

    class Meta:
        icon = "list-ul"
        label = "Milestones for one area"


class MilestonesBlock(blocks.StreamBlock):
    group = MilestoneGroupBlock()

    def clean(self, value):
        value = super().clean(value)
        domains = [child.value["domain"] for child in value]
        if len(domains) != len(set(domains)):
            raise blocks.StreamBlockValidationError(
                non_block_errors=["Put each area’s milestones in one group."]
            )
        return value


class WarningSignsBlock(blocks.StreamBlock):
    sign = blocks.CharBlock(
        max_length=200, help_text="Something to talk to a doctor about: “Does not smile at people”."
    )


class HelpContactBlock(blocks.StructBlock):
    """A fact about where to get help: who it is for and how to reach it."""

    name = blocks.CharBlock(max_length=100, help_text="Early Intervention")
    who_for = blocks.CharBlock(max_length=160, required=False, help_text="Children under 3")
    how_to_reach = blocks.CharBlock(
        max_length=240, help_text="Call 311 and ask for Early Intervention. It is free."
    )
    phone = blocks.CharBlock(max_length=20, required=False, help_text="311")
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "help"
        label = "Where to get help"


class HelpContactsBlock(blocks.StreamBlock):
    help = HelpContactBlock()
