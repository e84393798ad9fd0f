from .alerts import AlertBanner
from .pages import BaseHomePage, BasePage, HeroImage, StandardPage
from .schedule import ScheduledTaskRun
from .taxonomy import AGE_STAGE_ICONS, BOROUGHS, AgeStage

__all__ = [
    "AGE_STAGE_ICONS",
    "BOROUGHS",
    "AgeStage",
    "AlertBanner",
    "BaseHomePage",
    "BasePage",
    "HeroImage",
    "ScheduledTaskRun",
    "StandardPage",
]
