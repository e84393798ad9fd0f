"""Admin report of the last calendar imports."""

from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required

from cms.events.models import CalendarFeed, EventPage, ImportRun

REPORT_LENGTH = 50


class ImportRunReportView(TemplateView):
    template_name = "events/admin/import_runs.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=gettext_lazy("Calendar imports"),
            header_icon="date",
            runs=ImportRun.objects.select_related("feed")[:REPORT_LENGTH],
            feeds=CalendarFeed.objects.all(),
            conflicts=EventPage.objects.filter(import_conflict=True, alias_of__isnull=True),
            **kwargs,
        )


import_run_report = permission_required("events.change_calendarfeed")(ImportRunReportView.as_view())
