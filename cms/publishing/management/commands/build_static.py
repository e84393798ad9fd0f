from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.publishing.build import BuildFailed, build_site, default_output_root


class Command(BaseCommand):
    help = (
        "Bake the public sites to static files: every live page in every language, sitemaps, "
        "robots.txt, 404 pages, redirects, hashed assets and the search index. Each site goes "
        "to <output>/<site>/; a build that fails its checks leaves the live output alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", choices=sorted(settings.SITE_HOSTS), action="append")
        parser.add_argument(
            "--locale",
            action="append",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Rebuild only this language (repeatable); the others stay as built.",
        )
        parser.add_argument("--output", help="Output folder (default: dist/)")

    def handle(self, *args, site=None, locale=None, output=None, **options):
        output_root = output or default_output_root()
        failures = []
        for site_key in site or sorted(settings.SITE_HOSTS):
            try:
                report = build_site(site_key, output_root, locale)
            except BuildFailed as failure:
                failures.append(str(failure))
                continue
            except LookupError as missing:
                raise CommandError(str(missing)) from missing
            self.stdout.write(report.summary())
        if failures:
            raise CommandError("\n".join(failures))
