from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.core import sites
from cms.publishing.build import BuildFailed, build_site
from cms.publishing.folders import default_output_root
from cms.publishing.models import StaticRebuild
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
            "--queue",
            action="store_true",
            help="Queue the build for the task worker (db_worker) and return at once.",
        )

    def handle(self, *args, site=None, locale=None, output=None, queue=False, **options):
        site_keys = site or sorted(sites.site_keys())
        if queue:
            if locale or output:
                raise CommandError("--queue builds whole sites into the default folder.")
            record = queue_full_build("Whole-site build (build_static --queue)", site_keys)
            self.stdout.write(f"Build {record.pk} queued for the task worker.")
            return
        output_root = output or default_output_root()

        def build_all():
            reports, failures = [], []
            for site_key in site_keys:
                try:
                    reports.append(build_site(site_key, output_root, locale))
                except BuildFailed as failure:
                    failures.append(str(failure))
                    continue
                except LookupError as missing:
                    raise CommandError(str(missing)) from missing
                self.stdout.write(reports[-1].summary())
            if failures:
                raise CommandError("\n".join(failures))
            return reports

        if locale or output:
            build_all()
        else:
            # A whole build of the public copy is listed for editors beside the publishes'.
            record = StaticRebuild.objects.create(
                trigger="Whole-site build (build_static)", full=True
            )
            run_recorded(record, build_all)
