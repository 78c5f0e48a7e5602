import os
import runpy
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

SETTINGS_FILE = django_settings.BASE_DIR / "careers" / "settings.py"
VARIABLES = (
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_PAGE_CACHE_SECONDS",
    "DJANGO_SECURE_SSL_REDIRECT",
    "DJANGO_BEHIND_TLS_PROXY",
    "DJANGO_HSTS_SECONDS",
    "DJANGO_CONN_MAX_AGE",
    "DJANGO_STATIC_ROOT",
    "DJANGO_LOG_LEVEL",
    "DJANGO_ADMIN_URL",
    "DJANGO_CACHE_TIMEOUT_MS",
    "DJANGO_CACHE_RETRY_SECONDS",
    "DJANGO_TRUSTED_PROXY_COUNT",
    "DJANGO_DB_CONNECT_TIMEOUT",
    "DJANGO_DB_STATEMENT_TIMEOUT",
    "DJANGO_DB_RETRY_SECONDS",
    "SITE_URL",
)
PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-production-like-key-9f8e7d6c5b4a39281706f5e4d3c2b1a0-zyxwvutsrq",
    "DJANGO_ALLOWED_HOSTS": "nextepisode.example",
    "SITE_URL": "https://nextepisode.example",
}


@pytest.fixture
def load_settings(monkeypatch):
    """Read careers/settings.py afresh under exactly the given environment."""

    def load(**environment):
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(SETTINGS_FILE))

    return load


def test_debug_is_off_unless_set_to_true(load_settings):
    assert load_settings(**PRODUCTION)["DEBUG"] is False
    assert load_settings(DJANGO_DEBUG="true")["DEBUG"] is True
    assert load_settings(DJANGO_DEBUG="off", **PRODUCTION)["DEBUG"] is False


def test_an_unclear_boolean_is_refused(load_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG must be true or false"):
        load_settings(DJANGO_DEBUG="maybe")


def test_a_missing_secret_key_stops_start_up_with_a_clear_error(load_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY must be set"):
        load_settings(DJANGO_ALLOWED_HOSTS="nextepisode.example")


def test_development_needs_no_variables_but_debug(load_settings):
    loaded = load_settings(DJANGO_DEBUG="true")
    assert loaded["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1"]
    assert loaded["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert str(loaded["DATABASES"]["default"]["NAME"]).endswith("db.sqlite3")
    assert loaded["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert loaded["PAGE_CACHE_SECONDS"] == 0


def test_hosts_and_trusted_origins_are_split_on_commas(load_settings):
    loaded = load_settings(
        **{**PRODUCTION, "DJANGO_ALLOWED_HOSTS": "a.example, b.example,"},
        DJANGO_CSRF_TRUSTED_ORIGINS="https://a.example,https://b.example",
    )
    assert loaded["ALLOWED_HOSTS"] == ["a.example", "b.example"]
    assert loaded["CSRF_TRUSTED_ORIGINS"] == ["https://a.example", "https://b.example"]


def test_database_url_selects_postgresql(load_settings):
    loaded = load_settings(**PRODUCTION, DATABASE_URL="postgres://app:pw@db.internal:5432/careers")
    database = loaded["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == (
        "db.internal",
        "careers",
        "app",
    )
    assert database["CONN_HEALTH_CHECKS"] is True
    # A few seconds at most for a connection and for a statement, by default.
    assert database["OPTIONS"] == {"connect_timeout": 2, "options": "-c statement_timeout=3000"}
    assert loaded["DATABASE_RETRY_SECONDS"] == 5


def test_database_timeouts_come_from_the_environment(load_settings):
    loaded = load_settings(
        **PRODUCTION,
        DATABASE_URL="postgres://app@db.internal:5432/careers?sslmode=require",
        DJANGO_DB_CONNECT_TIMEOUT="5",
        DJANGO_DB_STATEMENT_TIMEOUT="0",
        DJANGO_DB_RETRY_SECONDS="30",
    )
    assert loaded["DATABASES"]["default"]["OPTIONS"] == {
        "sslmode": "require",
        "connect_timeout": 5,
        "options": "-c statement_timeout=0",
    }
    assert (loaded["DATABASE_STATEMENT_TIMEOUT"], loaded["DATABASE_RETRY_SECONDS"]) == (0, 30)


def test_redis_url_selects_the_shared_cache_and_turns_on_the_page_cache(load_settings):
    loaded = load_settings(**PRODUCTION, REDIS_URL="redis://cache.internal:6379/0")
    cache = loaded["CACHES"]["default"]
    assert cache["BACKEND"] == "careers.cache_backend.ResilientRedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/0"
    assert loaded["PAGE_CACHE_SECONDS"] == 600


def test_cache_calls_are_bounded_in_a_quarter_second(load_settings):
    """Long enough that a busy machine's late reply is rare, short enough that a hung Redis,
    called once per retry interval, costs one request a quarter second."""
    options = load_settings(**PRODUCTION, REDIS_URL="redis://cache.internal:6379/0")["CACHES"][
        "default"
    ]["OPTIONS"]
    assert options["socket_timeout"] == options["socket_connect_timeout"] == 0.25
    assert options["retry_after"] == 5


@pytest.mark.parametrize("missing", ["DJANGO_ALLOWED_HOSTS", "SITE_URL"])
def test_production_stops_without_its_hosts_or_public_address(load_settings, missing):
    environment = {name: value for name, value in PRODUCTION.items() if name != missing}
    with pytest.raises(ImproperlyConfigured, match=f"{missing} must be set"):
        load_settings(**environment)
    assert load_settings(DJANGO_DEBUG="true")["SITE_URL"] == "http://127.0.0.1:8000"


def test_a_non_number_is_refused_where_a_number_is_expected(load_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_PAGE_CACHE_SECONDS must be a whole"):
        load_settings(**PRODUCTION, DJANGO_PAGE_CACHE_SECONDS="ten")


def test_production_turns_on_https_only_cookies_and_hsts(load_settings):
    loaded = load_settings(**PRODUCTION)
    assert loaded["SECURE_SSL_REDIRECT"] is True
    assert loaded["SECURE_HSTS_SECONDS"] == 31_536_000
    assert loaded["SESSION_COOKIE_SECURE"] and loaded["CSRF_COOKIE_SECURE"]
    assert "SECURE_PROXY_SSL_HEADER" not in loaded


def test_production_serves_hashed_compressed_static_files_through_whitenoise(load_settings):
    loaded = load_settings(**PRODUCTION)
    storage = loaded["STORAGES"]["staticfiles"]["BACKEND"]
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_a_loopback_run_may_turn_off_only_the_https_redirect(load_settings):
    loaded = load_settings(**PRODUCTION, DJANGO_SECURE_SSL_REDIRECT="false")
    assert loaded["SECURE_SSL_REDIRECT"] is False
    assert loaded["SESSION_COOKIE_SECURE"] and loaded["SECURE_HSTS_SECONDS"]


def test_behind_a_tls_proxy_the_forwarded_scheme_is_trusted(load_settings):
    loaded = load_settings(**PRODUCTION, DJANGO_BEHIND_TLS_PROXY="true")
    assert loaded["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")


def test_check_deploy_reports_nothing_under_production_settings():
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "careers.settings",
        **PRODUCTION,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
