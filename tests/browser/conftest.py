"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
import shutil

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.server import seeded_server
from tests.browser.watch import watch_for_errors

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in the
# test body are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# CI runs on a fresh machine that may be busy: an expectation waits up to 10 s (Playwright's
# default is 5 s) before it fails, so a slow response is not mistaken for a missing one.
expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def site(live_server, transactional_db):
    """The live site's base URL, with the article's data loaded."""
    call_command("load_fixtures", verbosity=0)
    return live_server.url


@pytest.fixture(scope="session")
def gate_site():
    """Base URL of one seeded, production-like server shared by the read-only checks."""
    with seeded_server() as base_url:
        yield base_url


@pytest.fixture
def browser_errors(page) -> list[str]:
    """Console errors, uncaught exceptions and CSP violations on `page`, as they happen."""
    return watch_for_errors(page)
