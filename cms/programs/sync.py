"""The programs sync: rows of the Benefits and Programs dataset in, Programs out.

`sync_programs()` records the run, fetches (or reads) the rows, then applies them in one
transaction: a program per row and language, translations linked to their English program,
programs gone from a full sync retired and programs that come back revived. A row it cannot use
is skipped and reported; anything else that goes wrong (a column gone, a deadline passed) leaves
every program as it was and raises SyncError."""

import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale

from cms.programs.models import Program, ProgramSyncRun
from cms.programs.parsing import FIELD_BY_COLUMN, REQUIRED_COLUMNS, Skip, parse_row, row_id_of
from cms.programs.soda import (
    DOWNLOAD_DEADLINE,
    SchemaError,
    SodaClient,
    SyncError,
    parse_timestamp,
    read_file,
    soql_timestamp,
)

# Seconds the sync may spend applying the rows (a full sync of today's 1,100 rows takes a few).
APPLY_DEADLINE = 600
# A run still "running" after this was ended with its process (a deploy, a crash, a kill):
# no run lasts longer than its download and apply deadlines.
ABANDONED_AFTER = timedelta(seconds=2 * (DOWNLOAD_DEADLINE + APPLY_DEADLINE))


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
    `columns` are the dataset's columns when the source lists them. `progress(done, total)` is
    called after each row; past `deadline` seconds the run stops and changes nothing."""

    def __init__(self, *, full=False, dry_run=False, progress=None, deadline=APPLY_DEADLINE):
        self.full = full
        self.dry_run = dry_run
        self.progress = progress
        self.deadline = deadline
        self.report = SyncReport()

    def apply(self, rows, columns=None):
        present = present_columns(rows, columns)
        check_columns(rows, present)
        self.ends_at = time.monotonic() + self.deadline
        self.changed = set()
        # Saving and publishing a program saves it three times; index each program once, at
        # the end, instead of on every save.
        post_save.disconnect(post_save_signal_handler, sender=Program)
        try:
            with transaction.atomic():
                self._apply(rows, present)
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

    def _apply(self, rows, present):
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.default_code = settings.LANGUAGE_CODE
        programs = list(Program.objects.all())
        self.by_row = {(p.unique_id_number, p.locale_id): p for p in programs}
        self.by_key = {}
        for program in programs:
            self.by_key.setdefault(program.program_key, {})[program.locale_id] = program
        self.slugs = {(p.slug, p.locale_id) for p in programs}
        self.slug_numbers = {}

        self.touched = set()
        language_codes = set(self.locales)
        parsed, seen, rows_in_run = [], set(), set()
        for row in rows:
            self._check_time()
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
        self._check_nothing_is_emptied(parsed, [c for c in FIELD_BY_COLUMN if c not in present])

        total = len(rows)
        self.report.rows = total
        done = len(rows) - len(parsed)
        for item in parsed:
            self._check_time()
            self._apply_row(item)
            done += 1
            if self.progress:
                self.progress(done, total)
        if self.full:
            self._retire(seen)

    def _check_time(self):
        if time.monotonic() >= self.ends_at:
            raise SyncError(f"the run took longer than its {self.deadline:g} s deadline")

    def _stored(self, item):
        """The program a parsed row updates, None for a new one."""
        locale = self.locales[item.locale_code]
        return self.by_row.get((item.row_id, locale.pk)) or self.by_key.get(
            item.program_key, {}
        ).get(locale.pk)

    def _check_nothing_is_emptied(self, parsed, absent):
        """Stop before a column this run does not have changes a program that had it: the
        column was renamed or dropped, and going on would empty that field everywhere."""
        changed = {}
        for item in parsed:
            program = self._stored(item)
            for column in absent if program else ():
                name = FIELD_BY_COLUMN[column]
                if getattr(program, name) != item.values[name]:
                    changed.setdefault(column, []).append(program.unique_id_number)
        if changed:
            raise SchemaError(
                "the dataset has no column "
                + ", ".join(
                    f"{column} (filled on {len(ids)} programs, such as {ids[0]})"
                    for column, ids in sorted(changed.items())
                )
                + ": if it was renamed, the sync must learn the new name"
            )

    def _apply_row(self, item):
        locale = self.locales[item.locale_code]
        family = self.by_key.setdefault(item.program_key, {})
        program = self._stored(item)
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
        # Counting on from the last number given keeps many rows of one name from going slow.
        number = self.slug_numbers.get((base, locale.pk), 1)
        slug = base if number == 1 else f"{base}-{number}"
        while (slug, locale.pk) in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.slug_numbers[(base, locale.pk)] = number
        return slug

    def _retire(self, seen):
        for program in self.by_row.values():
            if program.live and program.unique_id_number not in seen:
                program.unpublish()
                self.changed.add(program.pk)
                self.report.retired += 1


def present_columns(rows, columns=None):
    """The columns a run has: the dataset's own list when the source gives one, else every
    column some row holds (SODA leaves out null values, so one row seldom holds them all)."""
    if columns is not None:
        return set(columns)
    present = set()
    for row in rows:
        if isinstance(row, dict):
            present.update(row)
    return present


def check_columns(rows, present):
    """Stop before changing anything when the run lacks a column the sync depends on."""
    if not rows and not present:
        return
    missing = REQUIRED_COLUMNS - present
    if missing:
        raise SchemaError(f"the rows have no column {', '.join(sorted(missing))}")


def high_water_mark(rows, previous=None):
    """The newest `:updated_at` among the rows, or `previous`, as SoQL writes it ("" for none).
    A mark that is not a timestamp is passed over."""
    marks = [parse_timestamp(row.get(":updated_at")) for row in rows if isinstance(row, dict)]
    marks = [mark for mark in [*marks, previous] if mark is not None]
    return soql_timestamp(max(marks)) if marks else ""


def sync_programs(*, full=False, from_file=None, dry_run=False, client=None, progress=None):
    """Sync programs from the dataset (or from a file of rows) and keep a ProgramSyncRun of it,
    on record from the start. Incremental by `:updated_at` unless `full`; only a full sync
    retires programs, and only a run against the dataset moves the incremental mark. Returns
    the SyncReport; raises SyncError after recording the failure."""
    client = client or SodaClient()
    ProgramSyncRun.objects.stop_abandoned(older_than=ABANDONED_AFTER)
    run = ProgramSyncRun.objects.start(
        source=str(from_file) if from_file else client.url, full=full, dry_run=dry_run
    )
    try:
        if from_file:
            dataset = read_file(from_file)
        else:
            previous_mark = ProgramSyncRun.objects.high_water_mark()
            dataset = client.fetch_rows(since=None if full else previous_mark)
        if full and not dataset.rows:
            raise SyncError("the dataset returned no rows: nothing was retired")
        sync = ProgramSync(full=full, dry_run=dry_run, progress=progress)
        report = sync.apply(dataset.rows, columns=dataset.columns)
        if not from_file:
            report.high_water_mark = high_water_mark(dataset.rows, previous_mark)
    except SyncError as error:
        run.stop(str(error))
        raise
    except Exception as error:
        # Anything unforeseen (a database error, a bug) is recorded for editors too.
        run.stop(f"{type(error).__name__}: {error}")
        raise SyncError(run.error) from error
    except BaseException:
        run.stop("the sync was interrupted before it finished")
        raise
    run.finish(report)
    return report
