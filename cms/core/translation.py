"""Translations made in code (demo content, importers) through wagtail-localize, so they look
to translators and to the status views exactly like translations made in the admin."""

from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def is_translated(instance, locale):
    """True when `instance` has a real translation (not an untranslated alias) in `locale`."""
    translated = instance.get_translation_or_none(locale)
    return translated is not None and not getattr(translated, "alias_of_id", None)


def translate(instance, locale, strings):
    """Translate `instance` into `locale` from a map of source text to translated text.
    Source strings missing from the map stay in the source language. Returns the translated
    instance, published."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return instance.get_translation(locale)
    # wagtail-localize publishes pages in an on_commit hook, from a page object loaded before
    # any later change in the same transaction (a child added under it would be lost from the
    # tree). Save a draft, then publish it at once.
    source.create_or_update_translation(
        locale, publish=False, fallback=True, copy_parent_pages=True
    )
    translated = instance.get_translation(locale)
    translated.get_latest_revision().publish()
    return translated
