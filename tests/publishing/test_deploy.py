"""Deploying uploads only what changed and removes what is gone, to a folder or a bucket."""

import io
import json

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


def test_the_files_that_name_others_go_up_after_them(deployed):
    uploaded = deployed["first"].uploaded
    last_asset = max(
        uploaded.index(path) for path in uploaded if path.startswith(("static/", "pagefind/index/"))
    )
    for path in ("index.html", "pagefind/pagefind-entry.json", "pagefind/recent.json"):
        assert uploaded.index(path) > last_asset
    metas = [uploaded.index(path) for path in uploaded if path.endswith(".pf_meta")]
    assert metas and max(metas) < uploaded.index("pagefind/pagefind-entry.json")


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


@pytest.fixture(scope="module")
def s3_server():
    """A fake S3 on loopback (moto's server mode), reached through s3fs as a real bucket is."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, monkeypatch):
    """The variables deploy_static documents for an S3-compatible store, and a bucket there."""
    import s3fs

    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_server)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    s3fs.S3FileSystem.clear_instance_cache()
    s3 = s3fs.S3FileSystem()
    s3.mkdir("static-sites")
    yield s3
    s3.rm("static-sites", recursive=True)
    s3fs.S3FileSystem.clear_instance_cache()


def test_deploy_to_s3_sends_only_changed_files_and_deletes_gone_ones(deployed, bucket):
    site_dir = deployed["site_dir"]
    first = deploy(site_dir, "s3://static-sites/growingup")
    files = json.loads((site_dir / "build-manifest.json").read_text())["files"]

    assert sorted(first.uploaded) == sorted(files)
    assert (
        bucket.cat_file("static-sites/growingup/es/about/index.html")
        == (site_dir / "es/about/index.html").read_bytes()
    )
    assert bucket.info("static-sites/growingup/index.html")["ContentType"] == "text/html"

    # Pages are asked for again on each visit; files named by their hash are kept a year.
    def cache_control(path):
        head = bucket.call_s3("head_object", Bucket="static-sites", Key=f"growingup/{path}")
        return head["CacheControl"]

    assert cache_control("index.html") == "no-cache"
    asset = next(path for path in files if path.startswith("static/"))
    assert cache_control(asset) == "public, max-age=31536000, immutable"

    deployed["about"].unpublish()
    rebuild(Changes(pages={deployed["about"].pk}))
    second = deploy(site_dir, "s3://static-sites/growingup")
    now = json.loads((site_dir / "build-manifest.json").read_text())["files"]

    changed = {path for path, digest in now.items() if files.get(path) != digest}
    assert set(second.uploaded) == changed and "index.html" in changed
    assert set(second.removed) == set(files) - set(now)
    assert {"about/index.html", "es/about/index.html"} <= set(second.removed)
    assert not bucket.exists("static-sites/growingup/about/index.html")
    deployed_keys = {
        path.removeprefix("static-sites/growingup/")
        for path in bucket.find("static-sites/growingup")
    }
    assert deployed_keys == set(now) | {".deployed.json"}
