"""The Nu Html Checker finds no error on any page, htmx fragment or stylesheet.

The checker starts Java once for the whole set (about 3 s), so one module fixture saves every
page to a folder and checks them all; each test then reads its own file's messages.
"""

import json
import re
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, RequestFactory
from django.views import defaults

from careers import database_faults
from tests.browser.gate_data import record_a_reverted_pay_edit
from tests.pages import FRAGMENTS, PAGES, page_ids

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"
# A stylesheet that does not parse loses every rule after the error, silently.
STYLESHEETS = sorted((ROOT / "static/css").glob("*.css"))
# htmx attributes are not HTML; the checker's own filter drops exactly that message.
HTMX_ATTRIBUTES = r".*Attribute .hx-[a-z-]+. not allowed.*"
FRAGMENT_DOCUMENT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main>{body}</main></body></html>
"""
ERROR_PAGES = {
    "error-400": lambda request: defaults.bad_request(request, SuspiciousOperation()),
    "error-403": lambda request: defaults.permission_denied(request, PermissionDenied()),
    "error-500": defaults.server_error,
    "error-503": lambda request: database_faults.unavailable(request, "a test"),
}
# htmx takes a <title> out of a swapped fragment and sets the page's title with it.
FRAGMENT_TITLE = re.compile(r"\s*<title>(?P<title>.*?)</title>", re.DOTALL)
# The module-scoped seed needs the test database, which pytest-django creates for marked tests.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def checker_errors(seed_once, django_db_blocker, tmp_path_factory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("html")
    with django_db_blocker.unblock():
        record_a_reverted_pay_edit()  # rolled back with the seed when the module ends
        save_pages(folder)
        save_fragments(folder)
        save_error_pages(folder)
    return run_checker(folder)


def save_pages(folder: Path) -> None:
    client = Client()
    for page in PAGES:
        response = client.get(page.path)
        assert response.status_code == page.status, page.path
        (folder / f"{page.name}.html").write_bytes(response.content)


def save_error_pages(folder: Path) -> None:
    """The pages Django's own error handlers render, which no address in the registry reaches."""
    request = RequestFactory().get("/")
    for name, handler in ERROR_PAGES.items():
        (folder / f"{name}.html").write_bytes(handler(request).content)


def save_fragments(folder: Path) -> None:
    client = Client(headers={"HX-Request": "true"})
    for fragment in FRAGMENTS:
        response = client.get(fragment.path, headers=fragment.headers)
        assert response.status_code == 200, fragment.path
        (folder / f"{fragment.name}.html").write_text(as_document(response.text))


def as_document(fragment: str) -> str:
    title = FRAGMENT_TITLE.match(fragment)
    if title:
        return FRAGMENT_DOCUMENT.format(title=title["title"], body=fragment[title.end() :])
    return FRAGMENT_DOCUMENT.format(title="Fragment", body=fragment)


def run_checker(folder: Path) -> dict[str, list[str]]:
    if not VNU_JAR.exists():
        pytest.fail("The Nu Html Checker is missing: run `make tools`.")
    files = [str(path) for path in (*sorted(folder.glob("*.html")), *STYLESHEETS)]
    completed = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--also-check-css",
            "--format",
            "json",
            "--stdout",
            "--filterpattern",
            HTMX_ATTRIBUTES,
            *files,
        ],
        capture_output=True,
        text=True,
    )
    errors: dict[str, list[str]] = {Path(file).name: [] for file in files}
    for message in json.loads(completed.stdout)["messages"]:
        name = Path(message.get("url", "unknown")).name
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(
            f"{where}: {message['message']} {message.get('extract', '')!r}"
        )
    return errors


@pytest.mark.parametrize("site_page", PAGES, ids=page_ids(PAGES))
def test_page_is_valid_html(checker_errors, site_page):
    errors = checker_errors[f"{site_page.name}.html"]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("fragment", FRAGMENTS, ids=page_ids(FRAGMENTS))
def test_htmx_fragment_is_valid_html_in_a_document(checker_errors, fragment):
    errors = checker_errors[f"{fragment.name}.html"]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("name", ERROR_PAGES)
def test_error_page_is_valid_html(checker_errors, name):
    errors = checker_errors[f"{name}.html"]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=[path.name for path in STYLESHEETS])
def test_stylesheet_is_valid_css(checker_errors, stylesheet):
    errors = checker_errors[stylesheet.name]
    assert not errors, "\n".join(errors)
