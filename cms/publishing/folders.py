"""Where builds are written, and how one goes live.

A build writes into a folder of its own under `<output>/.builds/`; once it has passed its
checks, the site's folder `<output>/<site key>` is pointed at it with an atomic symlink swap:
readers see the old output or the new one, never a mix. A build that fails is deleted and the
live output stays as it was, byte for byte. One build of a site runs at a time (a lock file in
`.builds/`): two at once would each miss the other's changes.

A build of part of a site (an incremental rebuild, some languages, the search index) starts
from the live build's files. Hard-linking the whole live tree into a new folder takes a folder
and a link per file: seconds on a site of ten thousand pages. So each site keeps a standby
tree: the build the live one replaced, and a note (`.builds/<site>.standby.json`) of the files
in which the two differ. A partial build takes the standby over (the note is deleted first),
links in the live build's versions of those few files, writes what it renders, and swaps in;
the build it replaced becomes the next standby. A first build, which replaces nothing, links
a copy of itself as the standby. A build that fails or dies leaves no note, and the next
partial build links the whole live tree again.

Hard links are safe because no file of a build is ever written in place: a build writes a new
file and renames it over the old one, so a file shared with the live build never changes."""

import fcntl
import json
import os
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

BUILDS_DIR = ".builds"
STANDBY_NOTE = ".standby.json"


def default_output_root():
    """The folder holding every site's live build (settings.STATIC_BUILD_DIR, or dist/)."""
    return Path(getattr(settings, "STATIC_BUILD_DIR", settings.BASE_DIR / "dist"))


def live_dir(output_root, site_key):
    """The folder a site's public copy is read from: a link to its live build."""
    return Path(output_root) / site_key


@contextmanager
def site_lock(output_root, site_key):
    """Held from reading a site's live build to swapping in the next one, so that builds of
    a site run one after the other."""
    builds = Path(output_root) / BUILDS_DIR
    builds.mkdir(parents=True, exist_ok=True)
    with open(builds / f"{site_key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


class BuildFolders:
    """The build folders of one site: a new build's folder, the standby tree, the swap."""

    def __init__(self, output_root, site_key):
        self.output_root = Path(output_root)
        self.site_key = site_key
        self.builds = self.output_root / BUILDS_DIR
        self.live = live_dir(self.output_root, site_key)
        self.standby_note = self.builds / f"{site_key}{STANDBY_NOTE}"

    def prepare(self, live_files=None):
        """A folder for a new build: empty, or, for a build on top of the live one (whose files
        are `live_files`, {path: hash}), holding the live build's files."""
        self.builds.mkdir(parents=True, exist_ok=True)
        if live_files is None:
            return self._new_folder()
        live = self.live.resolve()
        folder = self._take_standby(live, live_files)
        if folder is None:
            folder = self._new_folder()
            link_files(live, folder, live_files)
        return folder

    def swap_in(self, folder, files, replaced_files):
        """Make the build in `folder` (its files `files`) the live one. `replaced_files` are
        the files of the live build it replaces (None when there is none, or they are not
        known): that build becomes the standby tree."""
        link = self.live
        if link.exists() and not link.is_symlink():
            # A folder left by something else (a copy, an older layout): keep it aside.
            link.rename(self.builds / f"{self.site_key}-replaced-{time.time_ns()}")
        previous = link.resolve() if link.is_symlink() else None
        if previous is None or not previous.is_dir():
            replaced_files = None
        standby = self._note_standby(folder, files, previous, replaced_files)
        # Older builds go, in the background: a rebuild need not wait for thousands of folders
        # to be deleted. Listed before the swap: nothing after it may fail.
        old = [
            path
            for path in self.builds.glob(f"{self.site_key}-*")
            if path not in (folder, standby, previous)
        ]
        swap = self.output_root / f".{self.site_key}.swap"
        swap.unlink(missing_ok=True)
        os.symlink(Path(BUILDS_DIR) / folder.name, swap)
        os.replace(swap, link)
        if old:
            threading.Thread(target=_remove_folders, args=(old,)).start()

    def discard(self, folder):
        """Delete a build that will not go live."""
        shutil.rmtree(folder, ignore_errors=True)

    def _new_folder(self):
        folder = Path(tempfile.mkdtemp(prefix=f"{self.site_key}-", dir=self.builds))
        folder.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        return folder

    def _take_standby(self, live, live_files):
        """The standby tree, brought up to the live build, or None when there is none to
        take. The note goes first: whatever becomes of this build, no other starts from it."""
        try:
            note = json.loads(self.standby_note.read_text())
            self.standby_note.unlink()
            name, based_on, differs = note["build"], note["live"], note["differs"]
        except (OSError, ValueError, KeyError):
            return None
        folder = self.builds / name
        if based_on != live.name or name == live.name or not folder.is_dir():
            return None  # a note from before another build was swapped in
        for path in differs:
            if path not in live_files:
                remove_file(folder, path)
        for path in differs:
            if path in live_files:
                target = f"{folder}/{path}"
                try:
                    os.unlink(target)
                except FileNotFoundError:  # a file new to the live build, maybe in a new folder
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(f"{live}/{path}", target)
        return folder

    def _note_standby(self, folder, files, previous, replaced_files):
        """Keep the build about to be replaced (a reader may still be in it) for the next
        partial build to start from, noting the files in which it differs from this one; a
        first build links a copy of itself. Returns the standby folder."""
        if replaced_files is None:
            standby = self._new_folder()
            link_files(folder, standby, files)
            replaced_files = files
        else:
            standby = previous
        differs = [
            path
            for path in sorted(replaced_files.keys() | files.keys())
            if replaced_files.get(path) != files.get(path)
        ]
        note = {"build": standby.name, "live": folder.name, "differs": differs}
        written = self.standby_note.with_name(f".{self.standby_note.name}.tmp")
        written.write_text(json.dumps(note))
        os.replace(written, self.standby_note)
        return standby


def link_files(source, target, paths):
    """Hard links in `target` to the files `paths` of `source`. Thousands of files on a big
    site: each folder made once, parents first, and plain string paths."""
    folders = set()
    for path in paths:
        folder = path.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    for folder in sorted(folders):
        os.mkdir(f"{target}/{folder}")
    for path in paths:
        os.link(f"{source}/{path}", f"{target}/{path}")


def remove_file(root, path):
    """Delete a file of a build and the folders that it leaves empty (a static server would
    list an empty folder where a page was)."""
    try:
        os.unlink(f"{root}/{path}")
    except FileNotFoundError:
        pass
    folder = path.rpartition("/")[0]
    while folder:
        try:
            os.rmdir(f"{root}/{folder}")
        except OSError:  # not empty
            return
        folder = folder.rpartition("/")[0]


def _remove_folders(folders):
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
