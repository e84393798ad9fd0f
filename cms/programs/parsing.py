"""Turn one row of the Benefits and Programs dataset into Program field values, or say why the
row cannot be used: a value that is not text, too long, or unreadable. Never raises: the sync
reports skipped rows and goes on."""

import re
from dataclasses import dataclass, field
from datetime import datetime

from cms.core.city_time import NEW_YORK
from cms.core.sanitise import NOT_TEXT, clean_html, clean_text, safe_url, shown
from cms.core.slugs import slug_from
from cms.programs import taxonomy
from cms.programs.models import Program

SOURCE_TIME_ZONE = NEW_YORK  # the dataset gives New York wall-clock times

# Dataset column → Program field, by kind of value.
TEXT_COLUMNS = {
    "program_code": "program_code",
    "language": "source_language",
    "page_type": "page_type",
    "program_name": "program_name",
    "plain_language_program_name": "plain_language_name",
    "program_acronym": "program_acronym",
    "government_agency": "government_agency",
    "program_category": "program_category",
    "age_group": "age_group",
    "population_served": "population_served",
    "brief_excerpt": "brief_excerpt",
    "apply_online_call_to_action": "apply_online_call_to_action",
    "apply_in_person_call_to_action": "apply_in_person_call_to_action",
    "apply_by_mail_call_to_action": "apply_by_mail_call_to_action",
}
HTML_COLUMNS = {
    "program_description": "description",
    "heads_up": "heads_up",
    "plain_language_eligibility": "eligibility",
    "required_documents_summary": "required_documents",
    "how_to_apply_summary": "how_to_apply_summary",
    "how_to_apply_or_enroll_online": "apply_online",
    "how_to_apply_or_enroll_in_person": "apply_in_person",
    "how_to_apply_or_enroll_by_phone": "apply_by_phone",
    "how_to_apply_or_enroll_by_mail": "apply_by_mail",
    "get_help_summary": "get_help_summary",
    "get_help_in_person": "get_help_in_person",
    "get_help_online": "get_help_online",
    "get_help_by_email": "get_help_by_email",
    "get_help_by_calling_311": "get_help_by_calling_311",
    "get_help_by_calling_other_than_311": "get_help_by_phone",
}
URL_COLUMNS = {
    "url_of_online_application": "online_application_url",
    "office_locations_url": "office_locations_url",
    "url_of_pdf_application_forms": "application_forms_url",
}
ID_COLUMN = "unique_id_number"
UPDATED_AT_COLUMN = "updated_at"
# Every column the sync copies into a field of its own.
FIELD_BY_COLUMN = {**TEXT_COLUMNS, **HTML_COLUMNS, **URL_COLUMNS, UPDATED_AT_COLUMN: "updated_at"}
KNOWN_COLUMNS = {ID_COLUMN, *FIELD_BY_COLUMN}
# Without these the dataset's shape has changed and a sync would do harm: it stops instead.
REQUIRED_COLUMNS = {ID_COLUMN, "language", "program_name", "program_category", "age_group"}
# The most characters a value may have as it comes, before it is cleaned; a longer one skips its
# row, and the program keeps its last good version. The longest in the real data is under 3,000.
MAX_CHARS = {
    ID_COLUMN: 40,
    UPDATED_AT_COLUMN: 40,
    **dict.fromkeys(TEXT_COLUMNS, 2_000),
    **dict.fromkeys(HTML_COLUMNS, 20_000),
    **dict.fromkeys(URL_COLUMNS, 4_000),
}

# A language suffix after the number: P085en → P085, P085zh-hant → P085. P164 stays P164.
_PROGRAM_KEY = re.compile(r"^(?P<key>.*\d)[A-Za-z][A-Za-z_-]*$")


@dataclass
class ParsedRow:
    row_id: str
    locale_code: str
    program_key: str
    values: dict
    # Taxonomies parsed from this row; a translation uses its English program's instead.
    shared: dict = field(default_factory=dict)

    @property
    def base_slug(self):
        return slug_from(
            self.values["program_name"], key=self.program_key, prefix=f"program {self.program_key}"
        )


@dataclass
class Skip:
    row_id: str
    reason: str


def is_empty(value):
    """SODA leaves out null fields; the live data also holds the literal string NULL."""
    return value is None or (isinstance(value, str) and value.strip() in {"", "NULL"})


def program_key(row_id):
    match = _PROGRAM_KEY.match(row_id)
    return match.group("key") if match else row_id


def row_id_of(row):
    value = row.get(ID_COLUMN) if isinstance(row, dict) else None
    return value.strip() if isinstance(value, str) else ""


def parse_row(row, language_codes):
    """A ParsedRow, or a Skip with the reason. `language_codes` are the enabled locales."""
    if not isinstance(row, dict):
        return Skip("", "the row is not an object")
    row_id = row_id_of(row)
    if is_empty(row_id):
        return Skip("", "no unique_id_number")
    unreadable = _unreadable(row)
    if unreadable:
        return Skip(shown(row_id), unreadable)

    values = {"unique_id_number": row_id, "program_key": program_key(row_id)}
    for column, name in TEXT_COLUMNS.items():
        values[name] = "" if is_empty(row.get(column)) else clean_text(row[column])
    for column, name in HTML_COLUMNS.items():
        values[name] = "" if is_empty(row.get(column)) else clean_html(row[column], tables=True)
    for column, name in URL_COLUMNS.items():
        values[name] = "" if is_empty(row.get(column)) else safe_url(row[column])
    if not values["program_name"]:
        return Skip(row_id, "no program_name")
    values["plain_language_name"] = values["plain_language_name"] or values["program_name"]

    language = values["source_language"]
    locale_code = taxonomy.LOCALE_BY_LANGUAGE_NAME.get(language.lower())
    if locale_code is None and language.lower() in language_codes:
        locale_code = language.lower()
    if locale_code not in language_codes:
        return Skip(row_id, f"unknown language {shown(language, 40)!r}")

    updated_at = row.get(UPDATED_AT_COLUMN)
    if is_empty(updated_at):
        values["updated_at"] = None
    else:
        try:
            parsed = datetime.fromisoformat(updated_at.strip())
        except ValueError:
            return Skip(row_id, f"updated_at is not a date: {updated_at[:40]!r}")
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=SOURCE_TIME_ZONE)
        values["updated_at"] = parsed

    too_long = _too_long(values)
    if too_long:
        return Skip(row_id, too_long)
    values["populations"] = taxonomy.populations(values["population_served"])
    shared = {
        "category": taxonomy.category_slug(values["program_category"]),
        "age_stages": " ".join(taxonomy.age_stage_slugs(values["age_group"])),
    }
    return ParsedRow(row_id, locale_code, values["program_key"], values, shared)


def _unreadable(row):
    """Why a value of the row cannot be used as it comes, or "": every column is checked before
    any is cleaned, so nothing is spent on a row that is skipped anyway."""
    for column in sorted(KNOWN_COLUMNS):
        value = row.get(column)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"{column} is not text"
        found = NOT_TEXT.search(value)
        if found:
            return f"{column} holds a character that is not text (U+{ord(found.group()):04X})"
        if len(value) > MAX_CHARS[column]:
            return f"{column} is longer than {MAX_CHARS[column]:,} characters"
    return ""


def _too_long(values):
    for name, value in values.items():
        limit = getattr(Program._meta.get_field(name), "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            return f"{name} is longer than {limit} characters"
    return ""
