from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class HeroImage(models.Model):
    """A picture at the top of the page, and what it shows for people who cannot see it (a
    translatable text, so each language describes it in its own words)."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        "hero image text alternative",
        max_length=200,
        blank=True,
        help_text="What the picture shows, for people who cannot see it.",
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
