"""Incremental rebuilds on publish: Wagtail's page signals and saves of the other objects pages
show (programs, event dates, alert banners, age stages) are gathered per thread and handed to
one background rebuild once the change is complete (at commit, and for a publish, once Wagtail
has also updated the page's untranslated aliases)."""

import threading
from pathlib import Path

from django.apps import apps
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from cms.core import sites
from cms.publishing.folders import default_output_root
from cms.publishing.incremental import Changes
from cms.publishing.manifest import live_manifest_path
from cms.publishing.models import StaticRebuild

# Objects, besides pages, whose changes show on pages (the search synonyms on the search
# page). Looked up when the app registry is ready, so that this app never imports the apps that
# define them.
WATCHED_MODELS = (
    "programs.Program",
    "events.EventOccurrence",
    "core.AlertBanner",
    "core.AgeStage",
    "site_search.SearchSynonym",
)

# Objects that are a part of a page, by the field naming their page: a change to one is a
# change to that page's listing state (an event's stored dates decide which listings show it, and
# when), not to every output that reads objects of the kind.
PAGE_PARTS = {"events.eventoccurrence": "event_id"}

_state = threading.local()


def _pending():
    if getattr(_state, "changes", None) is not None and _state.gathered_in.rolled_back():
        # The transaction they came in rolled back (a failed request): they never happened.
        _state.changes = _state.awaited_aliases = None
    if getattr(_state, "changes", None) is None:
        _state.changes = Changes()
        _state.triggers = {}
        _state.object_triggers = {}
        _state.listing_states = {}
        _state.gathered_in = _Transaction()
    if getattr(_state, "awaited_aliases", None) is None:
        _state.awaited_aliases = set()
    return _state.changes


class _Transaction:
    """The transaction changes are gathered in, to tell when it rolled back: Django forgets its
    on-commit callbacks then, this one's among them. Outside a transaction, each save commits."""

    def __init__(self):
        self.committed = not connection.in_atomic_block
        if not self.committed:
            transaction.on_commit(self)

    def __call__(self):
        self.committed = True

    def rolled_back(self):
        if self.committed or not connection.in_atomic_block:
            return False
        return not any(callback is self for _ids, callback, _robust in connection.run_on_commit)


def _note(action, instance):
    """Say what happened to a page, for the editors' list of rebuilds: 'Published "About"'."""
    _pending()
    _state.triggers.setdefault(f'{action} "{instance}"'[:200], None)


def _note_object(instance):
    _pending()
    _state.object_triggers.setdefault(instance._meta, {}).setdefault(str(instance)[:150], None)


def _trigger():
    """What the editors' list of rebuilds says triggered one. What happened to pages comes
    first: publishing an event saves its dates too."""
    triggers = list(_state.triggers)
    for meta, names in _state.object_triggers.items():
        if len(names) == 1:
            triggers.append(f'Changed {meta.verbose_name} "{next(iter(names))}"')
        else:
            triggers.append(f"Changed {len(names)} {meta.verbose_name_plural}")
    if len(triggers) > 1:
        return f"{triggers[0]} and {len(triggers) - 1} more"
    return triggers[0] if triggers else "Content changed"


def _schedule():
    # Once per change: the first flush at commit takes them all, the others find nothing.
    transaction.on_commit(flush)


def flush():
    """Hand the gathered changes to a background rebuild, if any site has a live build (or
    will have one: a first build is queued), with a record editors can follow."""
    changes = _pending()
    _note_listings(changes)
    trigger = _trigger()
    _state.changes = None
    output_root = Path(default_output_root())
    if not changes or not (
        any(live_manifest_path(output_root, key).is_file() for key in sites.site_keys())
        or StaticRebuild.objects.unfinished().filter(full=True).exists()
    ):
        return None
    from cms.publishing.tasks import queue_rebuild

    return queue_rebuild(changes, trigger)


