"""What each search index plan does to a build's index, without running Pagefind."""

from cms.publishing.manifest import IndexedPage, ManifestEntry
from cms.publishing.search_plan import SearchIndexPlan, stale_search_pages, write_search_index


def page(url, language, digest):
    return ManifestEntry(url, url.strip("/") + "/index.html", digest, "page", 1, language)


class FakeBuild:
    def __init__(self, outputs, search_pages, files):
        self.outputs, self.search_pages, self.files = outputs, search_pages, files
        self.written = {}

    def write(self, path, content):
        self.written[path] = content
        self.files[path] = "new"

    def remove(self, path):
        self.files.pop(path)


def test_plans_are_values_named_by_their_constructors():
    assert SearchIndexPlan.recent() == SearchIndexPlan.recent() != SearchIndexPlan.stale()
    assert SearchIndexPlan.languages(["es", "ar"]) == SearchIndexPlan.languages(("ar", "es"))
    assert len({SearchIndexPlan.none(), SearchIndexPlan.full(), SearchIndexPlan.none()}) == 2
    assert [plan.follows_changes for plan in (SearchIndexPlan.recent(), SearchIndexPlan.stale())]
    assert not SearchIndexPlan.full().follows_changes
    assert not SearchIndexPlan.languages(["es"]).follows_changes


def test_stale_pages_are_the_added_changed_and_removed_ones():
    outputs = {"/a/": page("/a/", "en", "1"), "/es/b/": page("/es/b/", "es", "2")}
    indexed = {"/a/": IndexedPage("en", "1", "en_a"), "/ar/c/": IndexedPage("ar", "3", "ar_c")}
    assert stale_search_pages(outputs, indexed) == [("/ar/c/", "ar"), ("/es/b/", "es")]


def test_no_plan_leaves_the_index_alone():
    build = FakeBuild({"/a/": page("/a/", "en", "1")}, {}, {"pagefind/pagefind-entry.json": "x"})
    write_search_index(build, SearchIndexPlan.none())
    assert build.written == {}


def test_a_plan_following_changes_with_none_empties_the_recent_changes_index():
    outputs = {"/a/": page("/a/", "en", "1")}
    files = {
        "pagefind/pagefind-entry.json": "x",
        "pagefind/recent.json": "x",
        "pagefind-recent/fragment/en_old.pf_fragment": "x",
    }
    for plan in (SearchIndexPlan.recent(), SearchIndexPlan.stale()):
        build = FakeBuild(outputs, {"/a/": IndexedPage("en", "1", "en_a")}, dict(files))
        write_search_index(build, plan)
        assert build.written == {"pagefind/recent.json": b"{}"}
        assert "pagefind-recent/fragment/en_old.pf_fragment" not in build.files
