"""What a build wrote, to compare two builds byte for byte, and the rebuilds an editor's change
brings, to check what they wrote."""

import json
from pathlib import Path

from cms.publishing import tasks
from cms.publishing.assets import AssetHasher
from cms.publishing.headers import policy_meta, with_policy_meta
from cms.publishing.incremental import rebuild
from cms.publishing.manifest import MANIFEST


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
