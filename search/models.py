from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel

from search.text import fold


class SearchSynonym(models.Model):
    """What residents type, and what the sites call it, in one language: "food stamps" means
    SNAP, "daycare" means child care, "chidcare" is a misspelling of child care. Kept by
    editors, as the city's current site does."""

    SYNONYM = "synonym"
    CORRECTION = "correction"
    KINDS = [
        (SYNONYM, "Synonym: also search for the official words"),
        (CORRECTION, "Correction: search for the official words instead, and say so"),
    ]

    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    typed = models.CharField(
        max_length=200,
        help_text="What people type, comma-separated: food stamps, foodstamps, ebt.",
    )
    official = models.CharField(
        max_length=200, help_text="The words our pages use: SNAP, child care."
    )
    kind = models.CharField(max_length=12, choices=KINDS, default=SYNONYM)

    panels = [
        FieldPanel("language"),
        FieldPanel("typed"),
        FieldPanel("official"),
        FieldPanel("kind"),
    ]

    class Meta:
        ordering = ["language", "official"]
        verbose_name = "search synonym"

    def __str__(self):
        return f"{self.typed} → {self.official}"

    def typed_phrases(self):
        return [fold(phrase.strip()) for phrase in self.typed.split(",") if phrase.strip()]
