"""Admin views: the report of the last sync runs, and "Sync now"."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required

from cms.programs.models import ProgramSyncRun
from cms.programs.tasks import full_sync_programs_task

REPORT_LENGTH = 30


class SyncRunReportView(TemplateView):
    template_name = "programs/admin/sync_runs.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=gettext_lazy("Program syncs"),
            header_icon="resubmit",
            runs=ProgramSyncRun.objects.all()[:REPORT_LENGTH],
            **kwargs,
        )


sync_run_report = permission_required("programs.change_program")(SyncRunReportView.as_view())


@require_POST
@permission_required("programs.change_program")
def sync_now(request):
    """Run a full sync in the background (at once with the immediate tasks backend)."""
    full_sync_programs_task.enqueue()
    latest = ProgramSyncRun.objects.first()
    if latest and latest.error:
        messages.error(request, _("The sync stopped: %(error)s") % {"error": latest.error})
    else:
        messages.success(request, _("Sync started. Its figures appear below when it has finished."))
    return redirect(reverse("programs_sync_runs"))
