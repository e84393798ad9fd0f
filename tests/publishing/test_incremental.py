"""Publishing, unpublishing, moving and deleting pages rebuild only the files they change, and
a rebuild that fails leaves the live output as it was."""

import gzip
import json

import pytest
from wagtail.models import Page

from cms.core.models import StandardPage
from cms.publishing import signals, tasks
from cms.publishing.build import BuildFailed, build_site, rebuild_search_index
from cms.publishing.incremental import Changes, rebuild
from cms.publishing.manifest import MANIFEST
from cms.publishing.search_plan import SearchIndexPlan
from tests.core.factories import StandardPageFactory
from tests.publishing.built import manifest_of

pytestmark = pytest.mark.django_db


def snapshot(site_dir):
    folder = site_dir.resolve()
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and path.name != "build-manifest.json"
    }


def changed_files(before, after):
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def without_search_index(paths):
    """The paths but the search index's and the words "did you mean" picks from, which are
    written with it."""
    return {
        path
        for path in paths
        if not path.startswith("pagefind/") and not path.endswith("search/words.json")
    }


def build_folders(site_dir):
    return {path.name for path in (site_dir.parent / ".builds").iterdir() if path.is_dir()}


def no_such_block(self, request, *args, **kwargs):
    raise ValueError("no such block")


@pytest.fixture
def built(content, build, django_capture_on_commit_callbacks):
    """The site built once, and a way to make a change the way an editor does, committed."""
    report = build()

    def change(action):
        before = snapshot(report.output_dir)
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return changed_files(before, snapshot(report.output_dir))

    return {"dir": report.output_dir, "change": change, **content}


def test_editing_a_page_rebuilds_it_in_every_language_and_nothing_else(built):
    about = built["about"]

    def edit():
        about.summary = "Who we are, in two lines."
        about.save_revision().publish()

    changed = built["change"](edit)

    # The sitemap changes too: it gives the date the page was last published.
    assert without_search_index(changed) == {
        "about/index.html",
        "es/about/index.html",
        "ar/about/index.html",
        "sitemap.xml",
    }
    assert any(path.startswith("pagefind/") for path in changed)
    assert b"Who we are, in two lines." in (built["dir"] / "es/about/index.html").read_bytes()


def test_a_publish_makes_its_pages_searchable_in_the_recent_index_then_reindexes_them(
    built, monkeypatch
):
    """First the changed pages (the page and its untranslated copies) go in the small
    recent-changes index, with the ids of their old versions to leave out, and the main index
    is not touched; then their languages are indexed again, which empties it: the result is
    the index a full reindex makes, byte for byte."""
    site_dir = built["dir"]
    old_ids = {
        url: indexed[2]
        for url, indexed in manifest_of(site_dir)["search_index"].items()
        if url.endswith("/about/")
    }
    steps = []

    def reindex(site_key, plan=None):
        steps.append((plan, snapshot(site_dir)))
        return rebuild_search_index(site_key, plan=plan)

    monkeypatch.setattr(tasks, "rebuild_search_index", reindex)
    before = snapshot(site_dir)
    about = built["about"]

    def edit():
        about.summary = "Who we are: neighbours who help families find free help."
        about.save_revision().publish()

    built["change"](edit)
    assert [plan for plan, _ in steps] == [SearchIndexPlan.recent(), SearchIndexPlan.stale()]
    recent = steps[1][1]  # the files as the first step left them

    assert sorted(old_ids) == ["/about/", "/ar/about/", "/es/about/"]
    assert {p for p in changed_files(before, recent) if p.startswith("pagefind/")} == {
        "pagefind/recent.json"
    }
    note = json.loads(recent["pagefind/recent.json"])
    assert note["bundle"] == "../pagefind-recent/"
    assert note["languages"] == ["ar", "en", "es"]
    assert note["superseded"] == {old_id[:2]: [old_id] for old_id in old_ids.values()}
    fragments = [path for path in recent if path.startswith("pagefind-recent/fragment/")]
    assert len(fragments) == 3
    assert not [path for path in recent if path.startswith("pagefind-recent/wasm.")]
    assert b"neighbours who help families" in b"".join(
        gzip.decompress(recent[path]) for path in fragments
    )
    # After the second step.
    assert not (site_dir / "pagefind-recent").exists()
    assert (site_dir / "pagefind/recent.json").read_text() == "{}"
    whole = rebuild_search_index("growingup")
    assert (whole.written, whole.removed) == ([], [])


