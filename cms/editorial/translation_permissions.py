"""Who may translate what. Sending a page or snippet for translation, syncing its translations
and publishing them changes content, so each needs the right to change that content, not only
wagtail-localize's model-wide "submit translation" permission (which its views check alone).

The rules, one per wagtail-localize admin view (RULES, by URL name):
- start or sync translations of a page: the user may edit the English page and its page (or
  the page it will go under) in each language it goes to; publishing them needs the right to
  publish there;
- start or sync translations of a snippet: the user may change that kind of snippet, and a
  snippet that belongs to a site (a banner's `site`, or a model of a site's app such as Growing
  Up NYC's tips) only by people who may edit that site's pages;
- work on one translation (strings, PO files, machine translation, preview, stop): the user may
  edit the translated page or snippet. Page permissions already tie that to one site and, for
  translators, one language, so translators keep working without rights on the English;
- turn a translated page back into an alias: the user may edit both, and publish it when that
  would make it live.

`guarded_localize_urls()` serves wagtail-localize's own views through these rules; a view
with no rule here (say, added by an upgrade) is for superusers until someone writes one."""

import functools

from django import forms
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Q
from django.urls import URLPattern, URLResolver
from wagtail.models import DraftStateMixin, Locale, Page, Site
from wagtail.permissions import ModelPermissionPolicy
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.report import TranslationsReportView

from cms.core.sites import find_site, site_key_of_model
from cms.editorial.groups import site_homes
from cms.editorial.visibility import explorable


def owning_site(instance):
    """The site a snippet belongs to, or None for what both sites share (programs, stages)."""
    site = getattr(instance, "site", None)
    if isinstance(site, Site):
        return site
    site_key = site_key_of_model(instance)
    return find_site(site_key) if site_key else None


def may_work_on_site(user, site):
    return any(home.permissions_for_user(user).can_edit() for home in site_homes(site))


