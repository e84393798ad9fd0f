from .alerts import AlertBanner
from .pages import BaseHomePage, BasePage, StandardPage

__all__ = ["AlertBanner", "BaseHomePage", "BasePage", "StandardPage"]
