from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.core.models import AgeStage, AlertBanner


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = "Alert banners"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["message", "site", "level", "starts_at", "ends_at"]
    list_filter = ["site", "level"]


register_snippet(AlertBannerViewSet)


class AgeStageViewSet(SnippetViewSet):
    model = AgeStage
    icon = "group"
    menu_label = "Age stages"
    list_display = ["name", "age_label", "slug", "sort_order"]
    ordering = ["sort_order"]


register_snippet(AgeStageViewSet)
