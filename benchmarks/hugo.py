"""Hugo, as a reference for what a static-site generator does: a site of plain pages in two
languages, built from Markdown with one small template, timed end to end.

Hugo is not a dependency of the project. Debian packages it (`apt install hugo`); HUGO=/path
names another binary. Without it the figure is left out, and the benchmark says so."""

import os
import shutil
import subprocess
import time
from pathlib import Path

TEMPLATE = """<!doctype html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><nav>{{ range .Site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main>
<footer>{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>
{{ end }}</footer></body></html>
"""

CONFIG = """baseURL = "http://localhost/"
title = "Reference"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS"]
[languages.en]
languageName = "English"
weight = 1
[languages.es]
languageName = "Español"
weight = 2
[[menu.main]]
name = "Home"
url = "/"
"""


def executable():
    return os.environ.get("HUGO") or shutil.which("hugo")


def build(workdir, pages):
    """Build `pages` pages in English and Spanish with Hugo. Returns (pages written, seconds),
    or None when Hugo is not on this machine."""
    hugo = executable()
    if hugo is None:
        return None
    site = Path(workdir) / "hugo"
    (site / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (site / "layouts" / "_default" / name).write_text(TEMPLATE)
    (site / "config.toml").write_text(CONFIG)
    content = site / "content"
    content.mkdir()
    for number in range(pages):
        for code, title in (("en", "Sample page"), ("es", "Página de muestra")):
            (content / f"sample-{number}.{code}.md").write_text(
                f'---\ntitle: "{title} {number}"\n---\n{title} {number} for the scaled build.\n'
            )
    started = time.perf_counter()
    subprocess.run(
        [hugo, "--quiet", "--source", str(site), "--destination", str(site / "public")],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    written = sum(1 for _ in (site / "public").rglob("index.html"))
    return written, seconds
