"""App servers with several workers each: an admin edit shows at once on every one of them.

Two servers share one PostgreSQL and one Redis; then one server runs on SQLite without Redis,
`make run`'s database with `make serve`'s workers. Every worker keeps its own read model
(careers/read_model.py), so each must notice the new data version on its next request.

Nothing here touches the test database: the servers run the production settings against a
database of their own, and this module talks to them over HTTP only, as a browser would.
"""

import http.client
import os
import re
import socket
import sqlite3
import time
import urllib.parse
from html.parser import HTMLParser
from http.cookies import SimpleCookie

import psycopg
import pytest

from careers.data_version import CACHED_COPY_SECONDS
from tests import servers
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.multi_server
needs_postgres_and_redis = pytest.mark.skipif(
    not (servers.postgres_reachable() and servers.redis_reachable()),
    reason="needs PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379",
)
WORKERS = 3
# Enough requests that every worker of a server answers some of them (gunicorn hands each
# connection to whichever worker accepts it first, so this is likely, not certain).
REQUESTS_PER_CHECK = 12

ROLE = "senior-backend-go-rust"  # tenth in the article's ranking
PASSWORD = "a-long-pass-phrase-for-the-test"


class Browser:
    """Just enough of a browser: keeps cookies (Secure ones too, on loopback) and posts forms."""

    def __init__(self, base_url: str, *, cookies: dict[str, str] | None = None):
        self.address = urllib.parse.urlsplit(base_url).netloc
        self.cookies: dict[str, str] = dict(cookies or {})

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
        if status == 200 and 'class="module public-preview"' in content:  # a pay edit's preview
            form = FormFields(form_id)
            form.feed(content)
            status, headers, content = self.request("POST", path, {**form.values, "_save": "Save"})
        assert status == 302, re.findall(r'<ul class="errorlist[^"]*".*?</ul>', content)
        return status, headers.get("Location", "")


def pay_edit(editor: "Browser", change_form: str) -> dict[str, str]:
    """A new total-comp range with its source (the first report listed) and reason."""
    source = re.search(r'<option value="(\d+)"', editor.get(change_form)).group(1)
    return {
        "total_min": "900000",
        "total_max": "1000000",
        "pay_source": source,
        "pay_reason": "Newer figures",
        "_save": "Save",
    }


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


def prepared_environment(static_root, **settings: str) -> dict[str, str]:
    """The production settings on a database with the article's data and an editor account."""
    environment = servers.production_environment(
        DJANGO_STATIC_ROOT=str(static_root), DJANGO_SUPERUSER_PASSWORD=PASSWORD, **settings
    )
    servers.manage(environment, "migrate", "--no-input")
    servers.manage(environment, "load_fixtures")
    servers.manage(environment, "collectstatic", "--no-input")
    servers.manage(
        environment, "createsuperuser", "--no-input", "--username=editor", "--email=e@x.example"
    )
    return environment


@pytest.fixture(scope="module")
def redis_link():
    """The first server's way to Redis, which a test may cut."""
    proxy = TcpProxy(int(urllib.parse.urlsplit(servers.REDIS_URL).port))
    yield proxy
    proxy.close()


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory, redis_link):
    """Two gunicorn servers on one fresh PostgreSQL database and the local Redis, the first
    through `redis_link`."""
    with servers.postgres_database(f"careers_multi_server_{os.getpid()}") as database_url:
        environment = prepared_environment(
            tmp_path_factory.mktemp("static"),
            DATABASE_URL=database_url,
            REDIS_URL=servers.REDIS_URL,
        )
        through_link = {**environment, "REDIS_URL": f"redis://127.0.0.1:{redis_link.port}/0"}
        with (
            servers.gunicorn(through_link, workers=WORKERS) as first,
            servers.gunicorn(environment, workers=WORKERS) as second,
        ):
            yield first, second, database_url


def role_id(database_url: str) -> int:
    with psycopg.connect(database_url) as connection:
        row = connection.execute("SELECT id FROM careers_role WHERE slug = %s", [ROLE]).fetchone()
    return row[0]


def uncached_reader(url: str) -> Browser:
    """A visitor with a cookie: the page cache never answers them, the read model always does."""
    return Browser(url, cookies={"returning": "1"})


def role_pages(reader: Browser) -> list[str]:
    return [reader.get(f"/roles/{ROLE}/") for _ in range(REQUESTS_PER_CHECK)]


