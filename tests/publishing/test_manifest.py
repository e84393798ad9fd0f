"""A build's manifest reads back as it was written, in the format builds already on disk use."""

from cms.publishing.manifest import MANIFEST, ChromeRecord, IndexedPage, Manifest, ManifestEntry

# A manifest as builds before the typed manifest wrote it (compact JSON, keys sorted).
OLD_FORMAT = (
    '{"database":"sqlite:db","files":{"about/index.html":"h1","sitemap.xml":"h2"},'
    '"languages":["en"],"outputs":[{"assets":["static/site.1a2b.css"],"hash":"h1",'
    '"kind":"page","language":"en","objects":[["programs.program",7]],"page":3,'
    '"pages":[2,3],"path":"about/index.html","types":["programs.program"],"url":"/about/"}],'
    '"root_url":"http://growingup.localhost","search_index":{"/about/":["en","h1","en_9f"]},'
    '"site":"growingup"}\n'
)


def manifest():
    return Manifest(
        "growingup",
        "http://growingup.localhost",
        "sqlite:db",
        ["en"],
        {
            "/about/": ManifestEntry(
                "/about/",
                "about/index.html",
                "h1",
                "page",
                3,
                "en",
                [2, 3],
                [("programs.program", 7)],
                ["programs.program"],
                ["static/site.1a2b.css"],
            )
        },
        {"about/index.html": "h1", "sitemap.xml": "h2"},
        {"/about/": IndexedPage("en", "h1", "en_9f")},
    )


def test_a_saved_manifest_loads_back_equal(tmp_path):
    manifest().save(tmp_path)
    assert Manifest.load(tmp_path) == manifest()


def test_the_manifest_on_disk_keeps_the_format_builds_already_use(tmp_path):
    manifest().save(tmp_path)
    assert (tmp_path / MANIFEST).read_text() == OLD_FORMAT

    (tmp_path / MANIFEST).write_text(OLD_FORMAT)
    assert Manifest.load(tmp_path) == manifest()


def test_a_manifest_without_a_search_index_loads_with_none(tmp_path):
    (tmp_path / MANIFEST).write_text(
        '{"files":{},"languages":null,"outputs":[],"root_url":"http://x","site":"growingup"}'
    )
    loaded = Manifest.load(tmp_path)
    assert loaded.search_index == {} and loaded.database is None and loaded.languages is None


def test_what_the_chrome_read_is_kept_beside_the_outputs(tmp_path):
    with_chrome = manifest()
    with_chrome.chrome = {
        "menu": ChromeRecord({2, 5}),
        "alerts": ChromeRecord(set(), {("core.alertbanner", 4)}),
    }
    with_chrome.save(tmp_path)

    assert Manifest.load(tmp_path) == with_chrome
    assert (
        '"chrome":{"alerts":{"objects":[["core.alertbanner",4]],"pages":[]}'
        in (tmp_path / MANIFEST).read_text()
    )
