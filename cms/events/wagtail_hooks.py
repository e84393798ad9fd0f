from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.events.admin_views import import_run_report
from cms.events.models import CalendarFeed


class CalendarFeedViewSet(SnippetViewSet):
    model = CalendarFeed
    icon = "date"
    menu_label = _("Partner calendars")
    list_display = ["name", "event_index", "default_borough", "publish", "active"]
    list_filter = ["active"]


register_snippet(CalendarFeedViewSet)


@hooks.register("register_admin_urls")
def register_import_report_url():
    return [path("events/imports/", import_run_report, name="events_import_runs")]


class ImportReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.change_calendarfeed")


@hooks.register("register_reports_menu_item")
def register_import_report_menu_item():
    return ImportReportMenuItem(
        _("Calendar imports"), reverse("events_import_runs"), icon_name="date", order=910
    )