def test_an_unpublished_page_leaves_the_search_at_once(built, search_reindex_held_back):
    """Its old ids are left out of results until its languages are indexed again."""
    site_dir = built["dir"]
    old_ids = {
        indexed[2]
        for url, indexed in manifest_of(site_dir)["search_index"].items()
        if url.endswith("/about/")
    }
    built["change"](built["about"].unpublish)

    note = json.loads((site_dir / "pagefind/recent.json").read_text())
    assert old_ids <= {id for ids in note["superseded"].values() for id in ids}
    recent_pages = {
        json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))["url"]
        for path in (site_dir / "pagefind-recent/fragment").iterdir()
    }
    # The pages whose menu linked to it changed too: the home pages.
    assert recent_pages == {"/", "/es/", "/ar/"}
    assert rebuild_search_index("growingup", plan=SearchIndexPlan.stale()).removed
    assert (site_dir / "pagefind/recent.json").read_text() == "{}"


def test_publishing_a_new_page_adds_it_and_its_sitemap_entry(built, synced):
    def publish():
        page = StandardPageFactory(
            parent=built["home"], title="Free swim", slug="free-swim", live=False
        )
        synced()  # as wagtail-localize does when a page is created
        page.save_revision().publish()

    changed = built["change"](publish)

    assert without_search_index(changed) == {
        "free-swim/index.html",
        "es/free-swim/index.html",
        "ar/free-swim/index.html",
        "sitemap.xml",
    }
    assert "/free-swim/" in (built["dir"] / "sitemap.xml").read_text()


def test_renaming_a_menu_page_rebuilds_every_page_whose_menu_shows_it(built):
    about = built["about"]

    def rename():
        about.title = "Who we are"
        about.save_revision().publish()

    changed = built["change"](rename)

    for prefix in ("", "es/", "ar/"):
        assert f"{prefix}index.html" in changed
        assert f"{prefix}404.html" in changed
        assert f"{prefix}about/index.html" in changed


def test_unpublishing_a_page_removes_its_files_and_the_links_to_it(built):
    changed = built["change"](lambda: built["about"].unpublish())

    for prefix in ("", "es/", "ar/"):
        assert not (built["dir"] / prefix / "about/index.html").exists()
        assert b"/about/" not in (built["dir"] / prefix / "index.html").read_bytes()
    assert "sitemap.xml" in changed


def test_moving_a_page_moves_its_files(built):
    home = built["home"]
    section = StandardPageFactory(parent=home, title="Help", slug="help")
    child = StandardPageFactory(parent=home, title="Food", slug="food")
    rebuild(Changes(pages={section.pk, child.pk}))

    built["change"](lambda: child.move(section, pos="last-child"))

    assert (built["dir"] / "help/food/index.html").is_file()
    # Wagtail made a redirect from the old address: a notice pointing to the new one.
    assert 'url=/help/food/"' in (built["dir"] / "food/index.html").read_text()
    assert "/food /help/food/ 301" in (built["dir"] / "_redirects").read_text()


def test_deleting_a_page_removes_its_files(built):
    page = StandardPageFactory(parent=built["home"], title="Old news", slug="old-news")
    rebuild(Changes(pages={page.pk}))
    assert (built["dir"] / "old-news/index.html").is_file()

    changed = built["change"](page.delete)

    assert "old-news/index.html" in changed
    assert not (built["dir"] / "old-news/index.html").exists()


def test_the_rebuild_task_reports_what_it_rebuilt(built):
    about = built["about"]
    about.summary = "Changed."
    about.save_revision().publish()

    result = signals.flush()

    assert result.return_value[0].startswith("growingup: ")
    assert "  es/about/index.html" in result.return_value


def test_changes_from_another_database_never_touch_a_build(built):
    manifest_path = built["dir"] / "build-manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["database"] = "sqlite:/somewhere/else.sqlite3"
    manifest_path.write_text(json.dumps(manifest))

    assert rebuild(Changes(pages={built["about"].pk})) == []


def test_publishing_a_program_rebuilds_its_page_the_listings_and_the_sitemap(built, synced):
    from tests.programs.factories import ProgramFactory, ProgramIndexPageFactory

    ProgramIndexPageFactory(parent=built["home"])
    ProgramFactory(slug="free-meals", plain_language_name="Free meals for kids")
    synced()
    rebuild(Changes(pages=set(Page.objects.values_list("pk", flat=True))))

    changed = built["change"](
        lambda: ProgramFactory(slug="free-swim", plain_language_name="Free swim lessons")
    )

    # An English program shows in every language until translated: its page, the listing and
    # its JSON, and the "related programs" of the other food program change in each.
    expected = {"sitemap.xml"}
    for prefix in ("", "es/", "ar/"):
        expected |= {
            f"{prefix}programs/index.html",
            f"{prefix}programs/programs.json",
            f"{prefix}programs/free-swim/index.html",
            f"{prefix}programs/free-meals/index.html",
        }
    assert without_search_index(changed) == expected
    assert any(path.startswith("pagefind/") for path in changed)
    assert b"Free swim lessons" in (built["dir"] / "programs/index.html").read_bytes()


