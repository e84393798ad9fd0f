"""HTTP hardening shared by the live server and the static build: the Content-Security-Policy
(one for the public pages, a looser one for the admin), the client's address behind trusted
proxies, and the per-address rate limits of the pages that query the database per request."""

import ipaddress
from functools import cache, wraps
from math import ceil

from csp.middleware import CSPMiddleware
from csp.utils import build_policy, default_config
from django.conf import settings
from django.http import HttpResponse
from ninja.throttling import SimpleRateThrottle

ADMIN_PREFIX = "/admin/"
# Directives a <meta> policy cannot carry: browsers ignore them there.
NOT_IN_META = ("frame-ancestors", "report-uri", "sandbox")


def public_policy(*, meta=False):
    """The public pages' policy as a header value, or (meta=True) as a <meta> element's content
    for the static copy."""
    directives = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    if meta:
        directives = {name: value for name, value in directives.items() if name not in NOT_IN_META}
    # django-csp joins the directives in no fixed order; a build must be the same bytes each time.
    rank = {name: number for number, name in enumerate(directives)}
    parts = build_policy(default_config(directives)).split("; ")
    return "; ".join(sorted(parts, key=lambda part: rank.get(part.split()[0], len(rank))))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy (CONTENT_SECURITY_POLICY_ADMIN) under
    /admin/, previews included: Wagtail's screens use inline scripts and styles, which the
    public pages never do."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts


@cache
def _networks(trusted):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_address(request):
    """The address of the client: REMOTE_ADDR, unless it is a trusted proxy (NUM_PROXIES hops
    counted from this server, or an address in TRUSTED_PROXIES); then the right-most entry of
    X-Forwarded-For that no trusted proxy wrote. Entries left of it are the client's own claim."""
    trusted = _networks(tuple(settings.TRUSTED_PROXIES))
    remote_addr = request.META.get("REMOTE_ADDR", "")
    # None for an empty REMOTE_ADDR, as behind a proxy on a Unix socket: a hop NUM_PROXIES counts.
    client = _address(remote_addr)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    # From the nearest hop outwards.
    hops = [hop for hop in reversed(forwarded) if hop.strip()]
    for number, hop in enumerate(hops):
        trusted_hop = client is not None and any(client in network for network in trusted)
        if number >= settings.NUM_PROXIES and not trusted_hop:
            break
        # A proxy we trust wrote this entry; nonsense in it leaves the proxy for the client.
        if (found := _address(hop)) is None:
            break
        client = found
    return remote_addr if client is None else str(client)


class ClientRateThrottle(SimpleRateThrottle):
    """Requests per client address (client_address), counted in Django's cache. The rate is
    read from the setting named by `rate_setting` on each request, so tests can change it."""

    rate_setting = ""
    default_rate = "60/m"

    def __init__(self):
        super().__init__(self.default_rate)

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}

    def allow_request(self, request):
        self.rate = getattr(settings, self.rate_setting, self.default_rate)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class PageQueryThrottle(ClientRateThrottle):
    """Searches and filtered listings: pages rendered afresh for each query string."""

    scope = "page-query"
    rate_setting = "PAGE_QUERY_RATE"


def too_many_requests(wait):
    response = HttpResponse(
        "Too many requests from your address. Please wait a minute and try again.\n",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(max(1, ceil(wait or 60)))
    return response


def limit_queries(view):
    """Limit a public view's requests that carry a query string (PAGE_QUERY_RATE per client
    address); a request over the limit gets a short 429 answer."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        if request.GET:
            throttle = PageQueryThrottle()
            if not throttle.allow_request(request):
                return too_many_requests(throttle.wait())
        return view(request, *args, **kwargs)

    return limited
