"""Editors of one site cannot touch the other site; moderators publish their own site."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale
from wagtail.permissions import policy_registry
from wagtail_factories import DocumentFactory, ImageFactory

from cms.editorial.groups import ensure_editorial_setup
from tests.editorial.forms import standard_page_form

pytestmark = pytest.mark.django_db

XHR = {"x-requested-with": "XMLHttpRequest"}


def test_a_generation_editor_cannot_edit_or_publish_a_growingup_page(
    client, growingup_page, user_in
):
    editor = user_in("Generation NYC editors")
    client.force_login(editor)
    edit_url = f"/admin/pages/{growingup_page.id}/edit/"

    # Wagtail answers 403 to the admin's scripts, and sends a browser back to the dashboard
    # with "Sorry, you do not have permission to access this area."
    assert client.get(edit_url, headers=XHR).status_code == 403
    assert client.get(edit_url).url == "/admin/"
    form = standard_page_form(growingup_page, "publish", title="Gone")
    assert client.post(edit_url, form, headers=XHR).status_code == 403
    assert client.post(edit_url, form).url == "/admin/"
    delete_url = f"/admin/pages/{growingup_page.id}/delete/"
    assert client.post(delete_url, headers=XHR).status_code == 403
    growingup_page.refresh_from_db()
    assert growingup_page.title == "Child care"
    assert growingup_page.permissions_for_user(editor).can_publish() is False


def test_a_growingup_editor_edits_but_does_not_publish(client, growingup_page, user_in):
    editor = user_in("Growing Up NYC editors")
    client.force_login(editor)
    edit_url = f"/admin/pages/{growingup_page.id}/edit/"

    assert client.get(edit_url).status_code == 200
    client.post(edit_url, standard_page_form(growingup_page, "publish", title="Child care help"))

    growingup_page.refresh_from_db()
    assert growingup_page.title == "Child care"
    assert growingup_page.permissions_for_user(editor).can_publish() is False


def test_a_growingup_moderator_publishes_a_growingup_page(
    client, editorial, growingup_page, user_in
):
    moderator = user_in("Growing Up NYC moderators")
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/{growingup_page.id}/edit/",
        standard_page_form(growingup_page, "publish", title="Child care help"),
    )

    assert response.status_code == 302
    growingup_page.refresh_from_db()
    assert growingup_page.title == "Child care help"
    assert growingup_page.live
    assert not editorial["generation"].root_page.permissions_for_user(moderator).can_publish()


def test_translators_change_pages_in_their_language_only(editorial, locales, user_in):
    translator = user_in("Spanish translators")
    spanish_home = editorial["growingup"].root_page.get_translation(locales["es"])
    arabic_home = editorial["growingup"].root_page.get_translation(locales["ar"])

    assert spanish_home.permissions_for_user(translator).can_edit()
    assert not arabic_home.permissions_for_user(translator).can_edit()
    assert not editorial["growingup"].root_page.permissions_for_user(translator).can_edit()
    assert not spanish_home.permissions_for_user(translator).can_publish()


def test_a_home_page_in_a_new_language_gets_the_sites_permissions(editorial, synced, user_in):
    synced()
    editor = user_in("Generation NYC editors")
    polish = Locale.objects.get(language_code="pl")

    polish_home = editorial["generation"].root_page.get_translation(polish)
    assert polish_home.permissions_for_user(editor).can_edit()
    assert polish_home.get_workflow().name == "Generation NYC review"
    assert polish_home.permissions_for_user(user_in("Polish translators")).can_edit()


def test_each_site_has_its_own_image_and_document_collection(editorial, user_in):
    images = policy_registry.get_by_type(get_image_model())
    documents = policy_registry.get_by_type(get_document_model())
    editor = user_in("Growing Up NYC editors")
    growingup = Collection.objects.get(name="Growing Up NYC")
    generation = Collection.objects.get(name="Generation NYC")

    assert list(images.collections_user_has_permission_for(editor, "add")) == [growingup]
    assert list(documents.collections_user_has_permission_for(editor, "add")) == [growingup]
    assert generation not in images.collections_user_has_permission_for(editor, "choose")


@pytest.mark.parametrize(
    "factory, delete_url",
    [(ImageFactory, "/admin/images/{}/delete/"), (DocumentFactory, "/admin/documents/delete/{}/")],
)
def test_editors_do_not_delete_images_or_documents_moderators_do(
    client, editorial, user_in, factory, delete_url
):
    editor = user_in("Growing Up NYC editors")
    collection = Collection.objects.get(name="Growing Up NYC")
    own_upload = factory(collection=collection, uploaded_by_user=editor)
    someone_elses = factory(collection=collection)
    policy = policy_registry.get(own_upload)
    model = type(own_upload)

    client.force_login(editor)
    for item in (own_upload, someone_elses):
        assert not policy.user_has_permission_for_instance(editor, "delete", item)
        client.post(delete_url.format(item.pk))
        assert model.objects.filter(pk=item.pk).exists()
    assert policy.user_has_permission_for_instance(editor, "change", own_upload)
    assert not policy.instances_user_has_permission_for(editor, "delete").exists()

    moderator = user_in("Growing Up NYC moderators")
    client.force_login(moderator)
    assert list(policy.instances_user_has_permission_for(moderator, "delete")) == [
        own_upload,
        someone_elses,
    ]
    assert client.post(delete_url.format(someone_elses.pk)).status_code == 302
    assert not model.objects.filter(pk=someone_elses.pk).exists()
    generation_item = factory(collection=Collection.objects.get(name="Generation NYC"))
    assert not policy.user_has_permission_for_instance(moderator, "delete", generation_item)


def test_an_installation_set_up_before_is_corrected(editorial):
    """What the site editors could delete, and what programs managers could not translate."""
    migration = importlib.import_module(
        "cms.editorial.migrations.0003_editors_keep_media_moderators_delete"
    )
    editors = Group.objects.get(name="Generation NYC editors")
    managers = Group.objects.get(name="Programs managers")
    submit = Permission.objects.get(codename="submit_translation")
    for codename in ("delete_image", "delete_document"):
        GroupCollectionPermission.objects.create(
            group=editors,
            collection=Collection.objects.get(name="Generation NYC"),
            permission=Permission.objects.get(codename=codename),
        )
    managers.permissions.remove(submit)
    moderators_grants = GroupCollectionPermission.objects.filter(
        group__name="Generation NYC moderators"
    ).count()

    migration.correct_groups(apps, None)

    assert not GroupCollectionPermission.objects.filter(
        group=editors, permission__codename__startswith="delete"
    ).exists()
    assert submit in managers.permissions.all()
    assert (
        moderators_grants
        == GroupCollectionPermission.objects.filter(group__name="Generation NYC moderators").count()
    )


def test_setting_up_twice_changes_nothing(editorial):
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
    )
    ensure_editorial_setup()
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
    )
