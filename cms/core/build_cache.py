"""What a static build reads again and again, read once per build.

Inside `during_build()` the values that are fixed while a build renders (locales, sites, the
page tree, menus, banners, age stages, the language switcher's translations) are computed once
and kept, each under an explicit key such as ("menu", site_id, "es"); when the block ends they
are all dropped, so the next build reads the database afresh. Outside it (the live server, an
editor's preview) `cached` computes every time: the live site is never stale.

A static build records which database objects each URL read (cms.publishing.rendering), so
that an edit re-renders exactly the outputs that read it. That record is kept here: `reads()`
gathers the objects instantiated while it is open, and a value served from the cache replays
the objects its computation read, as if the URL had read them itself.

The store is per thread: a build's worker (a thread or a forked process) enters its own block,
and a request the live server answers in another thread meanwhile is not affected.
"""

import copy
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.signals import post_init
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

_local = threading.local()


def _state():
    state = getattr(_local, "state", None)
    if state is None:
        state = _local.state = _ThreadState()
    return state


class _ThreadState:
    def __init__(self):
        self.store = None  # {key: (value, reads)} while a build runs in this thread
        self.frames = []  # sets of (label, pk) being gathered, innermost last
        self.quiet = 0  # > 0: instances made now are read by no URL (a bulk load)


def _note_instance(sender, instance, **kwargs):
    state = getattr(_local, "state", None)
    if state is None or not state.frames or state.quiet or instance.pk is None:
        return
    state.frames[-1].add((instance._meta.label_lower, instance.pk))


post_init.connect(_note_instance, dispatch_uid="build-cache-reads")


@contextmanager
def reads(seen=None):
    """A set that gathers (model label, pk) of every object read inside the block: each model
    instance made, and each one a cached value was computed from. `seen` may be another
    collection with add(), update() and iteration, that sorts what it is given."""
    state = _state()
    seen = set() if seen is None else seen
    state.frames.append(seen)
    try:
        yield seen
    finally:
        state.frames.pop()
        if state.frames:
            state.frames[-1].update(seen)


def replay(objects):
    """Note `objects` ((label, pk) pairs) as read now: for a value that was read earlier in the
    build and is served again without instantiating them."""
    state = _state()
    if state.frames and not state.quiet and objects:
        state.frames[-1].update(objects)


def active():
    """Whether a build's caches are active in this thread."""
    return _state().store is not None


def cached(key, compute, copy_value=None):
    """`compute()`, once per build for `key`; every time outside a build. The objects it read
    are noted again each time it is served. `copy_value`, when given, makes each caller's copy
    of the kept value (model instances that callers may annotate)."""
    state = _state()
    if state.store is None:
        return compute()
    try:
        value, objects = state.store[key]
    except KeyError:
        with reads() as objects:
            value = compute()
        state.store[key] = (value, frozenset(objects))
    else:
        replay(objects)
    return copy_value(value) if copy_value else value


def bulk(key, load):
    """`load()`, once per build for `key`, noting nothing as read: a table of rows that many
    URLs pick from; each caller replays the objects of the rows it picks. Every time outside a
    build (so callers check `active()` and query only what they need instead)."""
    state = _state()
    if state.store is None:
        return load()
    try:
        return state.store[key][0]
    except KeyError:
        state.quiet += 1
        try:
            value = load()
        finally:
            state.quiet -= 1
        state.store[key] = (value, frozenset())
        return value


def copy_instance(instance):
    """A model instance callers may annotate (Wagtail caches the parent, the specific page and
    related objects on it) without the next URL seeing it."""
    return copy.copy(instance)


@contextmanager
def during_build():
    """The block in which a build renders: caches kept for its length, dropped at its end,
    whether or not it raised. A block inside another shares the outer one's caches."""
    state = _state()
    if state.store is not None:
        yield
        return
    state.store = {}
    try:
        with _wagtail_patched():
            yield
    finally:
        state.store = None


# Wagtail's own look-ups, answered from the build's caches while a build renders.
#
# Wagtail looks up the active Locale, the request's Site, the home page in the reader's
# language, each page on the way to the one asked for and the view restrictions above it on
# every request, with no hook to answer them from elsewhere. `_wagtail_patched()` replaces those
# methods for the length of a build and puts Wagtail's back when the last build in the process
# ends, whatever happens. Each replacement answers as Wagtail would, and notes as read the
# objects Wagtail's own answer would have instantiated; in a thread where no build runs it calls
# Wagtail's method unchanged.

PAGE = "wagtailcore.page"


@dataclass
class PageTree:
    """Every page, read in two queries per page type for the whole build: each as a plain Page
    and in its specific type, the children of each page by slug, the pages of each
    translation key in tree order."""

    base: dict = field(default_factory=dict)
    specific: dict = field(default_factory=dict)
    children: dict = field(default_factory=dict)
    translations: dict = field(default_factory=dict)
    by_path: dict = field(default_factory=dict)

    def specific_page(self, pk):
        """A page in its specific type, as `page.specific` on a plain Page would give it."""
        page = self.specific[pk]
        replay({(PAGE, pk), (page._meta.label_lower, pk)})
        return copy_instance(page)

    def plain_page(self, pk):
        """A page as a plain Page, as `Page.objects.get(pk=pk)` would give it."""
        replay({(PAGE, pk)})
        return copy_instance(self.base[pk])

    def typed_page(self, pk):
        """A page as its specific type's own queryset would give it."""
        page = self.specific[pk]
        replay({(page._meta.label_lower, pk)})
        return copy_instance(page)


