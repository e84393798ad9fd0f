from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.models import BasePage


class ListPage(BasePage):
    """A page under the home page that introduces a list: age guides, tips, activities."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["growingup.GrowingUpHomePage"]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True
