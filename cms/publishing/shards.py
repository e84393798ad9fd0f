"""A build of whole sites in shards, for several task workers (several machines) at once.

Planning lists each site's URLs in the build's order and cuts them into shards; a shard task
renders its share through SiteRenderer into the build's shard folder, which every worker
shares with the output folder: each URL's body, and what the render read, as files. Once every
shard is rendered, one merge reads them in the build's order, builds each site from them as a
one-process build would (the same bytes), verifies it and swaps it in.

    <output>/.shards/<name>/plan.json         {"sites": {key: [job, ...]}, "shards": [...]}
    <output>/.shards/<name>/<shard>.json      what each of the shard's URLs rendered to
    <output>/.shards/<name>/<shard>/<n>.body  the body of its n-th URL
"""

import json
import os
import shutil
from pathlib import Path

from cms.core import build_cache
from cms.core.sites import site_for_key
from cms.publishing.build import SiteBuild, site_jobs
from cms.publishing.folders import site_lock
from cms.publishing.outputs import site_locales
from cms.publishing.parallel import RenderJob, render_in_order
from cms.publishing.rendering import Rendered, SiteRenderer

SHARDS_DIR = ".shards"


class ShardedBuild:
    def __init__(self, output_root, name):
        self.output_root = Path(output_root)
        self.folder = self.output_root / SHARDS_DIR / name

    @classmethod
    def plan(cls, output_root, name, site_keys, shard_count):
        """List the URLs of `site_keys` (every language) and cut each site's into
        `shard_count` shards (fewer for a small site)."""
        sharded = cls(output_root, name)
        codes = [locale.language_code for locale in site_locales()]
        sites, shards = {}, []
        for site_key in site_keys:
            jobs = site_jobs(site_for_key(site_key), codes)
            sites[site_key] = [job.as_json() for job in jobs]
            size = max(1, -(-len(jobs) // shard_count))
            shards.extend([site_key, start, start + size] for start in range(0, len(jobs), size))
        shutil.rmtree(sharded.folder, ignore_errors=True)
        sharded.folder.mkdir(parents=True)
        _write_json(sharded.folder / "plan.json", {"sites": sites, "shards": shards})
        return sharded

    @property
    def _plan(self):
        return json.loads((self.folder / "plan.json").read_text())

    @property
    def shard_count(self):
        return len(self._plan["shards"])

    @property
    def url_count(self):
        return sum(len(jobs) for jobs in self._plan["sites"].values())

    def _jobs(self, site_key):
        return [RenderJob.from_json(data) for data in self._plan["sites"][site_key]]

    def render_shard(self, index, workers=None):
        """Render one shard's URLs into the shard folder. Returns how many it rendered."""
        site_key, start, stop = self._plan["shards"][index]
        jobs = self._jobs(site_key)[start:stop]
        bodies = self.folder / str(index)
        shutil.rmtree(bodies, ignore_errors=True)
        bodies.mkdir()
        renderer = SiteRenderer(site_for_key(site_key))
        results = []
        with build_cache.during_build():
            rendered_in_order = list(render_in_order(renderer, jobs, workers))
        for number, (_job, rendered) in enumerate(rendered_in_order):
            (bodies / f"{number}.body").write_bytes(rendered.content)
            results.append(
                {
                    "url": rendered.url,
                    "content_type": rendered.content_type,
                    "dependencies": sorted([list(item) for item in rendered.dependencies]),
                    "error": rendered.error,
                    "chrome": {
                        part: sorted([list(item) for item in seen])
                        for part, seen in rendered.chrome_dependencies.items()
                    },
                }
            )
        # Written last, whole: a shard is rendered once its results are there.
        _write_json(self.folder / f"{index}.json", results)
        return len(results)

    def is_rendered(self):
        return all((self.folder / f"{index}.json").is_file() for index in range(self.shard_count))

    def claim_merge(self):
        """True for the one shard task, of those that saw every shard rendered, that queues
        the merge."""
        try:
            os.close(os.open(self.folder / "merge", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def _rendered(self, site_key):
        """(RenderJob, Rendered) of a site's URLs, in the build's order."""
        jobs = iter(self._jobs(site_key))
        for index, (key, _start, _stop) in enumerate(self._plan["shards"]):
            if key != site_key:
                continue
            results = json.loads((self.folder / f"{index}.json").read_text())
            for number, result in enumerate(results):
                body = (self.folder / str(index) / f"{number}.body").read_bytes()
                rendered = Rendered(
                    result["url"],
                    body,
                    result["content_type"],
                    {tuple(item) for item in result["dependencies"]},
                    result["error"],
                    {
                        part: {tuple(item) for item in seen}
                        for part, seen in result["chrome"].items()
                    },
                )
                yield next(jobs), rendered

    def merge(self):
        """Build each site from its rendered shards, verify it and swap it in, as build_site
        does. Returns the reports; raises BuildFailed as build_site does."""
        reports = []
        for site_key in self._plan["sites"]:
            with site_lock(self.output_root, site_key):
                with SiteBuild(site_for_key(site_key), self.output_root) as build:
                    build.keep_rendered(self._rendered(site_key))
                    build.finish()
            reports.append(build.report)
        return reports

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)


def _write_json(path, data):
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, separators=(",", ":")))
    os.replace(temporary, path)
