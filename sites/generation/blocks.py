"""Generation NYC's StreamField blocks: the shared blocks plus what topics and youth profiles
need (tips, accordions, a linked profile, questions and answers)."""

from wagtail import blocks

from cms.core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class TipsBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False, help_text="For example: Quick tips.")
    tips = blocks.ListBlock(blocks.CharBlock(max_length=200), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "generation/blocks/tips.html"


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text="A question or a short label.")
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Sections that open and close without JavaScript (<details>)."""

    title = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "collapse-down"
        template = "generation/blocks/accordion.html"


class LinkedProfileBlock(blocks.StructBlock):
    profile = blocks.PageChooserBlock(page_type="generation.YouthProfilePage")
    text = blocks.CharBlock(
        max_length=120, required=False, help_text="Why read this story. Optional."
    )

    class Meta:
        icon = "user"
        template = "generation/blocks/linked_profile.html"


class TopicStreamBlock(BaseStreamBlock):
    tips = TipsBlock()
    accordion = AccordionBlock()
    linked_profile = LinkedProfileBlock()


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "generation/blocks/question_answer.html"


class ProfileStreamBlock(blocks.StreamBlock):
    question_answer = QuestionAnswerBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="core/blocks/paragraph.html"
    )
