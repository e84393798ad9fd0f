"""Every response of the live server carries a Content-Security-Policy: a strict one on the
public pages (no inline script or style anywhere in them), a looser one for the admin, which
Wagtail's own screens need. The browser tests fail on any violation the pages report."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

ROOT = Path(__file__).resolve().parents[2]


def is_admin_template(path):
    return bool({"admin", "wagtailadmin"} & set(path.parts)) or '{% extends "wagtailadmin/' in (
        path.read_text()
    )


# Templates the public sites render: all but the admin's, which extend Wagtail's own.
PUBLIC_TEMPLATES = [
    path
    for folder in ("cms", "sites", "search")
    for path in sorted((ROOT / folder).glob("**/templates/**/*.html"))
    if not is_admin_template(path)
]
INLINE_STYLE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
DATA_SCRIPT = re.compile(r"""type=["']application/(ld\+)?json["']""")


def directives(response):
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/es/", "/search/", "/search/?q=camp", "/no-such-page/"])
def test_public_pages_allow_no_inline_script_or_style(get, translated_sites, path):
    policy = directives(get("growingup", path))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # Pagefind's WebAssembly
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == policy["form-action"] == policy["frame-ancestors"] == ["'self'"]
    assert not any("unsafe-inline" in values or "*" in values for values in policy.values())


@pytest.mark.django_db
def test_the_search_api_and_health_check_carry_it_too(client, sites):
    api = client.get("/api/search", {"q": "camp"}, HTTP_HOST="growingup.localhost")
    health = client.get("/healthz")

    assert directives(api)["default-src"] == ["'self'"]
    assert directives(health)["default-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_admin_has_a_policy_of_its_own(client, sites):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)

    admin = directives(client.get("/admin/", HTTP_HOST="growingup.localhost"))
    login = directives(client.get("/admin/login/", HTTP_HOST="growingup.localhost"))

    assert admin == login
    assert admin["frame-ancestors"] == ["'self'"]  # the live preview's frame
    assert admin["object-src"] == ["'none'"]
    assert admin["base-uri"] == admin["form-action"] == ["'self'"]
    assert "'unsafe-eval'" not in admin["script-src"]
    assert admin != directives(client.get("/", HTTP_HOST="growingup.localhost"))


@pytest.mark.parametrize("template", PUBLIC_TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_public_templates_have_no_inline_script_style_or_handler(template):
    text = template.read_text()

    assert not INLINE_STYLE.search(text), "a style attribute: use a class in a stylesheet"
    assert not EVENT_HANDLER.search(text), "an on… attribute: listen in a script file"
    for attributes in SCRIPT_TAG.findall(text):
        assert "src=" in attributes or DATA_SCRIPT.search(attributes), "an inline script"
