from contextlib import nullcontext

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.core import sites
from cms.publishing.build import BuildFailed, build_site
from cms.publishing.folders import default_output_root
from cms.publishing.models import StaticRebuild
from cms.publishing.parallel import default_workers
from cms.publishing.progress import AtMostEvery, BuildProgress, progress_bar
from cms.publishing.tasks import queue_full_build, run_recorded


class Command(BaseCommand):
    help = (
        "Bake the public sites to static files: every live page in every language, sitemaps, "
        "robots.txt, 404 pages, redirects, hashed assets and the search index. Each site goes "
        "to <output>/<site>/; a build that fails its checks leaves the live output alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", choices=sorted(sites.site_keys()), action="append")
        parser.add_argument(
            "--locale",
            action="append",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Rebuild only this language (repeatable); the others stay as built.",
        )
        parser.add_argument("--output", help="Output folder (default: dist/)")
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help="Processes rendering the pages (default: one per core); 1 renders in this one.",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show a progress bar even when the output is not a terminal.",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the build for the task worker (db_worker) and return at once.",
        )
        parser.add_argument(
            "--shards",
            type=int,
            default=1,
            help="With --queue: render each site in this many tasks, which any number of "
            "task workers share, then merge them into one build.",
        )

    def handle(
        self,
        *args,
        site=None,
        locale=None,
        output=None,
        queue=False,
        workers=None,
        progress=False,
        shards=1,
        **options,
    ):
        site_keys = site or sorted(sites.site_keys())
        if workers < 1 or shards < 1:
            raise CommandError("--workers and --shards take a number from 1.")
        if queue:
            if locale or output:
                raise CommandError("--queue builds whole sites into the default folder.")
            record = queue_full_build("Whole-site build (build_static --queue)", site_keys, shards)
            self.stdout.write(f"Build {record.pk} queued for the task worker.")
            return
        if shards > 1:
            raise CommandError("--shards goes with --queue.")
        output_root = output or default_output_root()
        show = progress or self.stdout.isatty()
        with progress_bar(self.stdout._out) if show else nullcontext() as bar:
            say = bar.print if bar else self.stdout.write

            def build_all(*listeners):
                watch = BuildProgress(*listeners, *([bar] if bar else []))
                reports, failures = [], []
                for site_key in site_keys:
                    try:
                        reports.append(build_site(site_key, output_root, locale, workers, watch))
                    except BuildFailed as failure:
                        failures.append(str(failure))
                        continue
                    except LookupError as missing:
                        raise CommandError(str(missing)) from missing
                    say(reports[-1].summary())
                if failures:
                    raise CommandError("\n".join(failures))
                return reports

            if locale or output:
                build_all()
            else:
                # A whole build of the public copy is listed for editors beside the publishes',
                # with how far it has got while it runs.
                record = StaticRebuild.objects.create(
                    trigger="Whole-site build (build_static)", full=True
                )
                run_recorded(record, lambda: build_all(AtMostEvery(record.record_progress)))
