from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.core import sites
from cms.publishing.deploy import deploy
from cms.publishing.folders import default_output_root, live_dir
from cms.publishing.manifest import live_manifest_path


class Command(BaseCommand):
    help = (
        "Deploy the built sites: upload files whose content changed and remove files that "
        "are gone. TARGET is a folder or an S3 URL (s3://bucket/prefix, needs s3fs and the "
        "usual AWS_* variables or AWS_ENDPOINT_URL for an S3-compatible store); each site "
        "goes to TARGET/<site>."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", nargs="?", default=str(settings.VAR_DIR / "public"))
        parser.add_argument("--site", choices=sorted(sites.site_keys()), action="append")
        parser.add_argument("--output", help="Built sites folder (default: dist/)")
        parser.add_argument(
            "--full", action="store_true", help="Upload every file, whatever was deployed"
        )

    def handle(self, *args, target, site=None, output=None, full=False, **options):
        output_root = output or default_output_root()
        for site_key in site or sorted(sites.site_keys()):
            site_dir = live_dir(output_root, site_key)
            if not live_manifest_path(output_root, site_key).is_file():
                raise CommandError(f"No build of {site_key} in {output_root}: run build_static")
            report = deploy(site_dir, f"{target.rstrip('/')}/{site_key}", full=full)
            self.stdout.write(report.summary())
