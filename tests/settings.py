"""Test settings: production settings with a throwaway key and fast password hashing."""

import os

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-never-deployed"
)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

from careers.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A full collection on each of the suite's thousands of read model builds would cost minutes;
# tests/test_read_model.py turns it on to check it.
GC_FREEZE_READ_MODEL = False
# The live server used by browser tests finds static files through the finders,
# which cannot resolve manifest-hashed names.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from static/ without a collectstatic step.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The test client speaks plain http; tests that need https ask for it (`secure=True`).
SECURE_SSL_REDIRECT = False
# Pages are cached as in production, in a cache each test starts empty (tests/conftest.py).
PAGE_CACHE_SECONDS = 600
if REDIS_URL:  # noqa: F405
    # Several suites may share one Redis and one PostgreSQL server: keep this run's keys and
    # test database apart from theirs.
    CACHES["default"]["KEY_PREFIX"] = f"tests-{os.getpid()}"  # noqa: F405
    # On a busy shared machine a 50 ms call can run late, and the back-off would then turn the
    # cache off for seconds in the middle of a test about caching. tests/test_cache_faults.py
    # sets production's bounds itself.
    CACHES["default"]["OPTIONS"] |= {"socket_timeout": 1.0, "socket_connect_timeout": 1.0}  # noqa: F405
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_careers_{os.getpid()}"}  # noqa: F405
    # Two suites on one busy machine can slow a statement (creating the test database, a bulk
    # insert of 1,000 roles) past production's 3 s. tests/test_database_faults.py and the fault
    # tests with gunicorn set production's bounds themselves.
    DATABASE_STATEMENT_TIMEOUT = 30
    DATABASES["default"]["OPTIONS"]["options"] = "-c statement_timeout=30000"  # noqa: F405
