"""A broad check: a Generation NYC editor tries every admin action on a Growing Up NYC page, its
translations and each kind of translatable snippet, and none of them goes through."""

import pytest
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from tests.editorial.factories import growingup_snippets

pytestmark = pytest.mark.django_db


def page_actions(page, locales, generation_home):
    """(method, address, data) of each admin action on a page and its translations."""
    french = page.get_translation(locales["fr"])
    polish_alias = page.get_translation(locales["pl"])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locales["fr"]
    )
    revision = page.get_latest_revision()
    pages = f"/admin/pages/{page.pk}"
    localize = "/admin/localize"
    return [
        ("get", f"{pages}/edit/", {}),
        ("post", f"{pages}/edit/", {"title": "Gone", "slug": "gone", "action-publish": "1"}),
        ("get", f"{pages}/edit/preview/", {}),
        ("get", f"{pages}/view_draft/", {}),
        ("post", f"{pages}/unpublish/", {}),
        ("get", f"{pages}/move/", {}),
        ("post", f"{pages}/move/{generation_home.pk}/confirm/", {}),
        ("post", f"{pages}/set_position/?position=0", {}),
        ("post", f"{pages}/delete/", {}),
        (
            "post",
            f"{pages}/copy/",
            {"new_title": "Copy", "new_slug": "copy", "new_parent_page": generation_home.pk},
        ),
        ("get", f"{pages}/revisions/{revision.pk}/view/", {}),
        ("post", f"{pages}/revisions/{revision.pk}/revert/", {}),
        ("get", f"{pages}/revisions/compare/live...latest/", {}),
        ("get", f"{pages}/history/", {}),
        ("get", f"{pages}/workflow_history/", {}),
        ("get", f"{pages}/usage/", {}),
        ("post", f"{pages}/privacy/", {"restriction_type": "none"}),
        ("post", f"{pages}/lock/", {}),
        ("get", f"/admin/pages/add/core/standardpage/{page.pk}/", {}),
        ("post", f"/admin/pages/{polish_alias.pk}/convert_alias/", {}),
        ("post", f"/admin/pages/{french.pk}/edit/", {"action": "publish"}),
        ("post", f"/admin/pages/{french.pk}/edit/", {"localize-restart-translation": "1"}),
        ("get", f"{localize}/submit/page/{page.pk}/", {}),
        ("post", f"{localize}/submit/page/{page.pk}/", {"locales": [locales["ko"].pk]}),
        ("get", f"{localize}/update/{translation.source_id}/", {}),
        ("post", f"{localize}/update/{translation.source_id}/", {"publish_translations": "on"}),
        ("post", f"{localize}/page/{french.pk}/convert_to_alias/", {}),
        ("get", f"{localize}/translate/{translation.pk}/pofile/download/", {}),
        ("post", f"{localize}/translate/{translation.pk}/pofile/upload/", {}),
        ("post", f"{localize}/translate/{translation.pk}/machine_translate/", {}),
        ("get", f"{localize}/translate/{translation.pk}/preview/", {}),
        ("post", f"{localize}/translate/{translation.pk}/disable/", {}),
    ]


def snippet_actions(record, locales):
    meta = record._meta
    snippets = f"/admin/snippets/{meta.app_label}/{meta.model_name}"
    api = f"/admin/localize/api/snippets/{meta.app_label}/{meta.model_name}"
    return [
        ("get", f"{snippets}/", {}),
        ("get", f"{snippets}/edit/{record.pk}/", {}),
        ("post", f"{snippets}/edit/{record.pk}/", {}),
        ("post", f"{snippets}/delete/{record.pk}/", {}),
        ("get", f"{snippets}/history/{record.pk}/", {}),
        ("get", f"{snippets}/usage/{record.pk}/", {}),
        (
            "post",
            f"/admin/localize/submit/snippet/{meta.app_label}/{meta.model_name}/{record.pk}/",
            {"locales": [locales["ko"].pk]},
        ),
        ("get", f"{api}/", {}),
        ("get", f"{api}/{record.pk}/", {}),
    ]


def test_a_generation_editor_can_do_nothing_to_growingup_content(
    client, growingup_page, synced, editorial, locales, user_in
):
    synced()
    translate_object(growingup_page, [locales["fr"]])
    growingup_page.title = "Child care near you"
    growingup_page.save_revision()
    snippets = growingup_snippets(editorial["growingup"])
    actions = page_actions(growingup_page, locales, editorial["generation"].root_page)
    for record in snippets.values():
        actions += snippet_actions(record, locales)
    before = (Page.objects.count(), Translation.objects.count())
    editor = user_in("Generation NYC editors")
    client.force_login(editor)

    for method, url, data in actions:
        response = getattr(client, method)(
            url, data, headers={"x-requested-with": "XMLHttpRequest"}
        )
        assert response.status_code == 403, (method, url)

    growingup_page.refresh_from_db()
    assert (growingup_page.title, growingup_page.live, growingup_page.locked) == (
        "Child care",
        True,
        False,
    )
    assert growingup_page.get_parent().pk == editorial["growingup"].root_page.pk
    assert before == (Page.objects.count(), Translation.objects.count())
    assert Translation.objects.get(
        target_locale=locales["fr"], source__object_id=growingup_page.translation_key
    ).enabled
    assert not PageLogEntry.objects.filter(user=editor).exists()
    for record in snippets.values():
        assert type(record).objects.filter(translation_key=record.translation_key).count() == 1
