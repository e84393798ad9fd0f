"""Forms: the editor's event form (recurrence and age stages as checkboxes, not RRULE text) and
the residents' listing filters, which work as a plain GET form without JavaScript."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from cms.core import listings
from cms.core.models import BOROUGHS
from cms.events.recurrence import WEEKDAYS


class CommaSeparatedChoiceField(forms.MultipleChoiceField):
    """Checkboxes kept in a CharField as "MO,WE": simple to store, copy and translate."""

    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        if isinstance(value, str):
            return [item for item in value.split(",") if item]
        return value

    def clean(self, value):
        return ",".join(super().clean(value))

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial or ""), data)


class EventPageForm(WagtailAdminPageForm):
    repeat_weekdays = CommaSeparatedChoiceField(
        choices=WEEKDAYS,
        required=False,
        label=_("On these days"),
        help_text=_("For weekly events. Leave empty to repeat on the weekday of the start."),
    )


CHECKBOX = forms.CheckboxInput(attrs={"value": "1"})


class EventFilterForm(forms.Form):
    """The listing's filters. Every field is optional; invalid values are ignored rather than
    shown as errors, since they come from links and bookmarks as often as from the form."""

    WHEN_CHOICES = [
        ("", _("Any upcoming date")),
        ("today", _("Today")),
        ("weekend", _("This weekend")),
        ("week", _("This week")),
        ("dates", _("Between dates")),
    ]

    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    borough = forms.ChoiceField(
        label=_("Borough"), choices=[("", _("All boroughs"))] + BOROUGHS, required=False
    )
    age = forms.ChoiceField(label=_("Age"), required=False)
    # value="1", as in the JSON core/listing.js filters on (a bare checkbox would send "on").
    free = forms.BooleanField(label=_("Free only"), required=False, widget=CHECKBOX)
    virtual = forms.BooleanField(label=_("Online only"), required=False, widget=CHECKBOX)

    def __init__(self, *args, age_stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age"].choices = [("", _("All ages"))] + list(age_stages)

    def filters(self, now=None):
        """Keyword arguments for `upcoming_occurrences` from the valid fields."""
        # Fields that fail validation drop out of cleaned_data and so filter nothing.
        self.is_valid()
        data = self.cleaned_data
        filters = {
            "borough": data.get("borough") or None,
            "age_stage": data.get("age") or None,
            "free": True if data.get("free") else None,
            "virtual": True if data.get("virtual") else None,
        }
        filters["start"], filters["end"] = self.date_range(data, now or timezone.now())
        return filters

    @staticmethod
    def date_range(data, now):
        return listings.date_range(data.get("when"), data.get("start"), data.get("end"), now)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise ValidationError(_("The end date comes before the start date."))
        return cleaned
