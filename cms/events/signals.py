"""What a full save of an event page brings up to date: its stored dates (EventOccurrence,
when the page owns its schedule: English originals, not translations or aliases) and its
calendar entry (the VEVENTs the feeds are made of). Saves of chosen fields (update_fields)
leave both alone, as do fixtures loaded raw."""

from django.db.models.signals import post_save

from cms.events.ics import event_entry
from cms.events.models import EventPage


def on_event_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or update_fields is not None:
        return
    if instance.owns_schedule:
        instance.refresh_occurrences()
    instance.calendar_entry = event_entry(instance)
    EventPage.objects.filter(pk=instance.pk).update(calendar_entry=instance.calendar_entry)


def connect():
    post_save.connect(on_event_saved, sender=EventPage, dispatch_uid="events-event-saved")
