"""The programs sync: rows of the Benefits and Programs dataset in, Programs out.

`sync_programs()` fetches (or reads) the rows, then applies them in one transaction: a program
per row and language, translations linked to their English program, programs gone from a full
sync retired and programs that come back revived. A row it cannot use is skipped and reported;
anything else that goes wrong leaves every program as it was and raises SyncError."""

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale

from cms.programs.models import Program, ProgramSyncRun
from cms.programs.parsing import REQUIRED_COLUMNS, Skip, parse_row, row_id_of
from cms.programs.soda import SchemaError, SodaClient, SyncError


@dataclass
class SyncReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    revived: int = 0
    skipped: list = field(default_factory=list)
    high_water_mark: str = ""

    @property
    def changed(self):
        return bool(self.created or self.updated or self.retired or self.revived)

    def counts(self):
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": len(self.skipped),
            "retired": self.retired,
            "revived": self.revived,
        }

    def skip(self, row_id, reason):
        self.skipped.append({"row_id": row_id, "reason": reason})


class _DryRunRollback(Exception):
    pass


class ProgramSync:
    """Applies a list of rows. `full=True` retires the imported programs the rows leave out.
    `progress(done, total)` is called after each row."""

    def __init__(self, *, full=False, dry_run=False, progress=None):
        self.full = full
        self.dry_run = dry_run
        self.progress = progress
        self.report = SyncReport()

    def apply(self, rows):
        check_columns(rows)
        self.changed = set()
        # Saving and publishing a program saves it three times; index each program once, at
        # the end, instead of on every save.
        post_save.disconnect(post_save_signal_handler, sender=Program)
        try:
            with transaction.atomic():
                self._apply(rows)
                if self.dry_run:
                    raise _DryRunRollback
                self._index()
        except _DryRunRollback:
            pass
        finally:
            post_save.connect(post_save_signal_handler, sender=Program)
        return self.report

    def _index(self):
        changed = list(Program.objects.filter(pk__in=self.changed))
        if changed:
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(Program, changed)

    def _apply(self, rows):
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.default_code = settings.LANGUAGE_CODE
        programs = list(Program.objects.all())
        self.by_row = {(p.unique_id_number, p.locale_id): p for p in programs}
        self.by_key = {}
        for program in programs:
            self.by_key.setdefault(program.program_key, {})[program.locale_id] = program
        self.slugs = {(p.slug, p.locale_id) for p in programs}

        self.touched = set()
        language_codes = set(self.locales)
        parsed, seen, rows_in_run = [], set(), set()
        for row in rows:
            result = parse_row(row, language_codes)
            if isinstance(result, Skip):
                self.report.skip(result.row_id or "(none)", result.reason)
                # A row that is there but unusable must not retire its program.
                seen.add(row_id_of(row))
                continue
            if (result.row_id, result.locale_code) in rows_in_run:
                self.report.skip(result.row_id, "the same row appears twice")
                continue
            rows_in_run.add((result.row_id, result.locale_code))
            parsed.append(result)
            seen.add(result.row_id)
        # English first, so translations in the same run find their source.
        parsed.sort(key=lambda p: p.locale_code != self.default_code)

        total = len(rows)
        self.report.rows = total
        done = len(rows) - len(parsed)
        for item in parsed:
            self._apply_row(item)
            done += 1
            if self.progress:
                self.progress(done, total)
        if self.full:
            self._retire(seen)

    def _apply_row(self, item):
        locale = self.locales[item.locale_code]
        family = self.by_key.setdefault(item.program_key, {})
        program = self.by_row.get((item.row_id, locale.pk)) or family.get(locale.pk)
        english = family.get(self.locales[self.default_code].pk)
        if program is not None and program.pk in self.touched:
            self.report.skip(
                item.row_id,
                f"row {program.unique_id_number} has the same program id and language",
            )
            return
        values = dict(item.values)
        if english is not None and item.locale_code != self.default_code:
            values.update({name: getattr(english, name) for name in Program.SHARED_FIELDS})
        elif program is None:
            values.update(item.shared)
            values["slug"] = self._free_slug(item.base_slug, locale)
        else:
            values.update(item.shared)

        if program is None:
            relative = next(iter(family.values()), None)
            program = Program(
                locale=locale,
                translation_key=relative.translation_key if relative else uuid.uuid4(),
                live=False,
                **values,
            )
            program.save()
            self._publish(program)
            self.report.created += 1
        else:
            changed = [name for name, value in values.items() if getattr(program, name) != value]
            if not changed and program.live:
                self.report.unchanged += 1
                self.touched.add(program.pk)
                return
            for name in changed:
                setattr(program, name, values[name])
            if program.live:
                self.report.updated += 1
            else:
                self.report.revived += 1
            self._publish(program)
        self.touched.add(program.pk)
        self.by_row[(item.row_id, locale.pk)] = program
        family[locale.pk] = program
        self.slugs.add((program.slug, locale.pk))

    def _publish(self, program):
        program.save_revision(clean=False).publish(skip_permission_checks=True)
        self.changed.add(program.pk)

    def _free_slug(self, base, locale):
        slug, number = base, 1
        while (slug, locale.pk) in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def _retire(self, seen):
        for program in self.by_row.values():
            if program.live and program.unique_id_number not in seen:
                program.unpublish()
                self.changed.add(program.pk)
                self.report.retired += 1


