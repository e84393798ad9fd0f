"""The local static server of `make run`: one folder per host, and a clear answer while the
worker's first build of a site is still running."""

import threading

import pytest
import requests

from cms.publishing.server import make_server


@pytest.fixture
def serve(tmp_path):
    servers = []

    def start(sites):
        server = make_server(sites, 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_site_not_built_yet_answers_503_with_a_page_that_reloads(tmp_path, serve):
    address = serve({"growingup.localhost": tmp_path / "growingup"})

    response = requests.get(f"{address}/es/", headers={"Host": "growingup.localhost"}, timeout=5)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "10"
    assert "being built" in response.text and 'http-equiv="refresh"' in response.text


def test_a_built_site_is_served_and_answers_404_with_its_own_page(tmp_path, serve):
    site = tmp_path / "growingup"
    (site / "es").mkdir(parents=True)
    (site / "index.html").write_text("<p>Home</p>")
    (site / "es/404.html").write_text("<p>No encontrada</p>")
    address = serve({"growingup.localhost": site})
    host = {"Host": "growingup.localhost"}

    assert requests.get(f"{address}/", headers=host, timeout=5).text == "<p>Home</p>"
    missing = requests.get(f"{address}/es/nada/", headers=host, timeout=5)
    assert missing.status_code == 404
    assert "No encontrada" in missing.text
