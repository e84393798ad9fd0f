"""Nothing goes live without review: an editor submits, a moderator approves or asks for
changes with a comment, and both hear about it by e-mail."""

import pytest
from wagtail.models import WorkflowState

from tests.editorial.forms import standard_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(editorial, user_in):
    return {
        "editor": user_in("Growing Up NYC editors"),
        "moderator": user_in("Growing Up NYC moderators"),
        "other_moderator": user_in("Generation NYC moderators"),
    }


def act(client, page, action, **data):
    task_state = page.current_workflow_task_state
    return client.post(f"/admin/pages/workflow/action/{page.id}/{action}/{task_state.id}/", data)


def test_editor_submits_moderator_asks_for_changes_then_approves(
    client, growingup_page, people, mailoutbox
):
    edit_url = f"/admin/pages/{growingup_page.id}/edit/"
    client.force_login(people["editor"])
    client.post(edit_url, standard_page_form(growingup_page, "submit", title="Child care help"))

    growingup_page.refresh_from_db()
    assert growingup_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert growingup_page.title == "Child care"
    assert [m.to for m in mailoutbox] == [[people["moderator"].email]]

    client.force_login(people["other_moderator"])
    act(client, growingup_page, "approve")
    growingup_page.refresh_from_db()
    assert growingup_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(people["moderator"])
    act(client, growingup_page, "reject", comment="Please add the phone number.")
    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please add the phone number."
    assert people["editor"].email in mailoutbox[-1].to

    client.force_login(people["editor"])
    client.post(
        edit_url, standard_page_form(growingup_page, "submit", title="Child care help: 311")
    )
    client.force_login(people["moderator"])
    act(client, growingup_page, "approve")

    growingup_page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert growingup_page.live and growingup_page.title == "Child care help: 311"
    assert people["editor"].email in mailoutbox[-1].to
