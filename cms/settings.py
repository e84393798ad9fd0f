"""Settings for both sites. Everything that varies between machines comes from the environment,
read here and documented in .env.example. With nothing set, the project runs on SQLite and
Wagtail's database search backend."""

import ipaddress
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE, WASM_UNSAFE_EVAL
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from search.backend_settings import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off (see .env.example).")
    SECRET_KEY = "insecure-key-for-local-debugging-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is required when DEBUG is off (see .env.example)."
        )
    ALLOWED_HOSTS = [".localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The two public sites. load_demo creates a Wagtail Site for each; Wagtail matches requests by host.
SITE_HOSTS = {
    "growingup": os.environ.get("GROWINGUP_HOSTNAME", "growingup.localhost"),
    "generation": os.environ.get("GENERATION_HOSTNAME", "generation.localhost"),
}
# The port of the live sites, and so of every absolute address the project writes: the Wagtail
# Sites load_demo makes (which give feeds, webcal links, sitemaps and canonical links their
# addresses) and the admin's base URL. `make run PORT=8123` sets it for load_demo and
# run_sites; SITE_PORT, when set, wins over PORT (a platform's PORT is the port gunicorn binds
# behind its proxy, not the public one).
SITE_PORT = int(os.environ.get("SITE_PORT") or os.environ.get("PORT") or "8000")
# The port of the local static copies (serve_static, run_sites).
STATIC_PORT = int(os.environ.get("STATIC_PORT") or "8001")

# Order matters to load_demo, which runs each app's demo.py in this order: the sites' home
# pages first, then what goes under them.
INSTALLED_APPS = [
    "cms.core",
    "sites.growingup",
    "sites.generation",
    "cms.programs",
    "cms.events",
    "cms.publishing",
    "cms.editorial",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "csp",
]

MIDDLEWARE = [
    # Outermost, so that every response gets its Content-Security-Policy (cms/security.py).
    "cms.security.ContentSecurityPolicyMiddleware",
    # /healthz answers load balancers on any host and over plain HTTP (cms/health.py).
    "cms.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The admin's static files, from STATIC_ROOT (collectstatic), with far-future caching of
    # the hashed names.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.core.context_processors.site_theme",
            ],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=600, conn_health_checks=True
    )
}
# The embedded database serves the web server and the task workers at once. Transactions take
# the write lock when they begin, so that one that read first never fails to write ("database
# is locked") when another writes meanwhile; writers wait their turn for up to 20 s; with WAL,
# readers never wait for a writer.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English plus the city's ten designated languages. Django does not know Haitian Creole.
LANG_INFO["ht"] = {
    "bidi": False,
    "code": "ht",
    "name": "Haitian Creole",
    "name_local": "Kreyòl ayisyen",
}
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("zh-hant", _("Traditional Chinese")),
    ("ru", _("Russian")),
    ("bn", _("Bengali")),
    ("ht", _("Haitian Creole")),
    ("ko", _("Korean")),
    ("ar", _("Arabic")),
    ("ur", _("Urdu")),
    ("fr", _("French")),
    ("pl", _("Polish")),
]
LANGUAGES_BIDI = ["ar", "ur", "he", "fa"]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/New_York"

# The static builds of the public sites (one folder per site), shared by the web processes and
# the publishing worker.
STATIC_BUILD_DIR = Path(os.environ.get("STATIC_BUILD_DIR", BASE_DIR / "dist"))
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@growingup.localhost")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "NYC family and youth sites"
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://{SITE_HOSTS['growingup']}:{SITE_PORT}"
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Machine translation in the translation editor: off unless MACHINE_TRANSLATOR names a provider.
# Readers see a notice on machine-translated pages until a person reviews them (cms.editorial).
MACHINE_TRANSLATORS = {
    "deepl": {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ.get("DEEPL_API_KEY", ""), "TIMEOUT": 30},
    },
}
MACHINE_TRANSLATOR = os.environ.get("MACHINE_TRANSLATOR", "")
if MACHINE_TRANSLATOR and MACHINE_TRANSLATOR not in MACHINE_TRANSLATORS:
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR must be empty or one of {list(MACHINE_TRANSLATORS)}"
    )
if MACHINE_TRANSLATOR == "deepl" and not os.environ.get("DEEPL_API_KEY"):
    raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY (see .env.example).")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = MACHINE_TRANSLATORS.get(MACHINE_TRANSLATOR)

