"""The page chrome (alert banners, the site menu) changes without rendering the pages again: the
rebuild splices the part into every built file, and the files are byte for byte those of a full
build."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from cms.core.translation import translate
from cms.publishing import signals, tasks
from cms.publishing.build import BuildFailed, build_site
from cms.publishing.incremental import Changes, rebuild
from tests.core.factories import AlertBannerFactory, StandardPageFactory
from tests.publishing.built import editor_changes, files_of, manifest_of

pytestmark = pytest.mark.django_db


def html_pages(site_dir):
    return {path for path in files_of(site_dir, manifest=False) if path.endswith(".html")}


@pytest.fixture
def menu(content, three_languages, synced):
    """Growing Up NYC with two pages in its menu (one translated into Spanish) and one out of
    it, built in three languages."""
    home = content["home"]
    help_page = StandardPageFactory(parent=home, title="Help", slug="help", show_in_menus=True)
    food = StandardPageFactory(parent=help_page, title="Food", slug="food")
    hidden = StandardPageFactory(parent=home, title="Contact", slug="contact")
    synced()
    translate(help_page, three_languages["es"], {"Help": "Ayuda"})
    return {
        **content,
        "help": help_page,
        "food": food,
        "hidden": hidden,
        "es": three_languages["es"],
    }


@pytest.fixture
def built(menu, build, django_capture_on_commit_callbacks, monkeypatch):
    """The site built, and `change(action)`: the action made as an editor does, committed;
    returns the site's rebuild report."""
    report = build()
    signals.flush()  # what making the pages left to rebuild: nothing of it changes
    changes = editor_changes(monkeypatch, django_capture_on_commit_callbacks)

    def change(action):
        return changes(action).get("growingup")

    return {**menu, "dir": report.output_dir, "change": change}


def assert_as_a_full_build(site_dir, tmp_path):
    full = build_site("growingup", tmp_path / "full").output_dir
    spliced, whole = files_of(site_dir, manifest=False), files_of(full, manifest=False)
    assert spliced.keys() == whole.keys()
    assert [path for path in spliced if spliced[path] != whole[path]] == []
    spliced_manifest, whole_manifest = manifest_of(site_dir), manifest_of(full)
    # What the parts of the chrome read: at least what they read in the full build (a page
    # may have read the site's home before its menu did).
    spliced_chrome, whole_chrome = spliced_manifest.pop("chrome"), whole_manifest.pop("chrome")
    assert spliced_manifest == whole_manifest
    for name, record in whole_chrome.items():
        assert set(record["pages"]) <= set(spliced_chrome[name]["pages"])
        assert record["objects"] == spliced_chrome[name]["objects"]


def test_the_chrome_is_written_between_markers_on_every_page(built):
    page = (built["dir"] / "es/help/food/index.html").read_text()

    assert page.count("<!--chrome:alerts-->") == 1 and page.count("<!--/chrome:alerts-->") == 1
    menu = page[page.index("<!--chrome:menu-->") : page.index("<!--/chrome:menu-->")]
    assert 'href="/es/help/"' in menu and ">Ayuda</a>" in menu


@pytest.mark.parametrize("edit", ["new", "changed", "translated", "deleted"])
def test_an_alert_banner_edit_is_spliced_into_every_page_as_a_full_build_writes_it(
    built, tmp_path, edit
):
    site = built["sites"]["growingup"]
    if edit != "new":
        banner = AlertBannerFactory(site=site, message="Pools are closed today.")
        rebuild(Changes(objects={("core.alertbanner", banner.pk)}))
    before = files_of(built["dir"], manifest=False)

    def act():
        if edit == "new":
            AlertBannerFactory(site=site, message="Schools are closed today.")
        elif edit == "changed":
            banner.message = "Schools are closed today."
            banner.save()
        elif edit == "translated":
            translate(banner, built["es"], {"Pools are closed today.": "Escuelas cerradas hoy."})
        else:
            banner.delete()

    report = built["change"](act)

    # No page was rendered again: the banner was spliced into every page that changed.
    assert report.rendered == []
    after = files_of(built["dir"], manifest=False)
    changed = {path for path in after if before.get(path) != after[path]}
    if edit == "translated":
        assert {path for path in html_pages(built["dir"]) if path.startswith("es/")} == changed
    else:
        assert changed == html_pages(built["dir"])
    assert_as_a_full_build(built["dir"], tmp_path)


