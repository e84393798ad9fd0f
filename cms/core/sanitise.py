"""Make outside text safe to store and show (the program dataset, partner calendars): HTML cut
to an allow-list of tags (and, for the dataset's income tables, table tags), links with
rel="noopener", e-mail "safe link" redirectors unwrapped to the address they protect, nothing
that runs script (no <script>, no javascript: URLs, no event-handler attributes), and no control
characters where a page or calendar file would choke on them."""

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "strong", "em", "br", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Tables as the program dataset gives them (income limits by household size): their structure and
# the attributes that say how cells relate, nothing that sizes or styles them.
TABLE_TAGS = {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"}
TABLE_ATTRIBUTES = {"th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}}
SCOPES = {"row", "col", "rowgroup", "colgroup"}
# The HTML limits for colspan and rowspan (browsers clamp larger values; we drop them).
MAX_SPAN = {"colspan": 1000, "rowspan": 65534}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Unwrapping a redirector can reveal another one; a few rounds are plenty.
MAX_UNWRAP = 3

# What no field may hold: NUL (PostgreSQL refuses it in text) and lone surrogates (not Unicode
# at all: they cannot be encoded, so neither nh3 nor a database takes them).
NOT_TEXT = re.compile("[\x00\ud800-\udfff]")

# C0 and C1 control characters but tab and line feed, and DEL: no calendar text needs one, and
# calendar apps cut the text at a NUL or refuse the file.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_PROOFPOINT_V3 = re.compile(r"^/v3/__(?P<url>.+?)__;", re.DOTALL)
_PROOFPOINT_V2_ESCAPE = re.compile(r"-([0-9A-Fa-f]{2})")


def unwrap_safe_link(url):
    """The address behind Outlook Safe Links, Proofpoint URL Defense and Google redirect
    wrappers; any other URL unchanged."""
    for _round in range(MAX_UNWRAP):
        target = _wrapped_target(url)
        if not target:
            return url
        url = target
    return url


def _wrapped_target(url):
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    query = parse_qs(parts.query)
    if host.endswith("safelinks.protection.outlook.com"):
        return _first(query.get("url"))
    if host in {"urldefense.com", "urldefense.us"}:
        match = _PROOFPOINT_V3.match(parts.path + ("?" + parts.query if parts.query else ""))
        return match.group("url") if match else None
    if host == "urldefense.proofpoint.com":
        wrapped = _first(query.get("u"))
        if wrapped:
            return _PROOFPOINT_V2_ESCAPE.sub(
                lambda m: chr(int(m.group(1), 16)), wrapped.replace("_", "/")
            )
        return None
    if host in {"www.google.com", "google.com"} and parts.path == "/url":
        return _first(query.get("q") or query.get("url"))
    return None


def _first(values):
    return unquote(values[0]) if values else None


def safe_url(url):
    """A link target fit for a page: unwrapped, and only http(s), mailto or tel; else ""."""
    url = unwrap_safe_link(html.unescape(url).strip())
    if url.lower().startswith("www."):
        url = f"https://{url}"
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    compact = re.sub(r"[\x00-\x20]", "", url)
    scheme, colon, _rest = compact.partition(":")
    if not colon or scheme.lower() not in URL_SCHEMES:
        return ""
    return compact if scheme.lower() in {"mailto", "tel"} else url


def _filter_attribute(tag, attribute, value):
    if tag == "a" and attribute == "href":
        return safe_url(value) or None
    if attribute == "scope":
        return value.strip().lower() if value.strip().lower() in SCOPES else None
    if attribute in MAX_SPAN:
        return _span(value.strip(), MAX_SPAN[attribute])
    return value


def _span(value, limit):
    """A colspan or rowspan of 1 to `limit`, else None (the attribute is dropped)."""
    return value if value.isascii() and value.isdigit() and 0 < int(value) <= limit else None


def clean_html(value, tables=False):
    """Dataset HTML reduced to the allow-list (p ul ol li a[href] strong em br h3 h4), and with
    `tables` also table caption thead tbody tfoot tr th[scope colspan rowspan] td[colspan
    rowspan]."""
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS | TABLE_TAGS if tables else ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES | TABLE_ATTRIBUTES if tables else ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )
    return cleaned.strip()


def clean_text(value):
    """Plain text: any markup removed, entities decoded (templates escape it on output)."""
    return " ".join(html.unescape(nh3.clean(value, tags=set())).split())


def shown(value, limit=60):
    """`value` fit to store and show in a report: what is not text written as an escape
    (\\ud800), cut to `limit` characters."""
    text = NOT_TEXT.sub(lambda match: f"\\u{ord(match.group()):04x}", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text):
    """Text without control characters (tabs and line feeds stay), for a calendar or a page."""
    return CONTROL_CHARACTERS.sub("", text)
