import time

from django.core.management.base import BaseCommand

from cms.core.schedule import enqueue_due


class Command(BaseCommand):
    help = "Enqueue the periodic background tasks that are due (see cms/core/schedule.py)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep checking, once a minute.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between checks.")

    def handle(self, *args, loop=False, interval=60, **options):
        while True:
            for name in enqueue_due():
                self.stdout.write(f"enqueued {name}")
            if not loop:
                return
            time.sleep(interval)
