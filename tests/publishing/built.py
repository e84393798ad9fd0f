"""What a build wrote, to compare two builds byte for byte, and the rebuilds an editor's change
brings, to check what they wrote."""

import json
from pathlib import Path, PurePosixPath

from django.test import Client
from wagtail.models import Page

from cms.core.sites import site_for_key
from cms.publishing import tasks
from cms.publishing.assets import AssetHasher
from cms.publishing.build import build_site, site_jobs
from cms.publishing.headers import policy_meta, with_policy_meta
from cms.publishing.incremental import rebuild
from cms.publishing.manifest import MANIFEST, load_manifest
from cms.publishing.parallel import worker_count


def files_of(folder, manifest=True, search_index=True):
    """{path relative to `folder`: bytes} of every file under it (a site's live folder is a
    link: it is followed), without the build's manifest or its Pagefind index when asked."""
    folder = Path(folder).resolve()
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and (manifest or path.name != MANIFEST)
        and (search_index or not path.parts[-2].startswith("pagefind"))
    }


def as_built(response):
    """The bytes of a test client's response as a build writes them: HTML with its asset names
    hashed and the security policy added."""
    served = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/html"):
        text, _assets = AssetHasher(lambda path, content: None).rewrite(served.decode())
        served = with_policy_meta(text.encode(), policy_meta())
    return served


def manifest_of(site_dir):
    """The build manifest of a site's folder (its live folder is a link: it is followed)."""
    return json.loads((Path(site_dir).resolve() / MANIFEST).read_text())


def editor_changes(monkeypatch, capture_on_commit):
    """`change(action)`: makes the action as an editor does, committed, and returns the reports
    of the rebuilds it brought, {site key: report}. `capture_on_commit` is pytest-django's
    django_capture_on_commit_callbacks."""
    reports = {}

    def recording(changes, *args, **kwargs):
        found = rebuild(changes, *args, **kwargs)
        reports.update({report.site_key: report for report in found})
        return found

    monkeypatch.setattr(tasks, "rebuild", recording)

    def change(action):
        reports.clear()
        with capture_on_commit(execute=True):
            action()
        return dict(reports)

    return change


def built_by_two_workers_as_django_serves(site_key, output_root, language_codes):
    """Builds a site in two worker processes and checks that a sample of it, the first address
    of every template family in every language, is what Django serves (and so what a build in
    one process writes). Returns the families: (what renders them, the kind of file)."""
    site = site_for_key(site_key)
    assert worker_count(site_jobs(site, language_codes), 2) == 2
    built = files_of(build_site(site_key, output_root, language_codes, workers=2).output_dir)
    chosen = _sample(load_manifest(output_root, site_key))
    families = {name for name, _language in chosen}
    # Every family is in the sample in every language.
    assert len(chosen) == len(families) * len(language_codes), site_key
    client = Client(HTTP_HOST=site.hostname, HTTP_X_STATIC_BUILD="1")
    for (name, language), (url, output) in chosen.items():
        assert built[output.path] == as_built(client.get(url)), (name, language, url)
    return families


def _family(output, page_classes):
    """What renders an output (a page's type, or the search page) and the kind of file it is (a
    page, a feed, a listing's JSON, a later page of a listing)."""
    path = PurePosixPath(output.path)
    shape = "page" if path.name == "index.html" else path.suffix
    if "page" in path.parts[:-1] and path.parent.name.isdigit():
        shape = "later page"
    return (page_classes.get(output.page_id, output.kind), shape)


def _sample(manifest):
    """{(family, language): (url, output)}: the first address of each family in each language."""
    ids = [entry.page_id for entry in manifest.outputs.values() if entry.page_id]
    page_classes = {
        page.pk: type(page).__name__ for page in Page.objects.filter(pk__in=ids).specific()
    }
    chosen = {}
    for url, output in sorted(manifest.outputs.items()):
        if output.kind in ("page", "search"):
            chosen.setdefault((_family(output, page_classes), output.language), (url, output))
    return chosen
