"""Admin screens for editors and translators: the translation status dashboard, the content
health report, and marking a machine translation as reviewed by a person."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.views.edit_translation import user_can_edit_instance

from cms.core.sites import find_site, is_site_key, site_names
from cms.editorial import health
from cms.editorial.models import MachineTranslation
from cms.editorial.translation_status import (
    MISSING,
    OUT_OF_DATE,
    PAGES,
    PROGRAMS,
    STATES,
    TRANSLATED,
    sections,
    site_translation_status,
)

STATE_LABELS = {
    TRANSLATED: _("Translated"),
    OUT_OF_DATE: _("Out of date"),
    MISSING: _("Missing"),
}

KIND_LABELS = {PAGES: _("Page"), PROGRAMS: _("Program")}


def edit_url(instance):
    return AdminURLFinder().get_edit_url(instance)


def translate_url(instance):
    """Where an editor sends an English page or program to be translated."""
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    meta = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, instance.pk],
    )


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/translation_status.html"
    page_title = _("Translation status")
    header_icon = "site"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET
        site_key = query.get("site") if is_site_key(query.get("site")) else "growingup"
        site = find_site(site_key)
        context.update(site_key=site_key, site_names=site_names(), site=site)
        if site is None:
            return context
        site_sections = list(sections(site, self.request.user))
        section = next((s for s in site_sections if str(s.pk) == query.get("section")), None)
        statuses = site_translation_status(site_key, site, section)
        chosen = next((s for s in statuses if s.locale.language_code == query.get("locale")), None)
        state = query.get("state") if query.get("state") in STATES else None
        kind = query.get("kind") if query.get("kind") in KIND_LABELS else None
        context.update(
            sections=site_sections,
            section=section,
            rows=[self.summary_row(status, site_key, section) for status in statuses],
            chosen=chosen,
            state=state,
            state_labels=STATE_LABELS,
            items=self.item_rows(chosen, state, kind) if chosen else [],
        )
        return context

    def summary_row(self, status, site_key, section):
        def link(**filters):
            query = {"site": site_key, "locale": status.locale.language_code, **filters}
            if section is not None:
                query["section"] = section.pk
            return "?" + urlencode(query)

        return {
            "status": status,
            "url": link(),
            "cells": [
                {
                    "kind": kind,
                    "state": state,
                    "count": status.count(kind, state),
                    "url": link(state=state, kind=kind),
                }
                for kind in (PAGES, PROGRAMS)
                for state in STATES
            ],
        }

    def item_rows(self, status, state, kind):
        items = [
            item
            for item in status.items
            if state in (None, item.state) and kind in (None, item.kind)
        ]
        unreviewed = {
            (record.translation.source.object_id, record.translation.target_locale_id): record
            for record in MachineTranslation.objects.unreviewed()
            .filter(translation__target_locale=status.locale)
            .select_related("translation__source")
        }
        return [
            {
                "item": item,
                "kind_label": KIND_LABELS[item.kind],
                "state_label": STATE_LABELS[item.state],
                "english_url": edit_url(item.english),
                "translation_url": (
                    edit_url(item.translation)
                    if item.translation is not None
                    else translate_url(item.english)
                ),
                "machine_translation": unreviewed.get(
                    (item.english.translation_key, status.locale.pk)
                ),
            }
            for item in items
        ]


class ContentHealthView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/content_health.html"
    page_title = _("Content health")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=health.content_health(), **kwargs)


@require_POST
def mark_machine_translation_reviewed(request, pk):
    """A person who may edit the translation says they have read and corrected it."""
    record = get_object_or_404(MachineTranslation, pk=pk)
    if not user_can_edit_instance(request.user, record.translation.get_target_instance()):
        raise PermissionDenied
    record.mark_reviewed(request.user)
    messages.success(request, _("Marked as reviewed. Readers no longer see the notice."))
    next_url = request.POST.get("next")
    if not next_url or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = reverse("editorial:translation_status")
    return redirect(next_url)
