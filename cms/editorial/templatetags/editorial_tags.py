from django import template

from cms.editorial.models import MachineTranslation

register = template.Library()


@register.inclusion_tag("editorial/includes/machine_translation_notice.html", takes_context=True)
def machine_translation_notice(context, instance=None):
    """Tells readers that a machine translated what they are reading and no person has checked
    it yet. `instance` defaults to the page; pass a translated snippet (a program) to ask about
    it instead."""
    instance = instance if instance is not None else context.get("page")
    show = (
        instance is not None
        and getattr(instance, "translation_key", None) is not None
        and not getattr(instance, "alias_of_id", None)
        and MachineTranslation.objects.unreviewed().of_instance(instance).exists()
    )
    return {"show": show}
