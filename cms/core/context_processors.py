from wagtail.models import Site


def site_theme(request):
    """Which site a request is for, and the base template that gives that site its look.
    A site's look lives in the app of its home page type: `<app_label>/base.html`."""
    site = Site.find_for_request(request)
    if site is None:
        return {"current_site": None, "site_key": "", "base_template": "core/base.html"}
    site_key = site.root_page.specific_class._meta.app_label
    return {"current_site": site, "site_key": site_key, "base_template": f"{site_key}/base.html"}
