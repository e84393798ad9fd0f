"""A SiteBuild swaps in when its block ends well, and leaves no trace when it does not."""

import pytest

from cms.core.sites import site_for_key
from cms.publishing.build import SiteBuild
from cms.publishing.folders import BUILDS_DIR
from cms.publishing.manifest import load_manifest
from cms.publishing.search_plan import SearchIndexPlan

pytestmark = pytest.mark.django_db


def build_folders(output_root):
    return {path.name for path in (output_root / BUILDS_DIR).iterdir() if path.is_dir()}


def partial_build(output_root):
    previous = load_manifest(output_root, "growingup")
    return SiteBuild(
        site_for_key("growingup"), output_root, previous, search=SearchIndexPlan.none()
    )


def test_a_block_that_raises_deletes_the_build_and_keeps_the_live_one(content, build, output_root):
    live = build().output_dir.resolve()
    folders = build_folders(output_root)

    with pytest.raises(ValueError), partial_build(output_root) as site_build:
        site_build.write("about/index.html", b"half a page")
        raise ValueError("stopped")

    assert not site_build.dir.exists()
    assert (output_root / "growingup").resolve() == live
    assert b"half a page" not in (live / "about/index.html").read_bytes()
    # The standby tree it had taken over is gone with it; the live build stays.
    assert build_folders(output_root) == folders - {site_build.dir.name}
    assert live.name in build_folders(output_root)


def test_a_finished_block_swaps_the_build_in(content, build, output_root):
    old = build().output_dir.resolve()

    with partial_build(output_root) as site_build:
        site_build.finish(verify_urls=set())

    assert (output_root / "growingup").resolve() == site_build.dir
    assert site_build.dir != old
    assert load_manifest(output_root, "growingup").files == site_build.files


def test_a_block_that_ends_without_finishing_is_not_swapped_in(content, build, output_root):
    live = build().output_dir.resolve()

    with pytest.raises(RuntimeError), partial_build(output_root) as site_build:
        pass

    assert not site_build.dir.exists()
    assert (output_root / "growingup").resolve() == live
