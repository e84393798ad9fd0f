from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
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


class HeroImage(models.Model):
    """A picture at the top of a page, and what it shows for people who cannot see it (a
    translatable text, so each language describes it in its own words)."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        "hero image text alternative",
        max_length=200,
        blank=True,
        help_text="What the photo shows, for people who cannot see it.",
    )

    hero_image_panel = MultiFieldPanel(
        [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Picture"
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt:
            raise ValidationError(
                {"hero_image_alt": _("Describe the photo for people who cannot see it.")}
            )


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