def test_editing_a_page_of_a_section_renders_it_again_but_not_its_sisters(built, synced):
    section = StandardPageFactory(parent=built["home"], title="Help", slug="help")
    food = StandardPageFactory(parent=section, title="Food", slug="food")
    rent = StandardPageFactory(parent=section, title="Rent", slug="rent")
    synced()
    rebuild(Changes(pages={section.pk, food.pk, rent.pk}))
    food.summary = "Free meals for every child."
    food.save_revision().publish()

    (report,) = rebuild(Changes(pages={food.pk}))

    # Every page reads its section for the breadcrumbs: that is no reason to render it again.
    assert "/help/food/" in report.rendered and "/es/help/food/" in report.rendered
    assert not any(url.endswith("/rent/") for url in report.rendered)


def test_a_build_of_some_languages_rebuilds_a_page_without_checking_links_into_the_others(
    content, build
):
    build(language_codes=["en", "es"])
    about = content["about"]
    about.summary = "Who we are."
    about.save_revision().publish()

    (report,) = rebuild(Changes(pages={about.pk}))

    assert "es/about/index.html" in report.written
    assert not (report.output_dir / "ar/about/index.html").exists()


def test_a_site_that_does_not_show_the_change_is_left_as_it_is(built, build):
    generation = build("generation").output_dir
    live = generation.resolve()
    about = built["about"]
    about.summary = "Who we are."
    about.save_revision().publish()

    reports = rebuild(Changes(pages={about.pk}))

    assert [report.site_key for report in reports] == ["growingup"]
    assert generation.resolve() == live


def test_a_chain_of_rebuilds_ends_with_the_files_of_a_full_build(built, tmp_path):
    home, about = built["home"], built["about"]

    def edit(summary):
        about.summary = summary
        about.save_revision().publish()

    built["change"](lambda: edit("Who we are."))
    folders = build_folders(built["dir"])
    swim = StandardPageFactory(parent=home, title="Free swim", slug="free-swim", live=False)
    built["change"](lambda: swim.save_revision().publish())
    news = StandardPageFactory(parent=home, title="Old news", slug="old-news", live=False)
    built["change"](lambda: news.save_revision().publish())
    built["change"](lambda: edit("Who we are, in two lines."))
    news.refresh_from_db()  # publishing changed the page in the database, not this object
    built["change"](news.unpublish)

    # Each rebuild started from the standby tree the one before left: two folders take turns.
    assert build_folders(built["dir"]) == folders
    live = built["dir"].resolve()
    assert b"Who we are, in two lines." in (live / "es/about/index.html").read_bytes()
    # A gone page leaves no empty folder, which a static server would list.
    assert not (live / "old-news").exists()
    full = build_site("growingup", tmp_path / "full").output_dir
    assert snapshot(built["dir"]) == snapshot(full)
    manifest = manifest_of(live)
    assert manifest["files"] == manifest_of(full)["files"]


@pytest.mark.parametrize("failure", ["a broken link", "a template that raises"])
def test_a_failed_rebuild_leaves_the_live_output_as_it_was(built, monkeypatch, failure):
    about = built["about"]
    about.summary = "Who we are."
    about.save_revision().publish()
    # The standby tree is now a build behind: the failing rebuild brings it up first.
    rebuild(Changes(pages={about.pk}))
    live = built["dir"].resolve()
    before = snapshot(built["dir"])
    manifest = (live / MANIFEST).read_bytes()
    if failure == "a broken link":
        about.body = [("paragraph", '<p><a href="/nowhere/">Old news</a></p>')]
        about.save_revision().publish()
        problem = "/about/: broken link to /nowhere/"
    else:
        monkeypatch.setattr(StandardPage, "get_context", no_such_block)
        problem = "/es/about/: raised ValueError: no such block"

    with pytest.raises(BuildFailed) as raised:
        rebuild(Changes(pages={about.pk}))

    assert any(found.startswith(problem) for found in raised.value.problems)
    assert built["dir"].resolve() == live
    assert snapshot(built["dir"]) == before
    assert (live / MANIFEST).read_bytes() == manifest
    # The failed build, which had taken the standby tree over, is gone.
    assert build_folders(built["dir"]) == {live.name}

    # The next rebuild (with no standby: it links the live tree) changes what it reports.
    monkeypatch.undo()
    about.body = []
    about.summary = "Who we are, in two lines."
    about.save_revision().publish()
    (report,) = rebuild(Changes(pages={about.pk}))

    changed = changed_files(before, snapshot(built["dir"]))
    assert changed == set(report.written) | set(report.removed)
    # The sitemap changes too when the date of the last publish does.
    assert changed - {"sitemap.xml"} == {
        "about/index.html",
        "es/about/index.html",
        "ar/about/index.html",
    }
