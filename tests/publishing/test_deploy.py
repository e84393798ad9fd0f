"""Deploying uploads only what changed and removes what is gone, to a folder or a bucket."""

import io

import fsspec
import pytest
from django.core.management import call_command

from cms.publishing.deploy import deploy
from cms.publishing.incremental import Changes, rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def deployed(content, build, tmp_path):
    site_dir = build().output_dir
    target = tmp_path / "public"
    first = deploy(site_dir, target)
    return {"site_dir": site_dir, "target": target, "first": first, **content}


def test_first_deploy_uploads_every_file_and_a_second_uploads_none(deployed):
    assert "es/about/index.html" in deployed["first"].uploaded
    assert (deployed["target"] / "es/about/index.html").read_bytes() == (
        deployed["site_dir"] / "es/about/index.html"
    ).read_bytes()

    again = deploy(deployed["site_dir"], deployed["target"])

    assert again.uploaded == [] and again.removed == []
    assert again.unchanged == len(deployed["first"].uploaded)


def test_deploy_after_a_rebuild_sends_the_changed_files_and_removes_gone_ones(deployed):
    about = deployed["about"]
    about.unpublish()
    rebuild(Changes(pages={about.pk}))

    report = deploy(deployed["site_dir"], deployed["target"])

    assert {"about/index.html", "es/about/index.html"} <= set(report.removed)
    assert "index.html" in report.uploaded  # its menu lost the link
    assert "static/core/base.css" not in " ".join(report.uploaded)
    assert not (deployed["target"] / "about/index.html").exists()


def test_deploy_to_a_bucket_url_goes_through_fsspec(deployed):
    memory = fsspec.filesystem("memory")
    memory.store.clear()

    report = deploy(deployed["site_dir"], "memory://bucket/growingup")

    assert (
        memory.cat_file("/bucket/growingup/es/about/index.html")
        == (deployed["site_dir"] / "es/about/index.html").read_bytes()
    )
    assert len(report.uploaded) == len(deployed["first"].uploaded)
    memory.store.clear()


def test_deploy_static_command_deploys_each_built_site(content, build, output_root, tmp_path):
    build("growingup")
    out = io.StringIO()

    call_command("deploy_static", str(tmp_path / "public"), "--site", "growingup", stdout=out)

    assert (tmp_path / "public/growingup/ar/index.html").is_file()
    assert "uploaded, 0 removed" in out.getvalue()
