"""Signal handlers that keep editorial state in step with what editors and translators do."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from cms.core.sites import find_site, site_keys
from cms.editorial.groups import ensure_site_scope
from cms.editorial.models import MachineTranslation


@receiver(post_save)
def scope_new_home_page(sender, instance, created, **kwargs):
    """A site's home page in a new language (a translation or an untranslated alias) gets the
    site's permissions and review workflow, like the English home."""
    if not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    for site_key in site_keys():
        site = find_site(site_key)
        if site is not None and site.root_page.translation_key == instance.translation_key:
            ensure_site_scope(site_key)


@receiver(pre_save)
def expire_when_over(sender, instance, **kwargs):
    """Pages that know when they stop being useful (an event after its last day) expire then.
    The contract: a page model defines `expiry_datetime()`, returning an aware datetime or
    None for no end; Wagtail's `publish_scheduled` unpublishes it once that time has passed."""
    expiry_datetime = getattr(instance, "expiry_datetime", None)
    if not callable(expiry_datetime) or not isinstance(instance, Page) or not instance.live:
        return
    expires = expiry_datetime()
    if expires is not None:
        instance.expire_at = expires


@receiver(post_save, sender=StringTranslation)
def track_machine_translation(sender, instance, **kwargs):
    """A string filled in by a machine marks its translation as "not reviewed"; once a person
    has replaced every machine-made string of a translation, it counts as reviewed."""
    if instance.context is None:
        return
    object_id, locale_id = instance.context.object_id, instance.locale_id
    if instance.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        translations = Translation.objects.filter(
            source__object_id=object_id, target_locale_id=locale_id
        )
        for translation in translations:
            MachineTranslation.objects.update_or_create(
                translation=translation,
                defaults={"tool_name": instance.tool_name, "reviewed_at": None},
            )
        return
    waiting = list(
        MachineTranslation.objects.unreviewed().filter(
            translation__source__object_id=object_id, translation__target_locale_id=locale_id
        )
    )
    machine_left = StringTranslation.objects.filter(
        context__object_id=object_id,
        locale_id=locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    if waiting and not machine_left.exists():
        for record in waiting:
            record.mark_reviewed(instance.last_translated_by)
