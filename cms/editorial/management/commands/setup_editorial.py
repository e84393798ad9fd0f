from django.core.management.base import BaseCommand

from cms.editorial.groups import ensure_editorial_setup


class Command(BaseCommand):
    help = (
        "Create the editors', moderators', programs managers' and translators' groups, each "
        "site's image and document collection and review workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        ensure_editorial_setup(self.stdout.write)
