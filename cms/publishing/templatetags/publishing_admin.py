"""The state of the public static copy, shown to editors in the admin."""

from django import template
from django.utils import timezone

from cms.publishing.models import StaticRebuild
from cms.publishing.progress import minutes_and_seconds

register = template.Library()


@register.inclusion_tag("publishing/admin/static_copy_status.html")
def static_copy_status(page):
    """The newest rebuild that brings this page to the public copy, in the page's status panel."""
    record = StaticRebuild.objects.for_page(page).first() if page and page.pk else None
    return {"record": record}


@register.filter
def short_time(value):
    """14:05 today, Dec 1, 14:05 before."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    if local.date() == timezone.localdate():
        return local.strftime("%H:%M")
    return f"{local.strftime('%b')} {local.day}, {local.strftime('%H:%M')}"


@register.filter
def minutes_seconds(seconds):
    """125.4 -> 2:05."""
    return "" if seconds is None else minutes_and_seconds(seconds)