def check_columns(rows):
    """Stop before changing anything when the rows lack a column the sync depends on (SODA
    leaves out null values, so a column counts as missing only when no row has it)."""
    if not rows:
        return
    present = set()
    for row in rows:
        if isinstance(row, dict):
            present.update(row)
    missing = REQUIRED_COLUMNS - present
    if missing:
        raise SchemaError(f"the rows have no column {', '.join(sorted(missing))}")


def read_rows(path):
    """The rows in a JSON file holding an array of objects, as the SODA endpoint returns."""
    try:
        rows = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SyncError(f"{path}: {error}") from error
    if not isinstance(rows, list):
        raise SyncError(f"{path}: expected a JSON array of rows")
    return rows


def high_water_mark(rows, previous=""):
    marks = [row.get(":updated_at") for row in rows if isinstance(row, dict)]
    marks = [mark for mark in marks if isinstance(mark, str) and mark]
    return max([previous, *marks]) if marks else previous


def sync_programs(*, full=False, from_file=None, dry_run=False, client=None, progress=None):
    """Sync programs from the dataset (or from a file of rows) and keep a ProgramSyncRun of it.
    Incremental by `:updated_at` unless `full`; only a full sync retires programs. Returns
    the SyncReport; raises SyncError after recording the failure."""
    started = timezone.now()
    previous_mark = ProgramSyncRun.objects.high_water_mark()
    client = client or SodaClient(required_columns=REQUIRED_COLUMNS)
    source = str(from_file) if from_file else client.url
    run = ProgramSyncRun(started_at=started, source=source[:500], full=full, dry_run=dry_run)
    try:
        if from_file:
            rows = read_rows(from_file)
        else:
            rows = client.fetch_rows(since="" if full else previous_mark)
        if full and not rows:
            raise SyncError("the dataset returned no rows: nothing was retired")
        sync = ProgramSync(full=full, dry_run=dry_run, progress=progress)
        report = sync.apply(rows)
        report.high_water_mark = high_water_mark(rows, previous_mark)
    except SyncError as error:
        run.error = str(error)
        run.finished_at = timezone.now()
        run.save()
        raise
    except Exception as error:
        # Anything unforeseen (a database error, a bug) is recorded for editors too.
        run.error = f"{type(error).__name__}: {error}"
        run.finished_at = timezone.now()
        run.save()
        raise SyncError(run.error) from error
    record_run(run, report)
    return report


def record_run(run, report):
    """Save a successful ProgramSyncRun with the report's figures."""
    run.succeeded = True
    run.finished_at = timezone.now()
    run.rows = report.rows
    run.skipped = report.skipped
    run.high_water_mark = report.high_water_mark
    for name, value in report.counts().items():
        if name != "skipped":
            setattr(run, name, value)
    run.save()
