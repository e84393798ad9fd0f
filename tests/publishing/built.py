"""What a build wrote, to compare two builds byte for byte."""

from pathlib import Path

from cms.publishing.manifest import MANIFEST


def files_of(folder, manifest=True, search_index=True):
    """{path relative to `folder`: bytes} of every file under it (a site's live folder is a
    link: it is followed), without the build's manifest or its Pagefind index when asked."""
    folder = Path(folder).resolve()
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and (manifest or path.name != MANIFEST)
        and (search_index or not path.parts[-2].startswith("pagefind"))
    }
