from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from sites.generation.models.topics import TOPIC_ICONS

register = template.Library()
ICON_NAMES = {name for name, _label in TOPIC_ICONS}


@register.simple_tag
def topic_icon(name, size=32):
    """A topic's icon as inline SVG (decorative: the topic's title says what it is)."""
    name = name if name in ICON_NAMES else "star"
    return mark_safe(render_to_string(f"generation/icons/{name}.svg", {"size": size}))  # noqa: S308
