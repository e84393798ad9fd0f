"""A full static build: what it writes, that it is reproducible, and that it refuses to replace
the live output when its checks fail."""

import io
import json
import re
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from cms.core.models import StandardPage
from cms.publishing import verification
from cms.publishing.build import BuildFailed
from cms.publishing.verification import SITEMAP_NS, SiteFiles, parse_links
from tests.publishing.built import files_of

pytestmark = pytest.mark.django_db

ALL_LANGUAGES = ["en", "es", "zh-hant", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl"]


def add_page(parent, slug, html):
    page = StandardPage(title=slug.title(), slug=slug, body=[("paragraph", html)])
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_every_page_of_every_language_is_written_with_english_at_the_root(content, build):
    report = build()

    site_dir = report.output_dir
    assert b'<html lang="en" dir="ltr">' in (site_dir / "index.html").read_bytes()
    assert b"About us" in (site_dir / "about/index.html").read_bytes()
    for code in ("es", "ar"):
        assert f'<html lang="{code}"'.encode() in (site_dir / code / "index.html").read_bytes()
        assert (site_dir / code / "about/index.html").is_file()
    assert b'dir="rtl"' in (site_dir / "ar/about/index.html").read_bytes()
    # Each site is built on its own: nothing of Generation NYC here.
    assert not (report.output_dir.parent / "generation").exists()


def test_two_builds_of_the_same_content_are_byte_identical(content, build):
    first = files_of(build().output_dir.resolve())
    second_dir = build().output_dir.resolve()

    assert files_of(second_dir) == first
    assert "pagefind/pagefind-entry.json" in first


def test_every_internal_link_resolves_to_a_file_of_the_build(content, build):
    site_dir = build().output_dir
    manifest = json.loads((site_dir / "build-manifest.json").read_text())
    site_files = SiteFiles("http://growingup.localhost", set(manifest["files"]))

    checked = 0
    for output in manifest["outputs"]:
        if output["path"].endswith(".html"):
            found = parse_links((site_dir / output["path"]).read_text())
            for link in found.links + [href for _code, href in found.alternates]:
                target = site_files.local_path(link, output["url"])
                if target is not None:
                    checked += 1
                    assert (site_dir / target.lstrip("/")).exists() or (
                        site_dir / target.lstrip("/") / "index.html"
                    ).is_file(), (output["url"], link)
    assert checked > 100


def test_sitemap_lists_real_translations_with_hreflang_alternates(content, build):
    site_dir = build().output_dir
    tree = ElementTree.fromstring((site_dir / "sitemap.xml").read_bytes())

    entries = {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)
        }
        for url in tree.findall("sm:url", SITEMAP_NS)
    }
    root = "http://growingup.localhost"
    # Untranslated aliases (/es/about/) are not announced as pages of their own.
    assert sorted(entries) == [f"{root}/", f"{root}/about/", f"{root}/ar/", f"{root}/es/"]
    assert entries[f"{root}/es/"] == {
        "en": f"{root}/",
        "es": f"{root}/es/",
        "ar": f"{root}/ar/",
        "x-default": f"{root}/",
    }
    assert (site_dir / "robots.txt").read_text().endswith(f"Sitemap: {root}/sitemap.xml\n")


def test_sitemap_check_names_addresses_that_are_no_page_of_the_build():
    files = SiteFiles("http://growingup.localhost", {"index.html", "about/index.html"})
    sitemap = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        b"<url><loc>http://growingup.localhost/</loc></url>"
        b"<url><loc>http://growingup.localhost/about/</loc>"
        b'<xhtml:link rel="alternate" hreflang="es" href="http://growingup.localhost/es/about/"/>'
        b"</url></urlset>"
    )
    missing = ["sitemap.xml: http://growingup.localhost/es/about/ is not a page of the site"]

    assert verification.verify_sitemap(files, sitemap) == missing
    # An incremental rebuild checks the entries of what it rendered.
    assert verification.verify_sitemap(files, sitemap, urls={"/about/"}) == missing
    assert verification.verify_sitemap(files, sitemap, urls={"/"}) == []


def test_pages_declare_hreflang_only_for_files_of_the_build(content, build):
    site_dir = build().output_dir

    found = parse_links((site_dir / "es/index.html").read_text())
    assert dict(found.alternates) == {
        "ar": "http://growingup.localhost/ar/",
        "en": "http://growingup.localhost/",
        "es": "http://growingup.localhost/es/",
        "x-default": "http://growingup.localhost/",
    }


def test_each_language_has_its_own_404_page(content, build):
    site_dir = build().output_dir

    assert b'lang="en"' in (site_dir / "404.html").read_bytes()
    spanish = (site_dir / "es/404.html").read_text()
    assert 'lang="es"' in spanish and 'href="/es/"' in spanish
    assert 'dir="rtl"' in (site_dir / "ar/404.html").read_text()
    assert "/es/* /es/404.html 404" in (site_dir / "_redirects").read_text()


