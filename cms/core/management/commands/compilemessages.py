"""`compilemessages` that also works without GNU gettext: a newcomer needs only Python.

With `msgfmt` on the PATH this is Django's own command. Without it, the project's catalogues
under locale/ are compiled with polib (a wagtail-localize dependency), after checking that
every translation keeps its source's placeholders."""

import re
import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import compilemessages

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def placeholder_errors(po_path):
    errors = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgstr:
            continue
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        if sorted(PLACEHOLDER.findall(entry.msgstr)) != expected:
            errors.append(f"{po_path}: {entry.msgid!r}: placeholders differ from the source")
    return errors


class Command(compilemessages.Command):
    def handle(self, **options):
        catalogues = sorted(
            Path(p) for base in settings.LOCALE_PATHS for p in Path(base).rglob("*.po")
        )
        errors = [error for po_path in catalogues for error in placeholder_errors(po_path)]
        if errors:
            raise CommandError("\n".join(errors))
        if shutil.which("msgfmt"):
            return super().handle(**options)
        for po_path in catalogues:
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            if options["verbosity"] > 0:
                self.stdout.write(f"compiled {po_path}")
