"""The files of a build derived from its pages rather than rendered: redirect rules and their
HTML fallbacks, the response headers, the sitemap and robots.txt."""

from django.conf import settings

from cms.publishing import redirects as site_redirects
from cms.publishing.headers import HEADERS_FILE, headers_file, with_policy_meta
from cms.publishing.manifest import ManifestEntry
from cms.publishing.sitemaps import robots_txt, sitemap_xml


def write_derived_files(build):
    """Write into `build` (a SiteBuild) the files derived from its outputs, and drop the
    fallback pages of redirects that are gone."""
    site = build.site
    redirects = site_redirects.site_redirects(site)
    languages = sorted({output.language for output in build.outputs.values()})
    build.write("_redirects", site_redirects.redirects_file(redirects, languages))
    build.write(HEADERS_FILE, headers_file())
    taken = {o.path for o in build.outputs.values() if o.kind != "redirect"}
    fallbacks = site_redirects.fallback_pages(redirects, taken)
    for output in [o for o in build.outputs.values() if o.kind == "redirect"]:
        if output.path not in fallbacks:
            build.drop_output(output.url)
    for path, content in fallbacks.items():
        build.write(path, with_policy_meta(content, build.policy_meta))
        url = "/" + path.removesuffix("index.html")
        build.outputs[url] = ManifestEntry(
            url, path, build.files[path], "redirect", None, settings.LANGUAGE_CODE
        )
    pages = [o.as_page_output() for o in build.outputs.values() if o.kind == "page"]
    build.write("sitemap.xml", sitemap_xml(site, pages))
    build.write("robots.txt", robots_txt(site))
