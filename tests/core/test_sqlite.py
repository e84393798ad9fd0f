"""The embedded SQLite database of `make run` serves the web server and the task workers at
once: a publish must wait for a worker's write, never fail with "database is locked"."""

import threading

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper


def connect(path):
    config = {**settings.DATABASES["default"], "ENGINE": "django.db.backends.sqlite3"}
    config.update(NAME=str(path), OPTIONS=getattr(settings, "SQLITE_OPTIONS", {}), TEST={})
    connection = DatabaseWrapper(config)
    connection.ensure_connection()
    return connection


@pytest.fixture(autouse=True)
def own_databases(django_db_blocker):
    # Files of the test's own, not the test database.
    with django_db_blocker.unblock():
        yield


def begin(connection):
    # What transaction.atomic() starts on SQLite, with the settings' transaction mode.
    connection._start_transaction_under_autocommit()


def test_a_write_waits_for_a_transaction_that_read_first_then_writes(tmp_path):
    """A worker's transaction reads (its next task), then writes (marks it running); an editor's
    publish writes meanwhile. SQLite's default deferred transactions make the worker's upgrade
    from reader to writer fail at once with "database is locked"."""
    path = tmp_path / "db.sqlite3"
    setup = connect(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE task (id INTEGER PRIMARY KEY, status TEXT)")
        cursor.execute("INSERT INTO task (status) VALUES ('ready')")
    setup.close()

    worker_read, errors = threading.Event(), []

    def publish():
        worker_read.wait()
        editor = connect(path)
        try:
            begin(editor)
            with editor.cursor() as cursor:
                cursor.execute("INSERT INTO task (status) VALUES ('ready')")
                cursor.execute("COMMIT")
        except Exception as error:
            errors.append(error)
        finally:
            editor.close()

    editor_thread = threading.Thread(target=publish)
    editor_thread.start()
    worker = connect(path)
    try:
        begin(worker)
        with worker.cursor() as cursor:
            cursor.execute("SELECT id FROM task WHERE status = 'ready'")
            worker_read.set()
            editor_thread.join(0.5)  # the editor's write is under way
            cursor.execute("UPDATE task SET status = 'running' WHERE id = 1")
            cursor.execute("COMMIT")
    finally:
        worker.close()
    editor_thread.join()

    assert errors == []
    check = connect(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT status FROM task ORDER BY id")
        assert [row[0] for row in cursor.fetchall()] == ["running", "ready"]
    check.close()
