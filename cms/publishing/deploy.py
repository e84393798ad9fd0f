"""Copy a site's live build to where the public reads it: a local folder (the default) or an
S3-compatible bucket (s3://bucket/prefix, through fsspec and s3fs). Only files whose content
hash changed since the last deploy are uploaded, and files that are gone are removed.

The target keeps `.deployed.json`, the content hashes it holds, so a deploy reads one small
file instead of every object. Assets go first and pages after them, so a page never goes live
before the files it loads (and the search index's entry files after the index's other files);
removals come last."""

import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path

import fsspec

from cms.publishing.headers import cache_control
from cms.publishing.manifest import Manifest
from cms.publishing.search_index import ENTRY
from cms.publishing.search_plan import RECENT_NOTE

DEPLOYED = ".deployed.json"


@dataclass
class DeployReport:
    target: str
    uploaded: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    unchanged: int = 0

    def summary(self):
        return (
            f"{self.target}: {len(self.uploaded)} uploaded, {len(self.removed)} removed, "
            f"{self.unchanged} unchanged"
        )


def _upload_order(path):
    # Pages, and the files of the search index that name others (each index's entry, the
    # recent-changes note), go up after what they refer to.
    return (path.endswith((".html", ".xml", ".txt", "_redirects", ENTRY, RECENT_NOTE)), path)


def deploy(site_dir, target, *, fs=None, full=False):
    """Deploy the build in `site_dir` to `target` (a path or an fsspec URL)."""
    site_dir = Path(site_dir).resolve()
    wanted = dict(Manifest.load(site_dir).files)
    if fs is None:
        fs, root = fsspec.core.url_to_fs(str(target))
    else:
        root = str(target)
    root = root.rstrip("/")
    state_path = f"{root}/{DEPLOYED}"
    deployed = {}
    if not full and fs.exists(state_path):
        deployed = json.loads(fs.cat_file(state_path))

    report = DeployReport(str(target))
    extra = {}
    for path in sorted(wanted, key=_upload_order):
        if deployed.get(path) == wanted[path]:
            report.unchanged += 1
            continue
        if "s3" in fs.protocol:
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            extra = {"ContentType": content_type, "CacheControl": cache_control(f"/{path}")}
        target_path = f"{root}/{path}"
        fs.makedirs(target_path.rsplit("/", 1)[0], exist_ok=True)
        fs.pipe_file(target_path, (site_dir / path).read_bytes(), **extra)
        report.uploaded.append(path)
    for path in sorted(set(deployed) - set(wanted)):
        fs.rm_file(f"{root}/{path}")
        report.removed.append(path)
    fs.pipe_file(state_path, json.dumps(wanted, indent=0, sort_keys=True).encode())
    return report
