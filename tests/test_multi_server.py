"""Two app servers share one PostgreSQL and one Redis: an admin edit on one shows on the other.

Nothing here touches the test database: the servers run the production settings against a
database of their own, and this module talks to them over HTTP only, as a browser would.
"""

import http.client
import os
import re
import socket
import urllib.parse
from html.parser import HTMLParser
from http.cookies import SimpleCookie

import psycopg
import pytest

from tests import servers

pytestmark = [
    pytest.mark.multi_server,
    pytest.mark.skipif(
        not (servers.postgres_reachable() and servers.redis_reachable()),
        reason="needs PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379",
    ),
]

ROLE = "senior-backend-go-rust"  # tenth in the article's ranking
PASSWORD = "a-long-pass-phrase-for-the-test"


class Browser:
    """Just enough of a browser: keeps cookies (Secure ones too, on loopback) and posts forms."""

    def __init__(self, base_url: str):
        self.address = urllib.parse.urlsplit(base_url).netloc
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection(self.address, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        content = response.read().decode()
        connection.close()
        return response.status, response.headers, content

    def get(self, path: str) -> str:
        status, _, content = self.request("GET", path)
        assert status == 200, (path, status)
        return content

    def submit(self, path: str, form_id: str, **changes: str) -> tuple[int, str]:
        """Post a form on the page back as it stands, with `changes`."""
        form = FormFields(form_id)
        form.feed(self.get(path))
        status, headers, content = self.request("POST", path, {**form.values, **changes})
        assert status == 302, re.findall(r'<ul class="errorlist[^"]*".*?</ul>', content)
        return status, headers.get("Location", "")


class FormFields(HTMLParser):
    """The values a browser would submit from the form with the given id."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.values: dict[str, list[str]] = {}
        self.in_form = False
        self.select: str | None = None
        self.textarea: str | None = None

    def add(self, name: str | None, value: str) -> None:
        if name and self.in_form:
            self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        elif tag == "input" and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") not in {"checkbox", "radio"} or "checked" in attrs:
                self.add(attrs.get("name"), attrs.get("value") or "")
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value") or "")
        elif tag == "textarea":
            self.textarea = attrs.get("name")
            self.add(self.textarea, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.in_form:
            self.values[self.textarea][-1] += data.removeprefix("\n")


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    """Two gunicorn servers on one fresh PostgreSQL database and the local Redis."""
    with servers.postgres_database(f"careers_multi_server_{os.getpid()}") as database_url:
        environment = servers.production_environment(
            DATABASE_URL=database_url,
            REDIS_URL=servers.REDIS_URL,
            DJANGO_STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
            DJANGO_SUPERUSER_PASSWORD=PASSWORD,
        )
        servers.manage(environment, "migrate", "--no-input")
        servers.manage(environment, "load_fixtures")
        servers.manage(environment, "collectstatic", "--no-input")
        servers.manage(
            environment, "createsuperuser", "--no-input", "--username=editor", "--email=e@x.example"
        )
        with servers.gunicorn(environment) as first, servers.gunicorn(environment) as second:
            yield first, second, database_url


def role_id(database_url: str) -> int:
    with psycopg.connect(database_url) as connection:
        row = connection.execute("SELECT id FROM careers_role WHERE slug = %s", [ROLE]).fetchone()
    return row[0]


def log_in(browser: Browser) -> None:
    _, location = browser.submit(
        "/admin/login/?next=/admin/", "login-form", username="editor", password=PASSWORD
    )
    assert location == "/admin/"


def test_a_salary_changed_on_one_server_shows_at_once_on_the_other(two_servers):
    first, second, database_url = two_servers
    reader = Browser(second)
    assert "#10 of the Top 10" in reader.get(f"/roles/{ROLE}/")
    listing_before = reader.get("/")
    assert listing_before == reader.get("/")  # now cached on the second server's side too

    editor = Browser(first)
    log_in(editor)
    change_form = f"/admin/careers/role/{role_id(database_url)}/change/"
    editor.submit(change_form, "role_form", total_min="900000", total_max="1000000", _save="Save")

    role_page = reader.get(f"/roles/{ROLE}/")
    assert "$900,000 – $1,000,000" in role_page
    assert "#1 of the Top 10" in role_page
    listing = reader.get("/")
    first_role = re.search(r'href="/roles/([a-z0-9-]+)/"', listing).group(1)
    assert first_role == ROLE


def test_the_servers_send_hashed_compressed_immutable_static_files(two_servers):
    first, _, _ = two_servers
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', Browser(first).get("/"))
    assert stylesheet, "the page links the hashed stylesheet"
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(first).netloc, timeout=30)
    connection.request("GET", stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    connection.close()


@pytest.mark.parametrize(
    "request_line",
    [b"GET /roles/\xff\xfe/ HTTP/1.1", b"GET /?q=\xff%00 HTTP/1.1", b"GET /?" + b"a" * 9000],
)
def test_a_real_server_answers_raw_hostile_requests_with_a_4xx(two_servers, request_line):
    address = urllib.parse.urlsplit(two_servers[0]).netloc.split(":")
    with socket.create_connection((address[0], int(address[1])), timeout=30) as connection:
        connection.sendall(request_line + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        status_line = connection.makefile("rb").readline()
    assert re.match(rb"HTTP/1\.[01] 4\d\d ", status_line), status_line
