"""The content health report: broken external links (checked by a periodic task), images
without alt text, and what else readers would trip over."""

import socket

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from cms.editorial.link_check import check_external_links, page_links
from cms.editorial.models import ExternalLink
from cms.editorial.tasks import check_external_links_task
from tests.core.factories import StandardPageFactory
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def page_linking_to(parent, *urls):
    page = StandardPageFactory(parent=parent, title="Where to get help")
    links = "".join(f'<a href="{url}">link</a> ' for url in urls)
    page.body = [("paragraph", RichText(f"<p>{links}</p>"))]
    page.save_revision().publish()
    return page


def test_link_check_finds_broken_links_and_keeps_the_results(sites, httpserver):
    httpserver.expect_request("/pools").respond_with_data("Open", status=200)
    httpserver.expect_request("/old-form").respond_with_data("Not here", status=404)
    httpserver.expect_request("/refuses-head", method="HEAD").respond_with_data("", status=405)
    httpserver.expect_request("/refuses-head", method="GET").respond_with_data("Fine")
    own_page = "http://growingup.localhost/child-care/"
    page = page_linking_to(
        sites["growingup"].root_page,
        httpserver.url_for("/pools"),
        httpserver.url_for("/old-form"),
        httpserver.url_for("/refuses-head"),
        own_page,
    )

    result = check_external_links_task.enqueue().return_value

    assert result == {"checked": 3, "broken": 1}
    broken = ExternalLink.objects.get(is_broken=True)
    assert broken.url == httpserver.url_for("/old-form")
    assert broken.status_code == 404
    assert list(broken.pages.all()) == [page.page_ptr]
    assert not ExternalLink.objects.filter(url=own_page).exists()


def test_program_links_are_checked_too(sites, httpserver):
    httpserver.expect_request("/apply").respond_with_data("Gone", status=410)
    httpserver.expect_request("/offices").respond_with_data("Here")
    program = ProgramFactory(
        online_application_url=httpserver.url_for("/apply"),
        description=f'<p>Find an <a href="{httpserver.url_for("/offices")}">office</a>.</p>',
    )
    ProgramFactory(online_application_url=httpserver.url_for("/retired"), live=False)

    assert check_external_links() == {"checked": 2, "broken": 1}

    broken = ExternalLink.objects.get(is_broken=True)
    assert broken.url == httpserver.url_for("/apply") and broken.status_code == 410
    assert list(broken.programs.all()) == [program] and not broken.pages.exists()


def closed_port_url(path):
    # A port that was free a moment ago: nothing answers there. (The httpserver fixture is
    # shared by the whole session, so it must not be stopped.)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


def test_an_address_that_does_not_answer_is_broken(sites):
    unused = closed_port_url("/gone")
    page_linking_to(sites["generation"].root_page, unused)

    check_external_links(workers=2, timeout=2)

    link = ExternalLink.objects.get()
    assert link.is_broken and link.status_code is None and link.error == "ConnectionError"


def test_links_no_longer_on_any_live_page_are_forgotten(sites, httpserver):
    httpserver.expect_request("/old").respond_with_data("", status=404)
    page = page_linking_to(sites["growingup"].root_page, httpserver.url_for("/old"))
    check_external_links()
    page.unpublish()

    check_external_links()

    assert not ExternalLink.objects.exists()


def test_page_links_reads_rich_text_and_blocks(sites):
    page = page_linking_to(sites["growingup"].root_page, "https://www.nyc.gov/311.")
    assert page_links(page) == {"https://www.nyc.gov/311"}


def test_health_report_lists_broken_links_and_images_without_alt_text(
    client, sites, django_user_model
):
    page = page_linking_to(sites["growingup"].root_page, "https://example.org/gone")
    link = ExternalLink.objects.create(
        url="https://example.org/gone", status_code=404, is_broken=True
    )
    link.pages.add(page)
    image_model = get_image_model()
    image_model.objects.create(title="Kids at the pool", file=get_test_image_file())
    image_model.objects.create(
        title="Reading corner",
        description="Children reading at a library",
        file=get_test_image_file(),
    )
    program = ProgramFactory(program_name="Summer Meals", plain_language_name="Free summer meals")
    link.programs.add(program)
    client.force_login(django_user_model.objects.create_superuser("chief", "c@example.org", "pw"))

    response = client.get("/admin/editorial/content-health/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "https://example.org/gone" in html and "Where to get help" in html
    assert f"/admin/snippets/programs/program/edit/{program.pk}/" in html
    assert "Kids at the pool" in html and "Reading corner" not in html
    assert "Free summer meals" in html
