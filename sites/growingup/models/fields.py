from django import forms
from django.db import models
from django.utils.text import capfirst


class ChoiceListField(models.JSONField):
    """A list of keys from a set of choices (interests, age stages), edited as checkboxes.
    A JSON list works the same on SQLite and PostgreSQL, and wagtail-localize copies it to
    translations unchanged, so filters by key work in every language."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = item_choices
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            widget=kwargs.get("widget") or forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )
