from cms.core.models import BaseHomePage


class GrowingUpHomePage(BaseHomePage):
    """Home of Growing Up NYC, the site for parents and caregivers."""

    template = "growingup/home_page.html"

    class Meta:
        verbose_name = "Growing Up NYC home page"