def _load_page_tree():
    tree = PageTree()
    for page in Page.objects.order_by("path"):
        tree.base[page.pk] = page
        tree.by_path[page.path] = page.pk
        tree.translations.setdefault(page.translation_key, []).append(page.pk)
        if page.depth > 1:
            tree.children.setdefault(page.path[: -Page.steplen], {})[page.slug] = page.pk
    tree.specific = {page.pk: page for page in Page.objects.specific()}
    return tree


def page_tree():
    """The build's PageTree; None outside a build."""
    if not active():
        return None
    return bulk(("page tree",), _load_page_tree)


# Wagtail's methods, as they were before any build.
_original = {}
_raw = {}  # the attributes as the classes held them, to put back
_lock = threading.Lock()
_builds = 0


def _get_for_language(self, language_code):
    return cached(
        ("locale", language_code), lambda: _original["get_for_language"](self, language_code)
    )


def _get_object(self, instance):
    # An object read through a foreign key to a Locale, a page or an image (page.locale,
    # site.root_page, page.alias_of, a hero image) while a build runs: from the build's
    # tables, as Wagtail's query would have made it.
    related = self.field.related_model
    if active() and self.field.target_field.primary_key:
        pk = getattr(instance, self.field.attname)
        if related is Locale:
            return cached(("locale id", pk), lambda: _original["get_object"](self, instance))
        if issubclass(related, Page):
            tree = page_tree()
            if related is Page and pk in tree.base:
                return tree.plain_page(pk)
            if type(tree.specific.get(pk)) is related:
                return tree.typed_page(pk)
        elif related is get_image_model():
            images = bulk(("images",), lambda: {i.pk: i for i in related.objects.all()})
            if pk in images:
                replay({(related._meta.label_lower, pk)})
                return copy_instance(images[pk])
    return _original["get_object"](self, instance)


def _fresh_site(site):
    """The kept Site, without its root page: a caller reads it (and is noted reading it)."""
    if site is None:
        return None
    served = copy_instance(site)
    served._state.fields_cache = {}
    return served


def _find_site_for_request(request):
    if not active():
        return _original["find_site"](request)
    hostname = split_domain_port(request._get_raw_host())[0]
    key = ("site for", hostname, request.get_port())
    return cached(key, lambda: _original["find_site"](request), _fresh_site)


def _localized_home(site):
    """site.root_page.localized.specific: the home page in the reader's language."""
    return cached(
        ("localized home", site.pk, translation.get_language()),
        lambda: site.root_page.localized.specific,
        copy_instance,
    )


def _route_for_request(request, path):
    # Wagtail's Page.route_for_request, with the localized home from the build's cache.
    if not active():
        return _original["route_for_request"](request, path)
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            if site := Site.find_for_request(request):
                components = [component for component in path.split("/") if component]
                request._wagtail_route_for_request = _localized_home(site).route(
                    request, components
                )
            else:
                request._wagtail_route_for_request = None
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def _route(self, request, path_components):
    # Wagtail's Page.route, with each child found in the build's page tree.
    if not path_components or not active():
        return _original["route"](self, request, path_components)
    tree = page_tree()
    pk = tree.children.get(self.path, {}).get(path_components[0])
    if pk is None:
        raise Http404
    subpage = tree.specific_page(pk)
    subpage._cached_parent_obj = self
    return subpage.route(request, path_components[1:])


def _get_view_restrictions(self):
    # Wagtail's Page.get_view_restrictions: the page and its ancestors (each alias as its
    # original) from the page tree, and no query at all when none of them is restricted.
    if not active() or self.pk not in page_tree().base:
        return _original["get_view_restrictions"](self)
    tree = page_tree()
    restricted = bulk(
        ("restricted pages",),
        lambda: set(PageViewRestriction.objects.values_list("page_id", flat=True)),
    )
    to_check = set()

    def add(pk, instance=None):
        alias_of_id = tree.base[pk].alias_of_id
        if alias_of_id:
            original = tree.plain_page(alias_of_id)
            if instance is not None:
                Page.alias_of.field.set_cached_value(instance, original)
            add(alias_of_id)
        else:
            to_check.add(pk)

    add(self.pk, self)
    for end in range(Page.steplen, len(self.path), Page.steplen):
        ancestor = tree.by_path[self.path[:end]]
        replay({(PAGE, ancestor)})
        add(ancestor)
    if not to_check & restricted:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(page_id__in=to_check)


def _private_q(self):
    return cached(("private pages",), lambda: _original["private_q"](self))


_PATCHES = {
    "get_for_language": (LocaleManager, "get_for_language", _get_for_language),
    "get_object": (ForwardManyToOneDescriptor, "get_object", _get_object),
    "find_site": (Site, "_find_for_request", staticmethod(_find_site_for_request)),
    "route_for_request": (Page, "route_for_request", staticmethod(_route_for_request)),
    "route": (Page, "route", _route),
    "get_view_restrictions": (Page, "get_view_restrictions", _get_view_restrictions),
    "private_q": (PageQuerySet, "private_q", _private_q),
}


_MISSING = object()


@contextmanager
def _wagtail_patched():
    """Wagtail's look-ups answered from the build's caches for the length of the block (in
    the threads where a build runs); Wagtail's own back when the last block ends."""
    global _builds
    with _lock:
        if _builds == 0:
            for name, (owner, attribute, replacement) in _PATCHES.items():
                _original[name] = getattr(owner, attribute)
                _raw[name] = owner.__dict__.get(attribute, _MISSING)
                setattr(owner, attribute, replacement)
        _builds += 1
    try:
        yield
    finally:
        with _lock:
            _builds -= 1
            if _builds == 0:
                for name, (owner, attribute, _replacement) in _PATCHES.items():
                    raw = _raw.pop(name)
                    if raw is _MISSING:
                        delattr(owner, attribute)
                    else:
                        setattr(owner, attribute, raw)
