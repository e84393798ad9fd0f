from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from cms.core.sanitise import clean_html
from cms.programs.models import ProgramIndexPage
from cms.programs.tables import readable_tables

register = template.Library()


@register.simple_tag(takes_context=True)
def program_url(context, program):
    """The program's page on the current site, in the reader's language (the program itself
    may be shown in English there)."""
    site = context.get("current_site")
    if site is None:
        return ""
    return ProgramIndexPage.url_for(
        program, site, request=context.get("request"), locale=Locale.get_active()
    )


@register.filter
def program_html(value):
    """Dataset HTML, sanitised again on the way out: the allow-list holds even if a bad value
    reached the database some other way than the sync. Each table scrolls in a box of its own."""
    # nh3 output is safe; readable_tables adds only its own escaped attributes and tags.
    return mark_safe(readable_tables(clean_html(value or "", tables=True)))  # noqa: S308
