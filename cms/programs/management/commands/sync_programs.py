from contextlib import nullcontext

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from cms.programs.soda import SyncError
from cms.programs.sync import sync_programs


class Command(BaseCommand):
    help = (
        "Sync programs from the city's Benefits and Programs dataset (NYC Open Data kvhd-5fmu): "
        "only rows changed since the last sync, unless --full."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--full",
            action="store_true",
            help="Read every row, and retire (unpublish) programs that are no longer there.",
        )
        parser.add_argument(
            "--from-file",
            metavar="PATH",
            help="Read a JSON array of rows from a file instead of the dataset (works offline).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; save nothing."
        )

    def handle(self, *args, full, from_file, dry_run, **options):
        progress = Progress(transient=True) if self.stdout.isatty() else None
        with progress or nullcontext():
            task = progress.add_task("Syncing programs", total=None) if progress else None
            try:
                report = sync_programs(
                    full=full,
                    from_file=from_file,
                    dry_run=dry_run,
                    progress=(
                        (lambda done, total: progress.update(task, completed=done, total=total))
                        if progress
                        else None
                    ),
                )
            except SyncError as error:
                raise CommandError(f"Sync stopped, no program was changed: {error}") from error
        if dry_run:
            self.stdout.write("Dry run: nothing was saved. This is what would change.")
        self.stdout.write(f"Rows read: {report.rows}")
        for name, count in report.counts().items():
            self.stdout.write(f"{name.capitalize()}: {count}")
        for skipped in report.skipped:
            self.stdout.write(f"  skipped {skipped['row_id']}: {skipped['reason']}")
        self.stdout.write(self.style.SUCCESS("Sync finished."))
