"""StreamField blocks shared by both sites. Each block renders with
`core/blocks/<name>.html`; a site may override that template in its own app."""

from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=60, help_text="Say what happens: “Apply for 3-K”.")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"
        template = "core/blocks/call_to_action.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "core/blocks/callout.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="core/blocks/paragraph.html"
    )
    callout = CalloutBlock()
    call_to_action = CallToActionBlock()
