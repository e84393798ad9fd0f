from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings
from wagtail.utils.apps import get_app_submodules

from cms.core import demo
from cms.core.city_addresses import write_redirects


class Command(BaseCommand):
    help = (
        "Load the demo: languages, both sites, their pages and an admin account. Safe to run "
        "again: it only adds what is missing. Each app adds its content in its demo.py."
    )

    def handle(self, *args, **options):
        # The search index and Wagtail's reference index follow each save at once, rather
        # than as thousands of queued tasks ahead of the worker's first build.
        with override_settings(TASKS=settings.TASKS_BY_BACKEND["immediate"]):
            self._load()

    def _load(self):
        with transaction.atomic():
            demo.remove_wagtail_placeholder()
            created = demo.ensure_locales()
            if created:
                self.stdout.write(f"Languages added: {', '.join(created)}")
            if demo.ensure_age_stages():
                self.stdout.write("Age stages created")
            for app_name, module in get_app_submodules("demo"):
                if app_name != "cms.core":  # its demo is above
                    module.load(self.stdout.write)
            demo.sync_locale_trees()
            write_redirects(self.stdout.write)
            username, password, user_created = demo.ensure_admin()
        if user_created:
            self.stdout.write(f"Admin account created: {username}")
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready. Admin login: {username} / {password or '(unchanged)'}")
        )
