"""Who may do what in the admin. Two editorial teams and a translation vendor share one admin:

- "<Site> editors" add and change pages of their own site only (in every language) and send
  them to review; they cannot publish. They add and change the site's images and documents.
- "<Site> moderators" review, publish, unpublish and delete their own site's pages, and delete
  its images and documents (media.py makes that permission count: Wagtail's own rule lets
  whoever may change an image delete it).
- "Programs managers" manage the shared Program records and send them for translation.
- "<Language> translators" translate the pages of both sites in their language only.

Wagtail 8 has no language-aware page permissions, but each language's pages live in a tree of
their own (a site's home translations are siblings at depth 2), so a permission granted on one
language's home page covers that language only. Snippet permissions (programs, age stages) are
per model, not per language: a translator who may change programs may change them in every
language. So translators get page permissions only, and programs managers look after program
translations (or a translator joins "Programs managers", knowing it covers every language).

The "submit translation" permission only opens wagtail-localize's screens: what a user may
translate follows from what they may edit (translation_permissions.py).

Everything here is idempotent: `ensure_editorial_setup()` runs from load_demo and from
`manage.py setup_editorial` and adds only what is missing."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.core.sites import find_site, site_keys, site_named

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "bulk_delete_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]

EDITOR_MEDIA_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
MODERATOR_MEDIA_PERMISSIONS = EDITOR_MEDIA_PERMISSIONS + [
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]
TRANSLATOR_MEDIA_PERMISSIONS = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]

ACCESS_ADMIN = "wagtailadmin.access_admin"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
PROGRAMS_MANAGERS = "Programs managers"


def _silent(_message):
    return None


def editors_group_name(site_key):
    return f"{site_named(site_key).name} editors"


def moderators_group_name(site_key):
    return f"{site_named(site_key).name} moderators"


def translators_group_name(language_code):
    name = translation.get_language_info(language_code)["name"]
    return f"{name} translators"


def workflow_name(site_key):
    return f"{site_named(site_key).name} review"


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _group(name, model_permissions, report):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report(f"Group created: {name}")
    group.permissions.add(*[_permission(p) for p in model_permissions])
    return group


def _grant_pages(group, pages, codenames):
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_page_permission(codename)
            )


def _grant_collection(group, collection, dotted_permissions):
    for dotted in dotted_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(dotted)
        )


def site_homes(site):
    """The site's home page in every language: the English home and its translations and
    untranslated aliases."""
    return Page.objects.filter(translation_key=site.root_page.translation_key)


def site_collection(site_key):
    """The images and documents of one site live in a collection named after it."""
    root = Collection.get_first_root_node()
    name = site_named(site_key).name
    existing = root.get_children().filter(name=name).first()
    if existing is not None:
        return existing
    return root.add_child(name=name)


def ensure_site_workflow(site_key, moderators, report=_silent):
    """One review step: the site's moderators approve (publishing the page) or ask for changes."""
    workflow, created = Workflow.objects.get_or_create(name=workflow_name(site_key))
    if created:
        report(f"Workflow created: {workflow.name}")
    task_name = f"{site_named(site_key).name} moderators approve"
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    task = task or GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def ensure_site_scope(site_key, report=_silent):
    """Give the site's groups their permissions and workflow on every language's home page of
    the site. Runs again whenever a home page appears in a new language (see signals)."""
    site = find_site(site_key)
    if site is None:
        report(f"No {site_named(site_key).name} site yet: its editorial permissions wait for it")
        return
    editors = Group.objects.filter(name=editors_group_name(site_key)).first()
    moderators = Group.objects.filter(name=moderators_group_name(site_key)).first()
    if editors is None or moderators is None:
        return
    homes = list(site_homes(site).select_related("locale"))
    _grant_pages(editors, homes, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(moderators, homes, MODERATOR_PAGE_PERMISSIONS)
    workflow = ensure_site_workflow(site_key, moderators, report)
    for home in homes:
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
        code = home.locale.language_code
        if code != settings.LANGUAGE_CODE:
            translators = Group.objects.filter(name=translators_group_name(code)).first()
            if translators is not None:
                _grant_pages(translators, [home], TRANSLATOR_PAGE_PERMISSIONS)


def ensure_programs_managers(report=_silent):
    group = _group(PROGRAMS_MANAGERS, [ACCESS_ADMIN, SUBMIT_TRANSLATION], report)
    try:
        program = apps.get_model("programs", "Program")
    except LookupError:
        report("Programs managers: no Program model yet, so no program permissions were given")
        return group
    program_type = ContentType.objects.get_for_model(program)
    group.permissions.add(*Permission.objects.filter(content_type=program_type))
    return group


@transaction.atomic
def ensure_editorial_setup(report=_silent):
    """Create the editorial groups, collections and review workflows, and scope them to each
    site. Safe to run again."""
    for site_key in site_keys():
        editors = _group(editors_group_name(site_key), [ACCESS_ADMIN, SUBMIT_TRANSLATION], report)
        moderators = _group(
            moderators_group_name(site_key), [ACCESS_ADMIN, SUBMIT_TRANSLATION], report
        )
        collection = site_collection(site_key)
        _grant_collection(editors, collection, EDITOR_MEDIA_PERMISSIONS)
        _grant_collection(moderators, collection, MODERATOR_MEDIA_PERMISSIONS)
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        translators = _group(translators_group_name(code), [ACCESS_ADMIN], report)
        for site_key in site_keys():
            _grant_collection(translators, site_collection(site_key), TRANSLATOR_MEDIA_PERMISSIONS)
    ensure_programs_managers(report)
    for site_key in site_keys():
        ensure_site_scope(site_key, report)