def _note_listings(changes):
    """Add to `changes.listed` the saved pages whose listing state (`listing_state()`: what
    listings select and order them by) is not what it was before their first save."""
    for pk, (model, before) in _state.listing_states.items():
        page = model.objects.filter(pk=pk).first()
        if (page.listing_state() if page is not None else None) != before:
            changes.listed.add(pk)
            changes.pages.add(pk)
    _state.listing_states = {}


def on_listed_page_pre_save(sender, instance, raw=False, **kwargs):
    """Before a page whose type has a listing state is first saved in a change: its state."""
    if raw or instance.pk is None:
        return  # a new page: new pages join listings anyway
    _pending()
    if instance.pk not in _state.listing_states:
        stored = sender.objects.filter(pk=instance.pk).first()
        before = stored.listing_state() if stored is not None else None
        _state.listing_states[instance.pk] = (sender, before)


def _parent_id(page):
    parent_path = page.path[: -Page.steplen]
    return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()


def on_page_published(sender, instance, alias=False, **kwargs):
    _pending().pages.add(instance.pk)
    if not alias:
        _note("Published", instance)
    if alias:
        _state.awaited_aliases.discard(instance.pk)
    elif not connection.in_atomic_block:
        # Wagtail updates the page's aliases after this signal, outside any transaction:
        # wait for the last of them before rebuilding.
        _state.awaited_aliases = set(
            Page.objects.filter(alias_of=instance).values_list("pk", flat=True)
        )
    if not _state.awaited_aliases:
        _schedule()


def on_page_unpublished(sender, instance, **kwargs):
    _pending().pages.add(instance.pk)
    if not instance.alias_of_id:
        _note("Unpublished", instance)
    # Wagtail unpublishes a page's aliases before the page itself: wait for the page's signal.
    source_is_going = (
        instance.alias_of_id
        and not Page.objects.filter(pk=instance.alias_of_id, live=True).exists()
    )
    if not source_is_going:
        _schedule()


def on_pre_page_move(sender, instance, parent_page_before, **kwargs):
    _pending().parents.add(parent_page_before.pk)


def on_post_page_move(sender, instance, parent_page_after, **kwargs):
    changes = _pending()
    changes.pages.add(instance.pk)
    changes.parents.add(parent_page_after.pk)
    _note("Moved", instance)
    _schedule()


def on_delete(sender, instance, **kwargs):
    changes = _pending()
    if not isinstance(instance, Page):
        _note_object(instance)
    elif not instance.alias_of_id:
        _note("Deleted", instance)
    if isinstance(instance, Page):
        changes.pages.add(instance.pk)
        parent = _parent_id(instance)
        if parent:
            changes.parents.add(parent)
    elif not _note_changed_object(changes, instance):
        return
    _schedule()


def on_object_saved(sender, instance, **kwargs):
    _note_object(instance)
    if _note_changed_object(_pending(), instance):
        _schedule()


def _note_changed_object(changes, instance):
    """Note a change to an object; returns whether it asks for a rebuild of its own. A part of
    a page being saved (an event's dates, refreshed as the event is saved) waits for the page's
    publish, which takes it with the page: one rebuild, not one for the dates and one for the
    page."""
    label = instance._meta.label_lower
    if label not in PAGE_PARTS:
        changes.objects.add((label, instance.pk))
        return True
    page_id = getattr(instance, PAGE_PARTS[label])
    changes.pages.add(page_id)
    changes.listed.add(page_id)
    return page_id not in _state.listing_states


def connect():
    page_published.connect(on_page_published, dispatch_uid="publishing-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="publishing-unpublished")
    pre_page_move.connect(on_pre_page_move, dispatch_uid="publishing-pre-move")
    post_page_move.connect(on_post_page_move, dispatch_uid="publishing-post-move")
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            post_delete.connect(on_delete, sender=model, dispatch_uid=f"publishing-{model}")
            if hasattr(model, "listing_state"):
                pre_save.connect(
                    on_listed_page_pre_save, sender=model, dispatch_uid=f"publishing-pre-{model}"
                )
    for label in WATCHED_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue  # that app is not installed (or not written yet)
        post_save.connect(on_object_saved, sender=model, dispatch_uid=f"publishing-{label}")
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"publishing-del-{label}")
