"""Settings come from the environment, and the gates of `make test` fail when they should.
Each case runs Django in a fresh process, as a deploy or CI would."""

import os
import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from cms.core.management.commands.compilemessages import placeholder_errors

ROOT = Path(__file__).resolve().parents[2]


# What the test settings put in this process's environment must not leak into the child.
TEST_VARIABLES = {
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def clean_env(**env):
    base = {k: v for k, v in os.environ.items() if k not in TEST_VARIABLES}
    return {**base, "DJANGO_SETTINGS_MODULE": "cms.settings", **env}


def django(code, **env):
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=clean_env(**{"DEBUG": "1", **env}),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_nothing_set_means_sqlite_and_database_search():
    result = django(
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "search.backends.database",
    ]


def test_database_and_elasticsearch_urls_switch_to_the_real_servers():
    result = django(
        "from django.conf import settings as s; es = s.WAGTAILSEARCH_BACKENDS['default'];"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'],"
        " es['BACKEND'], es['URLS'][0])",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/families",
        ELASTICSEARCH_URL="http://127.0.0.1:9200",
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "families",
        "search.backends.elasticsearch",
        "http://127.0.0.1:9200",
    ]


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_debug_off_requires_secret_key_and_allowed_hosts(missing):
    env = {"DEBUG": "0", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "growingup.example.org"}
    env[missing] = ""
    result = django("pass", **env)
    assert result.returncode != 0
    assert f"{missing} is required when DEBUG is off" in result.stderr


def test_debug_is_off_unless_asked():
    result = django(
        "from django.conf import settings as s; print(s.DEBUG)",
        DEBUG="",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="growingup.example.org",
    )
    assert result.stdout.strip() == "False"


def test_deploy_check_is_clean_with_debug_off():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean_env(
            DEBUG="0", SECRET_KEY="k3y-" + "Zq9!" * 15, ALLOWED_HOSTS="growingup.example.org"
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_makemigrations_check_fails_on_a_model_change_without_a_migration():
    unchanged = django(
        "from django.core.management import call_command;"
        " call_command('makemigrations', '--check', '--dry-run')"
    )
    changed = django(
        "from django.db import models; from cms.core.models import AlertBanner;"
        "models.CharField(max_length=10, default='').contribute_to_class(AlertBanner, 'colour');"
        "from django.core.management import call_command;"
        " call_command('makemigrations', '--check', '--dry-run')"
    )
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    assert changed.returncode == 1
    assert "Add field colour to alertbanner" in changed.stdout


def test_translation_gate_catches_a_broken_placeholder(tmp_path):
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="Hello %(name)s", msgstr="Hola %(nombre)s"))
    catalogue.append(polib.POEntry(msgid="Call 311", msgstr="Llame al 311"))
    path = tmp_path / "django.po"
    catalogue.save(str(path))

    errors = placeholder_errors(path)

    assert len(errors) == 1 and "Hello %(name)s" in errors[0]


def test_every_interface_string_is_translated_in_every_language():
    catalogues = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
    assert len(catalogues) == 10
    for path in catalogues:
        untranslated = [e.msgid for e in polib.pofile(str(path)) if not e.translated()]
        assert untranslated == [], path
        assert placeholder_errors(path) == []


def test_env_example_documents_every_variable_the_settings_read():
    source = (ROOT / "cms" / "settings.py").read_text()
    read = set(re.findall(r'(?:environ\.get|env_bool|env_list)\(\s*"([A-Z_]+)"', source))
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "no variables found: the pattern no longer matches settings.py"
    assert read - documented == set()