@pytest.mark.parametrize("edit", ["renamed", "added to the menu", "left the menu"])
def test_a_menu_edit_is_spliced_into_every_page_as_a_full_build_writes_it(built, tmp_path, edit):
    page = {"renamed": "help", "added to the menu": "hidden", "left the menu": "help"}[edit]
    page = built[page]

    def act():
        if edit == "renamed":
            page.title = "Get help"
        else:
            page.show_in_menus = edit == "added to the menu"
        page.save_revision().publish()

    report = built["change"](act)

    # The page itself is rendered again (and the pages that show it in their content); every
    # other page has its menu spliced in.
    rendered = set(report.rendered)
    assert {f"{prefix}/{page.slug}/" for prefix in ("", "/es", "/ar")} <= rendered
    assert "/about/" not in rendered and "/" not in rendered and "/es/404.html" not in rendered
    # (The Spanish menu says "Ayuda" whatever the English title.)
    assert {"about/index.html", "404.html", "ar/404.html"} <= set(report.written)
    assert_as_a_full_build(built["dir"], tmp_path)


def test_the_menu_marks_the_page_being_viewed_after_a_splice(built):
    help_page = built["help"]
    help_page.title = "Get help"
    help_page.save_revision().publish()
    rebuild(Changes(pages={help_page.pk}))

    about = (built["dir"] / "about/index.html").read_text()
    assert '<a href="/about/" aria-current="page">About us</a>' in about
    assert '<a href="/help/">Get help</a>' in about


def test_a_banner_linking_to_a_missing_page_fails_the_splice(built):
    site = built["sites"]["growingup"]
    live = built["dir"].resolve()
    banner = AlertBannerFactory(
        site=site, link_url=f"{site.root_url}/nowhere/", link_text="Read more"
    )

    with pytest.raises(BuildFailed) as failed:
        rebuild(Changes(objects={("core.alertbanner", banner.pk)}))

    assert any("broken link to" in problem for problem in failed.value.problems)
    assert built["dir"].resolve() == live


def test_a_banner_shows_from_its_start_and_goes_at_its_end(built, tmp_path):
    site = built["sites"]["growingup"]
    now = timezone.now()
    AlertBannerFactory(
        site=site,
        message="Heat emergency: cooling centers open.",
        starts_at=now + timedelta(hours=1),
        ends_at=now + timedelta(hours=3),
    )
    rebuild(Changes(objects={("core.alertbanner", 0)}))
    assert tasks.splice_started_and_ended_banners.call() == []
    assert b"Heat emergency" not in (built["dir"] / "es/index.html").read_bytes()

    with time_machine.travel(now + timedelta(hours=2)):
        assert tasks.splice_started_and_ended_banners.call()
        assert b"Heat emergency" in (built["dir"] / "es/index.html").read_bytes()
        assert tasks.splice_started_and_ended_banners.call() == []
        assert_as_a_full_build(built["dir"], tmp_path / "started")
    with time_machine.travel(now + timedelta(hours=4)):
        assert tasks.splice_started_and_ended_banners.call()
        assert b"Heat emergency" not in (built["dir"] / "about/index.html").read_bytes()
        assert_as_a_full_build(built["dir"], tmp_path / "ended")


def test_a_page_built_without_the_markers_is_rendered_whole(built, tmp_path):
    """A build from before the markers (or a page whose template has none) is not spliced."""
    # In the live build and in the standby tree a rebuild starts from.
    for folder in (built["dir"].parent / ".builds").glob("growingup-*"):
        page = folder / "about/index.html"
        old = page.read_bytes().replace(b"<!--chrome:alerts-->", b"")
        page.unlink()  # the builds' files are hard links to each other
        page.write_bytes(old)

    report = built["change"](
        lambda: AlertBannerFactory(site=built["sites"]["growingup"], message="Pools are closed.")
    )

    assert report.rendered == ["/about/"]
    assert_as_a_full_build(built["dir"], tmp_path)