def test_redirects_become_rules_and_html_fallbacks(content, build):
    site = content["sites"]["growingup"]
    Redirect.add_redirect("/who-we-are", redirect_to=content["about"], site=site)

    site_dir = build().output_dir

    assert "/who-we-are /about/ 301" in (site_dir / "_redirects").read_text()
    fallback = (site_dir / "who-we-are/index.html").read_text()
    assert 'http-equiv="refresh" content="0; url=/about/"' in fallback


def test_assets_get_content_hashes_in_their_names(content, build):
    site_dir = build().output_dir
    html = (site_dir / "index.html").read_text()

    stylesheets = re.findall(r'href="/static/([^"]+\.css)"', html)
    assert stylesheets
    for name in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", name), name
        assert (site_dir / "static" / name).is_file()


def test_manifest_lists_url_path_and_content_hash_of_every_output(content, build):
    site_dir = build().output_dir
    manifest = json.loads((site_dir / "build-manifest.json").read_text())

    outputs = {output["url"]: output for output in manifest["outputs"]}
    about = outputs["/es/about/"]
    assert about["path"] == "es/about/index.html"
    assert about["hash"] == manifest["files"]["es/about/index.html"]
    assert about["page"] is not None and about["language"] == "es"
    assert set(manifest["files"]) == {
        str(path.relative_to(site_dir.resolve()))
        for path in site_dir.resolve().rglob("*")
        if path.is_file() and path.name != "build-manifest.json"
    }


def test_a_build_of_one_language_leaves_the_others_as_built(content, build):
    build()
    about = content["about"]
    about.title = "About this site"
    about.save_revision().publish()

    report = build(language_codes=["en"])

    assert "/about/" in report.rendered and "/es/about/" not in report.rendered
    assert b"About this site" in (report.output_dir / "about/index.html").read_bytes()
    assert (report.output_dir / "es/about/index.html").is_file()


def test_a_build_with_a_broken_link_fails_and_keeps_the_live_output(content, build):
    live = build().output_dir
    before = files_of(live.resolve())
    add_page(content["home"], "news", '<p><a href="/nowhere/">Old news</a></p>')

    with pytest.raises(BuildFailed) as failure:
        build(language_codes=["en"])

    assert "/news/: broken link to /nowhere/" in failure.value.problems
    assert files_of(live.resolve()) == before
    # The failed build's folder is gone: the live build's is the only one left.
    assert [path for path in live.parent.joinpath(".builds").iterdir() if path.is_dir()] == [
        live.resolve()
    ]


def test_a_template_that_raises_fails_the_build_with_the_page_named(content, build, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise ValueError("no such block")

    monkeypatch.setattr(StandardPage, "get_context", broken)

    with pytest.raises(BuildFailed) as failure:
        build()

    assert any(
        problem.startswith("/es/about/: raised ValueError: no such block")
        for problem in failure.value.problems
    )


def test_a_page_over_the_weight_budget_fails_the_build(content, build, monkeypatch):
    monkeypatch.setattr(verification, "PAGE_WEIGHT_BUDGET", 2 * 1024)

    with pytest.raises(BuildFailed) as failure:
        build(language_codes=["en"])

    assert any("over the 2 KB budget" in problem for problem in failure.value.problems)


def test_hreflang_pointing_at_a_missing_page_fails_the_build(content, build, monkeypatch):
    from cms.core import languages

    real = languages.hreflang_alternates

    def with_a_ghost(request, page):
        return real(request, page) + [("es", "http://growingup.localhost/es/ghost/")]

    monkeypatch.setattr(languages, "hreflang_alternates", with_a_ghost)

    with pytest.raises(BuildFailed) as failure:
        build()

    assert "/: hreflang es points at a missing page http://growingup.localhost/es/ghost/" in (
        failure.value.problems
    )


def test_build_static_command_builds_both_sites_in_all_eleven_languages(
    translated_sites, synced, output_root
):
    synced()
    out = io.StringIO()

    call_command("build_static", "--output", str(output_root), stdout=out)

    for site_key in ("growingup", "generation"):
        for code in ALL_LANGUAGES[1:]:
            assert (output_root / site_key / code / "index.html").is_file()
            assert (output_root / site_key / code / "404.html").is_file()
            assert (output_root / site_key / code / "search" / "index.html").is_file()
            assert (output_root / site_key / code / "search" / "words.json").is_file()
    # A home page, a 404 page, a search page and its words in each of the eleven languages.
    assert "growingup: 44 URLs rendered" in out.getvalue()
