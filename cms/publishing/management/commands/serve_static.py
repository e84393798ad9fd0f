from django.conf import settings
from django.core.management.base import BaseCommand

from cms.publishing.build import default_output_root
from cms.publishing.server import make_server


class Command(BaseCommand):
    help = "Serve the built sites (dist/) with a plain static file server, one site per host."

    def add_arguments(self, parser):
        parser.add_argument("port", nargs="?", type=int, default=settings.STATIC_PORT)
        parser.add_argument("--output", help="Built sites folder (default: dist/)")

    def handle(self, *args, port, output=None, **options):
        root = output or default_output_root()
        sites = {host: f"{root}/{key}" for key, host in settings.SITE_HOSTS.items()}
        server = make_server(sites, port)
        for key, host in sorted(settings.SITE_HOSTS.items()):
            self.stdout.write(f"Static {key}: http://{host}:{port}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
