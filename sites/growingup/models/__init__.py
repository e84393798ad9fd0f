from .activities import INTERESTS, ActivityGuidePage, ActivityPage
from .age_guides import AgeGuideIndexPage, AgeGuidePage
from .home_page import GrowingUpHomePage
from .tips import TIP_SETTINGS, BrainBuildingTip, BrainBuildingTipIndexPage

__all__ = [
    "INTERESTS",
    "TIP_SETTINGS",
    "ActivityGuidePage",
    "ActivityPage",
    "AgeGuideIndexPage",
    "AgeGuidePage",
    "BrainBuildingTip",
    "BrainBuildingTipIndexPage",
    "GrowingUpHomePage",
]
