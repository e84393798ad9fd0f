"""Readers for the demo content kept as data: each app's `demo_data/` folder holds its English
content in TOML files and its translations in one gettext catalog per language (`es.po`,
`ar.po`). A catalog entry's msgctxt names the page or item it belongs to, its msgid is the
English text and its msgstr the translation, so `translations(folder, context)` gives the
source-to-translation map that `demo.ensure_translation` takes, per language.

The folders are not named `locale`, so makemessages and compilemessages leave them alone."""

import tomllib
from functools import cache
from pathlib import Path

import polib
from django.conf import settings


def read_toml(path):
    with Path(path).open("rb") as file:
        return tomllib.load(file)


def stream(blocks):
    """StreamField content from TOML's `[[...body]]` tables of `type` and `value`."""
    return [(block["type"], block["value"]) for block in blocks]


@cache
def catalogs(folder):
    """{language code: {msgctxt: {English text: translation}}}, in the order of LANGUAGES."""
    folder = Path(folder)
    found = {}
    for code, _name in settings.LANGUAGES:
        path = folder / f"{code}.po"
        if not path.exists():
            continue
        contexts = found.setdefault(code, {})
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete:
                contexts.setdefault(entry.msgctxt or "", {})[entry.msgid] = entry.msgstr
    return found


def translations(folder, context):
    """{language code: {English text: translation}} for one page or item, only in the
    languages that translate it."""
    return {
        code: contexts[context]
        for code, contexts in catalogs(Path(folder)).items()
        if context in contexts
    }


def translations_by_name(folder, prefix):
    """{name: {language code: {English text: translation}}} for every msgctxt that is `prefix`
    followed by a name (a slug, a title), as `translations` gives for one."""
    found = {}
    for code, contexts in catalogs(Path(folder)).items():
        for context, strings in contexts.items():
            if context.startswith(prefix):
                found.setdefault(context.removeprefix(prefix), {})[code] = strings
    return found
