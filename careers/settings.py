"""Settings for Next Episode, read from the environment (see README, "Configuration")."""

import os
import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_origin(name: str, default: str) -> str:
    """An absolute http(s) origin such as "https://example.org", without a trailing slash."""
    value = os.environ.get(name) or default
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018 (parsing the port is what validates it)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a valid URL: {value!r}.") from error
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(f"{name} must be an http(s) origin, not {value!r}.")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ImproperlyConfigured(f"{name} must be an origin with no path, not {value!r}.")
    return f"{parts.scheme}://{parts.netloc}"


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_path_prefix(name: str, default: str) -> str:
    """A URL prefix such as "admin/" or "staff/desk/": slug-like segments, each ending in "/"."""
    value = os.environ.get(name) or default
    if not re.fullmatch(r"(?:[\w-]+/)+", value):
        raise ImproperlyConfigured(
            f"{name} must look like 'admin/' or 'staff/desk/' (no leading slash), not {value!r}."
        )
    return value


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=true for local development)."
        )
    SECRET_KEY = "insecure-development-key-never-used-in-production"

# Production stops at start-up rather than guess the addresses it answers on and links to.
for required in ("DJANGO_ALLOWED_HOSTS", "SITE_URL"):
    if not DEBUG and not os.environ.get(required, "").strip():
        raise ImproperlyConfigured(
            f"{required} must be set when DJANGO_DEBUG is off (see README, Configuration)."
        )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The public origin for canonical links, link previews, the sitemap and social cards.
SITE_URL = env_origin("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "careers",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_htmx",
    "simple_history",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "careers.middleware.RequestGuardMiddleware",
    "careers.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Above the compression, so cache hits are stored and served already compressed.
    "careers.page_cache.PublicPageCacheMiddleware",
    # Below the page cache, which must not keep pages drawn while the database was away.
    "careers.database_faults.DatabaseFaultMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # Below the compression, so the ETag is taken from the page itself, not its random padding.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "careers.middleware.admin_privacy",
    # Last, as django-axes asks: it turns a lockout raised during login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "careers.urls"
WSGI_APPLICATION = "careers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careers.context_processors.data_source",
                "careers.context_processors.canonical_url",
                "careers.context_processors.navigation",
                "careers.context_processors.database_notice",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# No request waits long on PostgreSQL (careers/database_faults.py, docs/operations.md): a
# connection is given DJANGO_DB_CONNECT_TIMEOUT seconds (2 at the least, as libpq counts), a
# statement DJANGO_DB_STATEMENT_TIMEOUT (0: no limit, for a long one-off command). After a failed
# check a worker serves its read model for DJANGO_DB_RETRY_SECONDS before it asks again.
DATABASE_CONNECT_TIMEOUT = env_int("DJANGO_DB_CONNECT_TIMEOUT", 2)
DATABASE_STATEMENT_TIMEOUT = env_int("DJANGO_DB_STATEMENT_TIMEOUT", 3)
DATABASE_RETRY_SECONDS = env_int("DJANGO_DB_RETRY_SECONDS", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "connect_timeout": DATABASE_CONNECT_TIMEOUT,
        "options": f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Freeze the read model out of the garbage collector's reach each time it is built
# (careers/read_model.py); tests, which rebuild it thousands of times, turn it off.
GC_FREEZE_READ_MODEL = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# The article every figure on the site comes from; credited on every page.
DATA_SOURCE = {
    "title": "Top 10 Highest-Paying Backend and DevOps Jobs in 2026",
    "author": "Irene Holden",
    "publisher": "Nucamp",
    "updated": date(2026, 1, 15),
}

# Shared by every app server when REDIS_URL is set; per process otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
# The cache is never waited on long: each call gives up after DJANGO_CACHE_TIMEOUT_MS, and after
# a failure Redis is left alone for DJANGO_CACHE_RETRY_SECONDS (careers/cache_backend.py). A late
# reply on a busy machine costs misses until then, never the cached pages.
CACHE_TIMEOUT_SECONDS = env_int("DJANGO_CACHE_TIMEOUT_MS", 250) / 1000
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "careers.cache_backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "next-episode",
            "OPTIONS": {
                "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
                "socket_timeout": CACHE_TIMEOUT_SECONDS,
                "retry_after": env_int("DJANGO_CACHE_RETRY_SECONDS", 5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds a rendered public page stays in the cache; 0 turns the page cache off. Off by default
# without Redis: each worker process would keep pages of its own, and learn of an edit made by
# another worker only when its copy of the data version expires (docs/caching.md).
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)

# Oversized requests get a 400 (careers.middleware.RequestGuardMiddleware checks the address).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
MAX_QUERY_STRING_LENGTH = 2048

# Scripts and styles come only from our own static files: no inline code, no eval.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

if not DEBUG:
    # DJANGO_SECURE_SSL_REDIRECT=false only for plain-http loopback runs (benchmarks, tests);
    # HSTS and secure cookies stay on regardless.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    if env_bool("DJANGO_BEHIND_TLS_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Errors and warnings go to standard error, where the process manager collects them.
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING")
# A refused request (4xx) is one line, without the traceback Django attaches to it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_in_one_line": {"()": "careers.log_filters.ClientErrorsInOneLine"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["client_errors_in_one_line"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False}},
}
# The admin. A prefix of your own keeps drive-by scanners off the login page; see docs/admin.md.
ADMIN_URL = env_path_prefix("DJANGO_ADMIN_URL", "admin/")

# django-axes: five failed logins for one username from one address lock that pair out for
# fifteen minutes (429). It needs `request` in authenticate(), so tests sign in with force_login.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "careers/login_locked.html"
# Behind N proxies that each append to X-Forwarded-For, the client is the Nth address from the
# right; 0 (the default) takes the connection's own address. See README, "Configuration".
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "careers.middleware.client_address"
