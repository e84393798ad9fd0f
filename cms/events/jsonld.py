"""schema.org Event data for event pages, as search engines read it."""

import json
from datetime import timedelta

from django.utils import timezone
from django.utils.html import strip_tags

from cms.core.models import BOROUGHS
from cms.events.recurrence import NEW_YORK

SCHEMA = "https://schema.org/"


def event_json_ld(event, request=None, occurrence=None, image_url=None):
    """A schema.org Event for the page: the next date of a series (or the first date when all
    are past), its status, attendance mode and Place or VirtualLocation."""
    occurrence = occurrence or (event.upcoming[0] if event.upcoming else None)
    all_day = event.all_day
    if occurrence is not None:
        start, end, cancelled = occurrence.start, occurrence.end, occurrence.cancelled
    else:
        schedule = event.schedule
        start, cancelled = schedule.starts_at, False
        end = schedule.ends_at
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": event.get_full_url(request),
        "startDate": _when(start, all_day),
        "eventStatus": SCHEMA
        + ("EventCancelled" if event.cancelled or cancelled else "EventScheduled"),
        "eventAttendanceMode": SCHEMA
        + {
            "offline": "OfflineEventAttendanceMode",
            "online": "OnlineEventAttendanceMode",
            "mixed": "MixedEventAttendanceMode",
        }[event.attendance_mode],
        "location": _locations(event),
        "isAccessibleForFree": event.is_free,
        "inLanguage": event.locale.language_code,
    }
    if end is not None:
        data["endDate"] = _when(end, all_day, is_end=True)
    description = event.summary or strip_tags(event.description)
    if description:
        data["description"] = description.strip()
    if image_url:
        data["image"] = [image_url]
    if event.organizer:
        data["organizer"] = {"@type": "Organization", "name": event.organizer}
        if event.organizer_email:
            data["organizer"]["email"] = event.organizer_email
        if event.organizer_phone:
            data["organizer"]["telephone"] = event.organizer_phone
    if event.is_free or event.registration_url:
        offer = {"@type": "Offer", "url": event.registration_url or data["url"]}
        if event.is_free:
            offer.update({"price": "0", "priceCurrency": "USD"})
        data["offers"] = offer
    return data


def _when(moment, all_day, is_end=False):
    local = timezone.localtime(moment, NEW_YORK)
    if all_day:
        # Stored all-day ends are the midnight after the last day; schema.org wants the day.
        return (local - timedelta(days=1) if is_end else local).date().isoformat()
    return local.isoformat()


def _locations(event):
    locations = []
    if event.venue_name or event.address:
        address = {"@type": "PostalAddress", "addressRegion": "NY", "addressCountry": "US"}
        if event.address:
            address["streetAddress"] = event.address
        if event.borough:
            address["addressLocality"] = str(dict(BOROUGHS)[event.borough])
        locations.append(
            {"@type": "Place", "name": event.venue_name or event.address, "address": address}
        )
    if event.is_virtual and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations[0] if len(locations) == 1 else locations


def as_script(data):
    """JSON for a <script type="application/ld+json"> element: no "</script>" can end it early."""
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
