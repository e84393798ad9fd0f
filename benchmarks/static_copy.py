"""A static copy for a benchmark: built into a temporary folder, served on a free port of
loopback by the plain file server of `manage.py serve_static`, and gone afterwards."""

import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from cms.publishing.server import make_server


@contextmanager
def served_static_copy(build, prefix="bench-static-"):
    """Yields the port of a server of what `build(folder)` writes into a temporary folder;
    `build` returns the {host: folder} to serve. The server stops and the folder goes when the
    block ends, however it ends."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    server = None
    try:
        server = make_server(build(workdir), 0)
        # The browser may drop a connection it no longer needs (the favicon's).
        server.handle_error = lambda request, address: None
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield server.server_address[1]
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
        shutil.rmtree(workdir, ignore_errors=True)
