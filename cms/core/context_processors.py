from wagtail.models import Site

from cms.core.sites import site_key_of


def site_theme(request):
    """Which site a request is for, and the base template that gives that site its look.
    A site's look lives in the app of its home page type: `<site key>/base.html`."""
    site = Site.find_for_request(request)
    site_key = site_key_of(site)
    if not site_key:
        return {"current_site": site, "site_key": "", "base_template": "core/base.html"}
    return {"current_site": site, "site_key": site_key, "base_template": f"{site_key}/base.html"}
