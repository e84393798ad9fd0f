from django.core.management.base import BaseCommand, CommandError

from cms.core.models import BOROUGHS
from cms.core.sites import find_site, is_site_key, site_named
from cms.events.client import FeedError, read_file
from cms.events.feeds import event_index
from cms.events.importer import ImportTarget, import_calendar, import_feed
from cms.events.models import AUDIENCES, CalendarFeed


class Command(BaseCommand):
    help = (
        "Import partner calendars (iCalendar). Without --file: every active partner calendar "
        "set up in the admin. With --file PATH --site growingup|generation: one .ics file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", help="An .ics file to import instead of the partner calendars."
        )
        parser.add_argument("--site", help="growingup or generation (with --file).")
        parser.add_argument("--draft", action="store_true", help="Keep new events as drafts.")
        parser.add_argument("--borough", choices=[slug for slug, _name in BOROUGHS], default="")
        parser.add_argument("--audience", choices=[slug for slug, _name in AUDIENCES], default=None)
        parser.add_argument("--organizer", default="", help="Who runs the events.")

    def handle(self, *args, **options):
        if options["file"]:
            runs = [self.import_file(options)]
        else:
            runs = [import_feed(feed) for feed in CalendarFeed.objects.filter(active=True)]
        for run in runs:
            if run.succeeded:
                self.stdout.write(f"{run.source}: {run.summary}")
            else:
                self.stderr.write(f"{run.source}: {run.message}")
            for problem in run.problems:
                self.stdout.write(f"  {problem}")
        if any(not run.succeeded for run in runs):
            raise CommandError("Some calendars could not be imported; their events were kept.")

    def import_file(self, options):
        if not options["site"]:
            raise CommandError("Say which site the events are for: --site growingup.")
        site = find_site(options["site"]) if is_site_key(options["site"]) else None
        if site is None:
            raise CommandError(f"No site called {options['site']!r}.")
        index = event_index(site)
        if index is None:
            raise CommandError(f"{site.site_name} has no event listing to import into.")
        audience = options["audience"] or site_named(options["site"]).audience
        target = ImportTarget(
            index=index,
            source=f"file:{options['file'].rsplit('/', 1)[-1]}",
            default_borough=options["borough"],
            default_audience=audience,
            publish=not options["draft"],
            organizer=options["organizer"],
        )
        try:
            data = read_file(options["file"])
        except OSError as error:
            data = FeedError(str(error))
        return import_calendar(data, target)
