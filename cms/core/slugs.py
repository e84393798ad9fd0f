"""Every slug the project makes from outside text (a dataset row, a partner's calendar, demo
content) comes from here, so that none is ever empty: an empty slug is a URL that Django cannot
reverse, and one such page breaks its whole listing."""

import hashlib

from django.utils.text import slugify


def slug_from(text, *, key, prefix, max_length=70):
    """A slug from `text` (ASCII, as the URLs already published are), at most `max_length` long.
    When the text holds nothing to keep ("!!!"), `prefix` and a short hash of `key` (the
    source's own id) make a stable slug instead: the same row always gets the same one."""
    slug = slugify(str(text or ""))[:max_length].strip("-")
    if slug:
        return slug
    digest = hashlib.sha1(str(key).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slugify(prefix) or 'page'}-{digest}"
