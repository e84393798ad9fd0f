"""Changing the page chrome without rendering the pages again: a part of the chrome (the alert
banners, the site menu; see cms.core.chrome) is rendered again once per language of a build,
and spliced between its markers into every built HTML file of that language.

A part reads the same in every page of a language but for the menu's mark of the page being
viewed, which compares the page's address with the addresses the part links to: so the part is
rendered once for the language (for an address it does not link to, the language's 404 page),
and once more for each built page it links to. Those fragments go through the asset rewriting
pages go through; the policy <meta> is in the head, outside any part. The result is the file a
full render gives, byte for byte (tests/publishing/test_chrome.py).

What a part read is recorded apart from what its page read (the manifest's `chrome`), so an
edit to a banner or to a page of the menu no longer marks every page as depending on it: the
rebuild splices the part (`affected_parts`) and renders only the pages that read the change in
their own content. The search index is left alone: Pagefind indexes <main>, which holds no
part of the chrome, so a spliced page's entry is still the one it indexed."""

from dataclasses import replace

from django.apps import apps
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from cms.core.chrome import parts, render_part
from cms.publishing.manifest import ChromeRecord
from cms.publishing.rendering import Recorder
from cms.publishing.verification import parse_links

_ASSET_PREFIXES = tuple(url.encode() for url in (settings.STATIC_URL, settings.MEDIA_URL))


def affected_parts(records, changes, changed_pages, homes, site):
    """Names of the parts of the chrome that `changes` may change on a site: a part that read a
    changed page or object, shows objects of a changed type (a new banner), or lists the
    children of the site's home (`homes`: its ids in every language) when one of them changed,
    was added, moved or went away. `records`: the manifest's {part name: ChromeRecord};
    `changed_pages`: the changed pages with their translations."""
    labels = {label for label, pk in changes.objects if _may_show_on(label, pk, site)}
    home_paths = set(Page.objects.filter(pk__in=homes).values_list("path", flat=True))
    children = {
        path[: -Page.steplen]
        for path in Page.objects.filter(pk__in=changed_pages).values_list("path", flat=True)
    }
    names = []
    for name, part in sorted(parts().items()):
        record = records.get(name, ChromeRecord())
        if (
            labels & set(part.models)
            or not record.pages.isdisjoint(changed_pages)
            or not record.objects.isdisjoint(changes.objects)
            or (
                part.lists_home_children
                and (not homes.isdisjoint(changes.parents) or not home_paths.isdisjoint(children))
            )
        ):
            names.append(name)
    return names


def _may_show_on(label, pk, site):
    """Whether an object may show on the site: not when it belongs to another site (a
    banner's `site`); a deleted one may have."""
    model = apps.get_model(label)
    if not any(field.name == "site" for field in model._meta.get_fields()):
        return True
    site_id = model.objects.filter(pk=pk).values_list("site_id", flat=True).first()
    return site_id is None or site_id == site.pk


def shown_objects_changed(records, site):
    """(model label, pk) of what parts that change with time (banners start and end) show now
    but did not at the build, or showed and no longer do."""
    changed = set()
    for name, part in parts().items():
        if part.shown is not None:
            changed |= part.shown(site) ^ records.get(name, ChromeRecord()).objects
    return changed


class ChromeSplice:
    """Splices parts of the chrome into the built files of a SiteBuild."""

    def __init__(self, build):
        self.build = build
        self.factory = RequestFactory()

    def splice(self, names, skip_urls=()):
        """Render the parts `names` again in every language of the build and write them into
        its HTML files that hold them, but `skip_urls` (rendered whole by this build). Returns
        the outputs to render whole instead: those whose part refers to static files, whose
        used assets only a whole render records. The parts' records are replaced."""
        build = self.build
        selected = [parts()[name] for name in names]
        reads = {part.name: set() for part in selected}
        # Every language of the build, even one whose pages were all rendered whole: the
        # parts' records are made again from what they read.
        by_language = {}
        for output in build.outputs.values():
            if output.path.endswith(".html"):
                outputs = by_language.setdefault(output.language, [])
                if output.url not in skip_urls:
                    outputs.append(output)
        whole = []
        for code, outputs in sorted(by_language.items()):
            fragments = {
                part.name: self._fragments(part, code, outputs, reads) for part in selected
            }
            for output in outputs:
                if not self._splice_output(output, selected, fragments):
                    whole.append(output)
        for name, seen in reads.items():
            build.chrome[name] = _record(seen)
        return whole

    def _fragments(self, part, code, outputs, reads):
        """{url: fragment} for the outputs it differs for (those it links to), and None: the
        fragment of every other page."""
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        neutral = self._render(part, code, f"{prefix}/404.html", reads)
        fragments = {None: neutral}
        links = set(_links(neutral))
        for output in outputs:
            if output.url in links:
                fragments[output.url] = self._render(part, code, output.url, reads)
        return fragments

    def _render(self, part, code, url, reads):
        renderer = self.build.renderer
        request = self.factory.get(url, **renderer.headers)
        request.LANGUAGE_CODE = code
        with Recorder() as recorder, translation.override(code):
            html = render_part(part.name, request, self.build.site)
        reads[part.name] |= recorder.chrome.get(part.name, set())
        return html.encode()

    def _splice_output(self, output, selected, fragments):
        build = self.build
        content = build.read(output.path)
        new = content
        for part in selected:
            fragment = fragments[part.name].get(output.url, fragments[part.name][None])
            start = new.find(part.start_marker.encode())
            end = new.find(part.end_marker.encode(), start)
            if start == -1 or end == -1:
                if output.kind == "redirect":
                    continue  # a redirect's notice shows no chrome
                return False  # built before the markers, or by a template without them

            end += len(part.end_marker)
            if _refers_to_assets(new[start:end]) or _refers_to_assets(fragment):
                return False
            new = new[:start] + fragment + new[end:]
        if new == content:
            return True
        build.write(output.path, new)
        digest = build.files[output.path]
        build.outputs[output.url] = replace(output, hash=digest)
        indexed = build.search_pages.get(output.url)
        if indexed is not None and indexed.hash == output.hash:
            # Pagefind indexed the page's <main>, which the splice left as it was.
            build.search_pages[output.url] = replace(indexed, hash=digest)
        build.spliced.add(output.url)
        return True


def _record(seen):
    pages, objects = set(), set()
    for label, pk in seen:
        if issubclass(apps.get_model(label), Page):
            pages.add(pk)
        else:
            objects.add((label, pk))
    return ChromeRecord(pages, objects)


def _links(fragment):
    return parse_links(fragment.decode()).links


def _refers_to_assets(html):
    return any(prefix in html for prefix in _ASSET_PREFIXES)