def log_in(browser: Browser) -> None:
    _, location = browser.submit(
        "/admin/login/?next=/admin/", "login-form", username="editor", password=PASSWORD
    )
    assert location == "/admin/"


@needs_postgres_and_redis
def test_a_salary_changed_on_one_server_shows_at_once_on_the_other(two_servers):
    first, second, database_url = two_servers
    reader = Browser(second)
    uncached = uncached_reader(second)
    assert all("#10 of the Top 10" in page for page in role_pages(uncached))
    assert "#10 of the Top 10" in reader.get(f"/roles/{ROLE}/")
    listing_before = reader.get("/")
    assert listing_before == reader.get("/")  # now cached on the second server's side too

    editor = Browser(first)
    log_in(editor)
    change_form = f"/admin/careers/role/{role_id(database_url)}/change/"
    editor.submit(change_form, "role_form", **pay_edit(editor, change_form))

    role_page = reader.get(f"/roles/{ROLE}/")
    assert "$900,000 – $1,000,000" in role_page
    assert "#1 of the Top 10" in role_page
    listing = reader.get("/")
    first_role = re.search(r'href="/roles/([a-z0-9-]+)/"', listing).group(1)
    assert first_role == ROLE
    # Every worker of the other server, each with a read model built before the edit.
    assert all("$900,000 – $1,000,000" in page for page in role_pages(uncached))


@needs_postgres_and_redis
def test_an_edit_saved_by_a_server_cut_off_from_redis_reaches_the_other_within_the_bound(
    two_servers, redis_link
):
    """The editor's server cannot write the data version's copy in Redis, so the other server
    serves its cached page until the copy expires, then reads the version from the database:
    the edit shows within data_version.CACHED_COPY_SECONDS, never later."""
    first, second, database_url = two_servers
    reader = Browser(second)
    reader.get(f"/roles/{ROLE}/")
    before = reader.get(f"/roles/{ROLE}/")  # from the page cache
    assert "$700,000 – $800,000" not in before

    editor = Browser(first)
    log_in(editor)
    change_form = f"/admin/careers/role/{role_id(database_url)}/change/"
    original = FormFields("role_form")
    original.feed(editor.get(change_form))
    redis_link.refuse()
    try:
        edit = pay_edit(editor, change_form) | {"total_min": "700000", "total_max": "800000"}
        editor.submit(change_form, "role_form", **edit)
        saved = time.monotonic()
        assert "$700,000 – $800,000" in Browser(first).get(f"/roles/{ROLE}/")
        while "$700,000 – $800,000" not in reader.get(f"/roles/{ROLE}/"):
            assert time.monotonic() - saved < CACHED_COPY_SECONDS + 2, "the copy outlived its bound"
            time.sleep(0.2)
        assert all("$700,000 – $800,000" in page for page in role_pages(reader))
    finally:
        redis_link.forward()
        # Other tests of this module expect the article's figures, in any order.
        figures = {name: original.values[name][0] for name in ("total_min", "total_max")}
        editor.submit(change_form, "role_form", **(pay_edit(editor, change_form) | figures))


@pytest.fixture(scope="module")
def sqlite_server(tmp_path_factory):
    """`make run`'s SQLite database behind several gunicorn workers, with no Redis at all."""
    workdir = tmp_path_factory.mktemp("sqlite")
    environment = prepared_environment(
        workdir / "static", DATABASE_URL=f"sqlite:///{workdir / 'careers.sqlite3'}"
    )
    with servers.gunicorn(environment, workers=WORKERS) as url:
        yield url, workdir / "careers.sqlite3"


def test_on_sqlite_without_redis_every_worker_shows_an_edit_on_its_next_request(sqlite_server):
    url, database = sqlite_server
    reader = Browser(url)
    assert all("#10 of the Top 10" in page for page in role_pages(reader))

    editor = Browser(url)
    log_in(editor)
    with sqlite3.connect(database) as connection:
        query = "SELECT id FROM careers_role WHERE slug = ?"
        (role,) = connection.execute(query, [ROLE]).fetchone()
    change_form = f"/admin/careers/role/{role}/change/"
    editor.submit(change_form, "role_form", **pay_edit(editor, change_form))

    pages = role_pages(reader)
    assert all("$900,000 – $1,000,000" in page and "#1 of the Top 10" in page for page in pages)


@needs_postgres_and_redis
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


@needs_postgres_and_redis
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
