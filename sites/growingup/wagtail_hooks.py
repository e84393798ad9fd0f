from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sites.growingup.models import BrainBuildingTip


class BrainBuildingTipViewSet(SnippetViewSet):
    model = BrainBuildingTip
    icon = "pick"
    menu_label = "Brain-building tips"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["title", "setting", "months_from", "months_to"]
    list_filter = ["setting"]


register_snippet(BrainBuildingTipViewSet)
