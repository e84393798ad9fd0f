from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.core.models import AlertBanner


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = "Alert banners"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["message", "site", "level", "starts_at", "ends_at"]
    list_filter = ["site", "level"]


register_snippet(AlertBannerViewSet)
