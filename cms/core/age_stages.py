"""Age stages on content: the one field that programs, events and activities keep them in, the
one filter on it, and the stages named in the reader's language.

The field stores AgeStage slugs as ",toddler,teen," text: one `contains` lookup finds a stage
without matching a stage whose slug contains it ("teen" in "preteen"), the same on SQLite and
PostgreSQL, and wagtail-localize copies the text to translations unchanged."""

import json
import re

from django import forms
from django.conf import settings
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils.text import capfirst

from cms.core import build_cache
from cms.core.models import AgeStage


class AgeStages(list):
    """AgeStage slugs in the order given, each once. Compares equal to the same slugs written
    as text ("toddler teen", "toddler,teen"), the way the dataset and old revisions have them."""

    @classmethod
    def parse(cls, value):
        if isinstance(value, cls):
            return value
        if value is None:
            value = []
        elif isinstance(value, str):
            text = value.strip()
            value = json.loads(text) if text.startswith("[") else re.split(r"[\s,]+", text)
        return cls(dict.fromkeys(str(slug).strip() for slug in value if str(slug).strip()))

    def __eq__(self, other):
        if isinstance(other, str | list | tuple):
            return list(self) == list(AgeStages.parse(other))
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __str__(self):
        return ", ".join(self)

    def stored(self):
        return f",{','.join(self)}," if self else ""


class AgeStagesAttribute(DeferredAttribute):
    """Whatever is assigned (a list, the dataset's text, a form's choices) reads back as
    AgeStages."""

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = AgeStages.parse(value)


class AgeStagesField(models.Field):
    """The age stages a program, event or activity is for, edited as checkboxes. A column of
    text, but not a CharField: wagtail-localize keeps it the same in every language instead of
    offering it to translators."""

    descriptor_class = AgeStagesAttribute

    def get_internal_type(self):
        return "CharField"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return AgeStages.parse(value)

    def to_python(self, value):
        return AgeStages.parse(value)

    def get_prep_value(self, value):
        return AgeStages.parse(value).stored()

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=english_stage_choices,
            widget=kwargs.get("widget") or forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            disabled=kwargs.get("disabled", False),
        )


def age_stage_filter(field, slug):
    """A Q for the rows whose AgeStagesField `field` (a lookup path: "age_stages",
    "event__age_stage_slugs") includes the stage `slug`."""
    return models.Q(**{f"{field}__contains": f",{slug},"})


def stages_in_language(locale, slugs=None):
    """Age stages in sort order, each in `locale` when translated, else in English; only
    `slugs` (in any order) when given."""
    chosen = {}
    for stage in _stages_in_or_english(locale, slugs):
        if stage.slug not in chosen or stage.locale_id == locale.id:
            chosen[stage.slug] = stage
    return sorted(chosen.values(), key=lambda stage: stage.sort_order)


def _stages_in_or_english(locale, slugs):
    """The age stages in `locale` or in English (only `slugs` when given); in a build, picked
    from every stage read once."""
    if not build_cache.active():
        stages = AgeStage.objects.filter(
            models.Q(locale=locale) | models.Q(locale__language_code=settings.LANGUAGE_CODE)
        )
        if slugs is not None:
            stages = stages.filter(slug__in=list(slugs))
        return list(stages)
    every = build_cache.bulk(
        ("age stages",), lambda: list(AgeStage.objects.select_related("locale"))
    )
    wanted = None if slugs is None else set(slugs)
    stages = [
        stage
        for stage in every
        if (stage.locale_id == locale.id or stage.locale.language_code == settings.LANGUAGE_CODE)
        and (wanted is None or stage.slug in wanted)
    ]
    build_cache.replay({(stage._meta.label_lower, stage.pk) for stage in stages})
    return [build_cache.copy_instance(stage) for stage in stages]


def english_stage_choices():
    """(slug, name) of every age stage in sort order, for editors' checkboxes."""
    return list(
        AgeStage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("sort_order")
        .values_list("slug", "name")
    )
