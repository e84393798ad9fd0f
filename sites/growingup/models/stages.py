from django.conf import settings
from django.db import models

from cms.core.models import AgeStage


def localized_stages(locale):
    """Age stages in sort order, each in `locale` when translated, else in English."""
    chosen = {}
    stages = AgeStage.objects.filter(
        models.Q(locale=locale) | models.Q(locale__language_code=settings.LANGUAGE_CODE)
    )
    for stage in stages:
        if stage.slug not in chosen or stage.locale_id == locale.id:
            chosen[stage.slug] = stage
    return sorted(chosen.values(), key=lambda stage: stage.sort_order)


def stage_choices():
    """(slug, name) of every age stage, for editors' checkboxes."""
    return [
        (stage.slug, stage.name)
        for stage in AgeStage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    ]


def age_choices(stages):
    """(slug, "Toddler (1 to 3 years)") for a filter by age."""
    return [(stage.slug, f"{stage.name} ({stage.age_label})") for stage in stages]