def may_edit(user, instance):
    """May `user` change this page or snippet in the admin?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    if not user.has_perm(get_permission_name("change", type(instance))):
        return False
    site = owning_site(instance)
    return site is None or may_work_on_site(user, site)


def may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return may_edit(user, instance) and user.has_perm(
            get_permission_name("publish", type(instance))
        )
    return may_edit(user, instance)


def may_translate_page_into(user, page, locale):
    """May `user` put `page` into `locale`: edit its counterpart there (a translation or an
    alias), or add pages under the nearest ancestor that has one?"""
    for candidate in [page, *reversed(page.get_ancestors().filter(depth__gt=1))]:
        counterpart = candidate.get_translation_or_none(locale)
        if counterpart is not None:
            permissions = counterpart.permissions_for_user(user)
            return permissions.can_edit() if candidate == page else permissions.can_add_subpage()
    return True  # a new language tree, made under the site's own pages


def _chosen_locales(request):
    if request.method != "POST":
        return []
    ids = [value for value in request.POST.getlist("locales") if value.isdigit()]
    return list(Locale.objects.filter(pk__in=ids))


def _target(translation_id):
    translation = Translation.objects.filter(pk=translation_id).first()
    try:
        return translation and translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


# Each rule answers True when the object is missing: the view itself then answers 404.


def submit_page(request, page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return True
    user = request.user
    return may_edit(user, page) and all(
        may_translate_page_into(user, page, locale) for locale in _chosen_locales(request)
    )


def submit_snippet(request, app_label, model_name, pk):
    model = get_snippet_model_from_url_params(app_label, model_name)
    instance = model._default_manager.filter(pk=unquote(pk)).first()
    return instance is None or may_edit(request.user, instance)


def update_translations(request, translation_source_id):
    source = TranslationSource.objects.filter(pk=translation_source_id).first()
    try:
        instance = source and source.get_source_instance()
    except ObjectDoesNotExist:
        return True
    if not instance:
        return True
    user = request.user
    if not may_edit(user, instance):
        return False
    publishing = request.method == "POST" and forms.BooleanField().to_python(
        request.POST.get("publish_translations")
    )
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if not may_edit(user, target) or (publishing and not may_publish(user, target)):
            return False
    return True


def edit_translation(request, translation_id, **kwargs):
    target = _target(translation_id)
    return target is None or may_edit(request.user, target)


def convert_to_alias(request, page_id):
    page = Page.objects.filter(pk=page_id, alias_of__isnull=True).first()
    source = (
        page
        and TranslationSource.objects.filter(
            object_id=page.translation_key,
            specific_content_type=page.content_type_id,
            translations__target_locale=page.locale_id,
        ).first()
    )
    english = (
        source
        and Page.objects.filter(
            translation_key=page.translation_key, locale_id=source.locale_id
        ).first()
    )
    if not english:
        return True
    user = request.user
    goes_live = english.live and not page.live
    return (
        may_edit(user, english)
        and may_edit(user, page)
        and (not goes_live or may_publish(user, page))
    )


def snippets_api(request, app_label, model_name, **kwargs):
    """The translation editor's snippet chooser lists every record's title."""
    model = get_snippet_model_from_url_params(app_label, model_name)
    return ModelPermissionPolicy(model).user_has_any_permission(
        request.user, ["add", "change", "delete", "view"]
    )


def anyone(request, **kwargs):
    return True


RULES = {
    "javascript_catalog": anyone,
    "submit_page_translation": submit_page,
    "submit_snippet_translation": submit_snippet,
    "update_translations": update_translations,
    "edit_string_translation": edit_translation,
    "edit_override": edit_translation,
    "download_pofile": edit_translation,
    "upload_pofile": edit_translation,
    "machine_translate": edit_translation,
    "preview_translation": edit_translation,
    "stop_translation": edit_translation,
    "convert_to_alias": convert_to_alias,
    "translations_report": anyone,  # lists only what the user may see (VisibleTranslationsReport)
    "translations_report_results": anyone,
    "snippets_api_listing": snippets_api,
    "snippets_api_detail": snippets_api,
}


def superusers_only(request, **kwargs):
    return request.user.is_superuser


def visible_translations(user, translations):
    """The translations of pages the user may find in the explorer and of snippets they may
    change."""
    if user.is_superuser:
        return translations
    explorable_pages = Page.objects.filter(explorable(user))
    snippet_types = [
        ContentType.objects.get_for_model(model)
        for model in get_snippet_models()
        if user.has_perm(get_permission_name("change", model))
    ]
    return translations.filter(
        Q(source__object_id__in=explorable_pages.values("translation_key"))
        | Q(source__specific_content_type__in=snippet_types)
    )


class VisibleTranslationsReport(TranslationsReportView):
    def get_queryset(self):
        # Newest first, and in a stable order from one results page to the next.
        translations = super().get_queryset().order_by("-created_at", "-pk")
        return visible_translations(self.request.user, translations)


def guarded(view, rule):
    @functools.wraps(view)
    def view_within_the_rules(request, *args, **kwargs):
        if not rule(request, **kwargs):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    view_within_the_rules.rule = rule
    return view_within_the_rules


def _view(callback):
    if getattr(callback, "view_class", None) is TranslationsReportView:
        return VisibleTranslationsReport.as_view(**callback.view_initkwargs)
    return callback


def guarded_localize_urls():
    """wagtail-localize's admin URLs, each view behind its rule. Registered ahead of
    wagtail-localize's own, they answer first; unnamed, so `reverse()` is unchanged."""
    from wagtail_localize.wagtail_hooks import register_admin_urls

    guarded_urls = []
    for resolver in register_admin_urls():
        patterns = [
            URLPattern(
                pattern.pattern,
                guarded(_view(pattern.callback), RULES.get(pattern.name, superusers_only)),
                pattern.default_args,
            )
            for pattern in resolver.url_patterns
        ]
        guarded_urls.append(URLResolver(resolver.pattern, patterns))
    return guarded_urls
