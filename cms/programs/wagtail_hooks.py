from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms.programs import views
from cms.programs.models import Program


class ProgramIndexView(IndexView):
    @property
    def header_buttons(self):
        # Programs come from the dataset: editors sync them rather than add them by hand.
        return [
            HeaderButton(_("Sync now"), url=reverse("programs_sync_runs"), icon_name="resubmit")
        ]


class ProgramViewSet(SnippetViewSet):
    """Programs in the admin. wagtail-localize adds the translation actions, since Program is
    translatable; the dataset's own rows in other languages arrive as translations."""

    model = Program
    icon = "list-ul"
    menu_label = _("Programs")
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = ProgramIndexView
    list_display = ["plain_language_name", "program_name", "category", "featured", "updated_at"]
    list_filter = ["category", "featured", "live", "shows_on_growingup", "shows_on_generation"]
    ordering = ["plain_language_name"]


register_snippet(ProgramViewSet)


@hooks.register("register_admin_urls")
def register_sync_urls():
    return [
        path("programs/syncs/", views.sync_run_report, name="programs_sync_runs"),
        path("programs/syncs/run/", views.sync_now, name="programs_sync_now"),
    ]


class SyncReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("programs.change_program")


@hooks.register("register_reports_menu_item")
def register_sync_report_menu_item():
    return SyncReportMenuItem(
        _("Program syncs"), reverse("programs_sync_runs"), icon_name="resubmit", order=900
    )
