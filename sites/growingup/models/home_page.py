from cms.core.models import BaseHomePage

from .age_guides import guides_under


class GrowingUpHomePage(BaseHomePage):
    """Home of Growing Up NYC, the site for parents and caregivers."""

    template = "growingup/home_page.html"

    class Meta:
        verbose_name = "Growing Up NYC home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["age_guides"] = guides_under(self, self.locale)
        return context
