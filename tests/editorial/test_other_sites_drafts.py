"""What another site's team is still drafting stays out of sight: in the admin search, the
page chooser, the explorer and both translation reports, an editor sees their own site's
draft titles only."""

import pytest
from wagtail_localize.operations import translate_object

from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Pantry closing in June"


@pytest.fixture
def growingup_draft(editorial, locales):
    """A Growing Up NYC section nobody has published yet, already sent for translation."""
    draft = StandardPageFactory(
        parent=editorial["growingup"].root_page, title=DRAFT_TITLE, slug="pantry", live=False
    )
    translate_object(draft, [locales["fr"]])
    return draft


def admin_pages(growingup_draft, editorial):
    home = editorial["growingup"].root_page
    return [
        "/admin/pages/search/?q=pantry",
        "/admin/pages/search/results/?q=pantry",
        f"/admin/choose-page/{home.pk}/",
        "/admin/pages/usage/core/standardpage/",
        "/admin/choose-page/search/?q=pantry",
        f"/admin/api/main/pages/?child_of={home.pk}&for_explorer=1",
        "/admin/api/main/pages/?search=pantry",
        "/admin/editorial/translation-status/?site=growingup",
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
    ]


def shown_to(client, user, url):
    client.force_login(user)
    response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    return response.status_code == 200 and DRAFT_TITLE in response.content.decode()


def test_an_editor_sees_their_own_sites_drafts(client, growingup_draft, editorial, user_in):
    """The other half of the test below: these pages do list the draft to its own team."""
    editor = user_in("Growing Up NYC editors")
    for url in admin_pages(growingup_draft, editorial):
        assert shown_to(client, editor, url), url


def test_another_sites_editor_does_not(client, growingup_draft, editorial, user_in):
    editor = user_in("Generation NYC editors")
    the_drafts_own_pages = [
        f"/admin/choose-page/{growingup_draft.pk}/",
        f"/admin/pages/{growingup_draft.pk}/",
    ]
    for url in admin_pages(growingup_draft, editorial) + the_drafts_own_pages:
        assert not shown_to(client, editor, url), url


def test_published_pages_of_the_other_site_can_still_be_linked_to(
    client, growingup_page, editorial, user_in
):
    client.force_login(user_in("Generation NYC editors"))
    home = editorial["growingup"].root_page
    for url in [f"/admin/choose-page/{home.pk}/", "/admin/choose-page/search/?q=child"]:
        assert growingup_page.title in client.get(url).content.decode(), url
