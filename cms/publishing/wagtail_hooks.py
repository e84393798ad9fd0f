from wagtail import hooks
from wagtail.admin.ui.components import Component

from cms.publishing.models import StaticRebuild


class StaticRebuildsPanel(Component):
    """The last rebuilds of the public static copies: what triggered them, how they went."""

    name = "static_rebuilds"
    template_name = "publishing/admin/rebuilds_panel.html"
    order = 120

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {"rebuilds": StaticRebuild.objects.visible_to(self.user)[:10]}


@hooks.register("construct_homepage_panels")
def add_static_rebuilds_panel(request, panels):
    panels.append(StaticRebuildsPanel(request.user))