# Background tasks (indexing, syncs, imports, static rebuilds), queued in the database for
# `manage.py db_worker` processes, so that no editor waits for a rebuild (`make run` starts a
# worker). TASKS_BACKEND=immediate runs them inside the request: for tests only.
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {list(TASKS_BACKENDS)}")
# The static rebuilds have a queue (and a worker) of their own: a publish never waits for a sync.
TASKS_QUEUES = ["default", "publishing"]
# The whole TASKS setting for each backend: load_demo and the tests switch between them.
TASKS_BY_BACKEND = {
    name: {"default": {"BACKEND": backend, "QUEUES": TASKS_QUEUES}}
    for name, backend in TASKS_BACKENDS.items()
}
TASKS = TASKS_BY_BACKEND[TASKS_BACKEND]

# The city's Benefits and Programs dataset on NYC Open Data (Socrata SODA), read by
# `manage.py sync_programs`. An app token lifts the shared per-address rate limit.
SODA_BASE_URL = os.environ.get("SODA_BASE_URL", "https://data.cityofnewyork.us")
SODA_DATASET_ID = os.environ.get("SODA_DATASET_ID", "kvhd-5fmu")
SODA_APP_TOKEN = os.environ.get("SODA_APP_TOKEN", "")

# Search: the database backend, or with ELASTICSEARCH_URL one Elasticsearch backend per locale
# with that language's analyzer (search/backend_settings.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = search_backends(
    ELASTICSEARCH_URL,
    languages=[code for code, _name in LANGUAGES],
    index_prefix=os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "nycfamily_"),
    timeout=int(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
    plugins=env_list("ELASTICSEARCH_PLUGINS"),
)
# Origins of the static sites allowed to call the search API; the API's address for them.
SEARCH_CORS_ORIGINS = env_list("SEARCH_CORS_ORIGINS")
SEARCH_API_URL = os.environ.get("SEARCH_API_URL", "")


# Content-Security-Policy (django-csp, cms/security.py). The public pages load scripts and
# styles only from their own files: no inline script, style or on… attribute. Pagefind, the
# static copy's search, compiles WebAssembly. The static build writes the same policy into
# every page and into `_headers`. The search API may live at another origin (SEARCH_API_URL).
def _origins(*urls):
    return [f"{part.scheme}://{part.netloc}" for url in urls if (part := urlsplit(url)).netloc]


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, WASM_UNSAFE_EVAL],
        "style-src": [SELF],
        "connect-src": [SELF, *_origins(SEARCH_API_URL)],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The admin (under /admin/): Wagtail's screens have inline scripts (some arrive in the HTML of
# its dialogs) and styles, and show image previews from data: and blob: addresses. Nothing else
# loads from elsewhere, and nothing is evaluated from strings.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# No avatars from Gravatar in the admin: editors' addresses stay here, and the policy is shorter.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Clients' addresses, for the rate limits. Behind proxies that append to X-Forwarded-For, trust
# them by address (TRUSTED_PROXIES: addresses or networks) or by count (NUM_PROXIES hops in
# front of the web process). With neither, X-Forwarded-For is ignored: anyone can send it.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an address or network"
        ) from None
NUM_PROXIES = os.environ.get("NUM_PROXIES") or "0"
if not NUM_PROXIES.isdigit():
    raise ImproperlyConfigured(f"NUM_PROXIES must be a number of proxies, not {NUM_PROXIES!r}")
NUM_PROXIES = int(NUM_PROXIES)
# Requests per client address, counted in the cache: to the search API, and to the pages
# rendered afresh for each query string (searches, filtered listings and feeds).
_RATE = re.compile(r"\d+/\d*(s|sec|m|min|h|hour|d|day)")
SEARCH_API_RATE = os.environ.get("SEARCH_API_RATE") or "120/m"
PAGE_QUERY_RATE = os.environ.get("PAGE_QUERY_RATE") or "60/m"
for _name, _rate in [("SEARCH_API_RATE", SEARCH_API_RATE), ("PAGE_QUERY_RATE", PAGE_QUERY_RATE)]:
    if not _RATE.fullmatch(_rate):
        raise ImproperlyConfigured(f"{_name} must be a rate like 120/m, not {_rate!r}")

# Production hardening: secure unless DEBUG. Behind a TLS-terminating proxy, set
# SECURE_PROXY_SSL_HEADER=1 so Django trusts X-Forwarded-Proto.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("SECURE_PROXY_SSL_HEADER"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview shows the page in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail and the tasks framework log every page save and task run at INFO.
    "loggers": {
        name: {"level": os.environ.get("LOG_LEVEL_FRAMEWORK", "WARNING")}
        for name in ("wagtail", "django_tasks", "modelsearch", "wagtail_localize")
    },
}
