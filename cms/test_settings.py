"""Settings for the test suite: fast hashing, plain static files, no HTTPS redirects."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", ".localhost,testserver,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from cms.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# No collectstatic before tests: WhiteNoise looks files up per request instead of warning, in
# every test that makes a request, that STATIC_ROOT does not exist.
WHITENOISE_AUTOREFRESH = True
SECURE_SSL_REDIRECT = False
# Tasks run inside the request, so a test sees their effect; tests of the worker switch back.
TASKS = TASKS_BY_BACKEND["immediate"]  # noqa: F405
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
# Never the developer's dist/: tests that build set a folder of their own.
STATIC_BUILD_DIR = VAR_DIR / f"test-dist-{os.getpid()}"  # noqa: F405

# One test database per test run, so that several runs on one machine never share one. On
# SQLite it is a file, not memory: the browser tests' live server thread then has a connection
# of its own, as it would on PostgreSQL.
_database = DATABASES["default"]  # noqa: F405
if _database["ENGINE"] == "django.db.backends.sqlite3":
    _database["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405
else:
    _database["TEST"] = {"NAME": f"test_{_database['NAME']}_{os.getpid()}"}
