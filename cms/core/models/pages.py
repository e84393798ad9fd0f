from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from cms.core.search_card import SearchCard


class BasePage(Page):
    """What every public page shares: a plain-language summary for cards, search results and
    the meta description."""

    summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="One or two short sentences in plain language. Shown in listings and search.",
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    promote_panels = Page.promote_panels + [FieldPanel("summary")]

    class Meta:
        abstract = True

    def search_card(self):
        return SearchCard(title=self.title, summary=self.summary or self.search_description)


class BaseHomePage(BasePage):
    """A site's home page. Each site subclasses it with its own template and look."""

    hero_heading = models.CharField(max_length=120)
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    parent_page_types = ["wagtailcore.Page"]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("hero_heading"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    class Meta:
        abstract = True


class StandardPage(BasePage):
    """A plain content page on either site: about us, privacy, how to get help."""

    body = StreamField(BaseStreamBlock())

    template = "core/standard_page.html"
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = "standard page"
