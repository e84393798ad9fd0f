from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.editorial import views, visibility
from cms.editorial.translation_permissions import guarded_localize_urls

urls = [
    path("translation-status/", views.TranslationStatusView.as_view(), name="translation_status"),
    path("content-health/", views.ContentHealthView.as_view(), name="content_health"),
    path(
        "machine-translations/<int:pk>/reviewed/",
        views.mark_machine_translation_reviewed,
        name="machine_translation_reviewed",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("editorial/", include((urls, "editorial"), namespace="editorial"))]


@hooks.register("register_admin_urls", order=-1)
def register_guarded_translation_urls():
    """Ahead of wagtail-localize's own URLs: the same views, each behind its rule."""
    return guarded_localize_urls()


hooks.register("construct_explorer_page_queryset", visibility.explorer_pages)
hooks.register("construct_page_chooser_queryset", visibility.chooser_pages)


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("editorial:translation_status"),
        icon_name="site",
        order=350,
    )


@hooks.register("register_reports_menu_item")
def register_content_health_menu_item():
    return MenuItem(
        _("Content health"), reverse("editorial:content_health"), icon_name="warning", order=50
    )
