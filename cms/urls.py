from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from cms import health
from cms.security import limit_queries
from search import views as search_views
from search.api import api as search_api

urlpatterns = [
    # Answered by cms.health.HealthCheckMiddleware before the host check; routed here too
    # so that reverse("healthz") works.
    path("healthz", health.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("api/", search_api.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages rendered afresh for each query string (a search, a filtered listing or feed) are
# rate-limited per client address; the same pages without one are not.
serve = limit_queries(wagtail_views.serve)

# Public pages carry their language in the path: /es/..., /ar/...; English has no prefix.
urlpatterns += i18n_patterns(
    path("search/", limit_queries(search_views.search_page), name="search"),
    path("search/words.json", search_views.search_words, name="search_words"),
    # Files a page serves from its own routes (feed.ics, activities.json): Wagtail's own pattern
    # only matches paths ending in a slash.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.(?:ics|json))$", serve, name="wagtail_serve_file"),
    # Wagtail's own routes (its _util/ views first), with the limited page view.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(serve_pattern, serve, name="wagtail_serve"),
    prefix_default_language=False,
)

handler404 = "cms.core.views.page_not_found"
