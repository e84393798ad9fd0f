from cms.core.models import BaseHomePage


class GenerationHomePage(BaseHomePage):
    """Home of Generation NYC, the site for young people."""

    template = "generation/home_page.html"

    class Meta:
        verbose_name = "Generation NYC home page"
