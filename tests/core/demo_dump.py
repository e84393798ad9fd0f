"""What load_demo made, as plain sorted data: every page in every language (its type, place,
title and field values) and every row of the project's other models, without what changes from
one load to the next (ids, tree paths, timestamps, StreamField block ids). Age stages come out
as sorted lists of slugs however they are stored.

The demo dates count from the day it is loaded, so a dump is only comparable to one taken at the
same moment: load the demo inside `FROZEN_AT` (tests/core/test_load_demo.py does).

Regenerate the fixture after an intended change to the demo content:
    DEMO_DUMP_UPDATE=1 .venv/bin/pytest -n 0 -q tests/core/test_load_demo.py
"""

import datetime
import gzip
import hashlib
import json
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Collection, Locale, Page, Site

FIXTURE = Path(__file__).parent / "demo_dump.json.gz"
FROZEN_AT = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=datetime.UTC)
APPS = ("cms.", "sites.", "search")

# Page fields that say where a page sits in the tree or when it was saved, not what it says.
PAGE_VOLATILE = {
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "content_type",
    "translation_key",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "owner",
    "locked_by",
    "locked_at",
    "draft_title",
    "url_path",
    "alias_of",
    "locale",
}
AGE_STAGE_FIELDS = {"age_stages", "age_stage_slugs"}


def _without_block_ids(value):
    if isinstance(value, dict):
        return {key: _without_block_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_block_ids(item) for item in value]
    return value


def _age_stage_slugs(value):
    if value is None:
        return []
    if isinstance(value, str):
        return sorted(part for part in value.replace(",", " ").split() if part)
    return sorted(getattr(item, "slug", item) for item in value)


def _reference(obj):
    """A stable name for a row another row points at."""
    if obj is None:
        return None
    if isinstance(obj, Page):
        return f"page:{obj.locale.language_code}:{obj.url_path}"
    if isinstance(obj, Locale):
        return obj.language_code
    parts = [obj._meta.label]
    for name in ("language_code", "slug", "hostname", "username", "name", "title", "source"):
        if hasattr(obj, name):
            parts.append(str(getattr(obj, name)))
            break
    else:
        parts.append(str(obj))
    if hasattr(obj, "locale_id"):
        parts.append(obj.locale.language_code)
    return ":".join(parts)


def _value(obj, field):
    if field.name in AGE_STAGE_FIELDS:
        value = getattr(obj, field.name)
        if field.many_to_many:
            value = value.all()
        return _age_stage_slugs(value)
    if field.many_to_many:
        return sorted(_reference(item) for item in getattr(obj, field.name).all())
    if field.is_relation:
        return _reference(getattr(obj, field.name))
    value = field.value_from_object(obj)
    if isinstance(field, StreamField):
        return _without_block_ids(json.loads(json.dumps(list(value.get_prep_value()))))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None
    return value


def _is_volatile(field):
    if field.primary_key or getattr(field, "auto_now", False):
        return True
    if isinstance(field, models.UUIDField) or field.name == "translation_key":
        return True
    return getattr(field, "auto_now_add", False)


def _fields(obj, skip=()):
    fields = [*obj._meta.concrete_fields, *obj._meta.many_to_many]
    values = {
        field.name: _value(obj, field)
        for field in fields
        if field.name not in skip and not _is_volatile(field)
    }
    # An event's calendar UID is random; it also appears in its stored calendar entry.
    uid = values.pop("uid", None)
    if uid:
        values = {
            name: value.replace(uid, "<uid>") if isinstance(value, str) else value
            for name, value in values.items()
        }
    return values


def _page(page):
    specific = page.specific
    fields = _fields(specific, skip=PAGE_VOLATILE)
    if page.alias_of_id is not None:
        # An untranslated alias copies its English page: a digest keeps the fixture small.
        text = json.dumps(fields, sort_keys=True, default=str)
        fields = hashlib.sha256(text.encode()).hexdigest()[:16]
    return {
        "type": specific._meta.label,
        "locale": page.locale.language_code,
        "url_path": page.url_path,
        "title": page.title,
        "slug": page.slug,
        "live": page.live,
        "alias": page.alias_of_id is not None,
        "fields": fields,
    }


def _rows(model):
    rows = [_fields(obj) for obj in model._default_manager.all()]
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))


def demo_dump():
    """Everything load_demo made, as plain data that compares equal between equal loads."""
    pages = [_page(page) for page in Page.objects.filter(depth__gt=1)]
    pages.sort(key=lambda page: (page["url_path"], page["locale"]))
    dump = {
        "pages": pages,
        "sites": sorted(
            [site.hostname, site.port, site.site_name, _reference(site.root_page)]
            for site in Site.objects.all()
        ),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "collections": sorted(Collection.objects.values_list("name", flat=True)),
        "models": {},
    }
    for model in apps.get_models():
        if not model.__module__.startswith(APPS) or issubclass(model, Page):
            continue
        dump["models"][model._meta.label] = _rows(model)
    return json.loads(json.dumps(dump, sort_keys=True, default=str))


def read_fixture():
    with gzip.open(FIXTURE, "rt", encoding="utf-8") as file:
        return json.load(file)


def write_fixture(dump):
    text = json.dumps(dump, sort_keys=True, indent=0, ensure_ascii=False)
    FIXTURE.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
