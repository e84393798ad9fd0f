from django.core.management.base import BaseCommand

from cms.core.city_addresses import write_redirects


class Command(BaseCommand):
    help = (
        "Redirect the addresses of the city's current Growing Up NYC and Generation NYC sites "
        "(/age/toddler/, /brainbuilding/, /generationnyc/topics/work/…, in every language) to "
        "the pages now in their place. Keeps the redirects editors made; safe to run again."
    )

    def handle(self, *args, **options):
        created, kept = write_redirects()
        self.stdout.write(f"{created} redirects added, {kept} addresses already redirected")
