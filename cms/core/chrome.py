"""The page chrome: the parts every page of a site shows around its content (the alert banners,
the site menu), which depend on the site and the reader's language only, not on the page,
except for the menu's mark of the page being viewed (aria-current).

Each part is written between stable markers, `<!--chrome:alerts-->…<!--/chrome:alerts-->`,
and renders from the request and the site alone, so that the static build can render a part
again once per language and splice it into every built file (cms.publishing.chrome) instead of
rendering every page again. While a part renders, `part_being_rendered()` names it: the build
records what the part read apart from what the page read.

A part's template may depend on the page only through `request.path` compared with the
addresses it links to (the menu's aria-current): the splice renders a part once per language,
and once more for each page it links to."""

import threading
from dataclasses import dataclass

from django.template.loader import get_template
from django.utils.safestring import mark_safe

_rendering = threading.local()


@dataclass(frozen=True)
class Part:
    """One part of the chrome. `context(request, site)` gives its template's context;
    `models` are the labels of the objects it shows, any change of which may change it (a
    new banner); `lists_home_children`: it lists the children of the site's home, so a page
    added under a home, moved or gone from there changes it; `shown(site)`, when given, says
    which objects ((label, pk)) it would show now, for parts that change with time (a banner
    starts or ends)."""

    name: str
    template: str
    context: object
    models: tuple = ()
    lists_home_children: bool = False
    shown: object = None

    @property
    def start_marker(self):
        return f"<!--chrome:{self.name}-->"

    @property
    def end_marker(self):
        return f"<!--/chrome:{self.name}-->"


_PARTS = {}


def register(part):
    _PARTS[part.name] = part
    return part


def parts():
    """Every part of the chrome, by name (declared beside the template tags that show them,
    cms/core/templatetags/core_tags.py, which the app loads when ready)."""
    return dict(_PARTS)


def render_part(name, request, site):
    """A part between its markers, as the base template writes it."""
    part = parts()[name]
    previous = getattr(_rendering, "part", None)
    _rendering.part = name
    try:
        html = get_template(part.template).render(part.context(request, site))
    finally:
        _rendering.part = previous
    return mark_safe(part.start_marker + html + part.end_marker)


def part_being_rendered():
    """The name of the part rendering in this thread, or None."""
    return getattr(_rendering, "part", None)
