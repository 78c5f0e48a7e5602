"""A database that does not answer costs no public page (careers/database_faults.py).

Here, in one process, every query is refused by an execute wrapper, so each code path meets
the error a stopped database raises. tests/test_database_fault_servers.py does the same to
gunicorn workers through a real connection that is refused or hangs.

Page-cache hits would answer before the code under test runs, so the page cache is off unless
a test is about it.
"""

import logging
import time
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.db.backends.postgresql.base import DatabaseWrapper
from django.test import Client

from careers import database_faults, read_model
from careers.models import Role
from tests.pages import PAGES
from tests.tcp_proxy import TcpProxy
from tests.test_admin import role_form_data

NOTICE = "Our database is not answering just now"
ROLE = "cloud-architect"
# Public addresses besides the pages of the quality gate: cards, data, crawlers' files.
OTHER_PUBLIC = (
    "/card.png",
    f"/roles/{ROLE}/card.png",
    f"/next-episode/card.png?role={ROLE}&years=4",
    f"/plan/{ROLE}/card.png",
    "/next-episode/result.json?years=4&background=devops&priority=pay",
    "/data/roles.json",
    "/data/roles.csv",
    "/changes/roles.json",
    "/sitemap.xml",
    "/robots.txt",
)


class Refusal:
    """An execute wrapper that fails every query as a stopped database would; counts them."""

    def __init__(self):
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        raise OperationalError("connection refused (a test's stopped database)")


@contextmanager
def database_refusing():
    refusal = Refusal()
    with connection.execute_wrapper(refusal):
        yield refusal


@pytest.fixture(autouse=True)
def no_outage_yet(monkeypatch, settings):
    """Each test starts with a worker that has heard from its database and knows no outage."""
    monkeypatch.setattr(database_faults, "OUTAGE", database_faults.Outage())
    settings.PAGE_CACHE_SECONDS = 0
    settings.DATABASE_RETRY_SECONDS = 5


@pytest.fixture
def editor(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


def warmed(client: Client) -> None:
    """The worker loads the current data, as it does when it starts."""
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_public_page_answers_from_the_read_model_with_a_notice(client, seed, page):
    warmed(client)
    with database_refusing():
        response = client.get(page.path)
    assert response.status_code == page.status
    if page.status == 200 and page.name != "my-plans":  # it shows no data, so has no notice
        assert NOTICE in response.content.decode()
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", OTHER_PUBLIC)
def test_cards_data_and_crawlers_files_answer_while_the_database_refuses(client, seed, path):
    warmed(client)
    with database_refusing():
        response = client.get(path)
    assert response.status_code == 200


def test_a_signed_in_editor_reads_the_public_pages_too(editor, seed):
    """Their session is in the database, but no public page reads it."""
    warmed(editor)
    with database_refusing():
        for path in ("/", f"/roles/{ROLE}/", "/changes/"):
            response = editor.get(path)
            assert response.status_code == 200
            assert NOTICE in response.content.decode()


def test_the_notice_shows_only_while_the_database_is_away(client, seed, settings):
    settings.DATABASE_RETRY_SECONDS = 0  # ask the database on every request
    warmed(client)
    assert NOTICE not in client.get("/faq/").content.decode()
    with database_refusing():
        assert NOTICE in client.get("/faq/").content.decode()
    page = client.get("/faq/")
    assert NOTICE not in page.content.decode()
    assert "no-store" not in page["Cache-Control"]


def test_pages_drawn_while_the_database_is_away_are_not_kept_by_the_page_cache(
    client, seed, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.DATABASE_RETRY_SECONDS = 0
    warmed(client)
    with database_refusing():
        assert NOTICE in client.get("/faq/").content.decode()
    assert NOTICE not in client.get("/faq/").content.decode()


def test_the_admin_answers_503_with_retry_after_and_a_plain_page(editor, seed):
    with database_refusing():
        response = editor.get("/admin/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    assert "Back in a moment" in response.content.decode()


def test_a_save_while_the_database_refuses_answers_503_and_changes_nothing(editor, seed):
    role = Role.objects.get(slug=ROLE)
    form = role_form_data(role, total_max=999_000)
    with database_refusing():
        response = editor.post(f"/admin/careers/role/{role.pk}/change/", form)
    assert response.status_code == 503
    assert Role.objects.get(pk=role.pk).total_max == role.total_max


def test_signing_in_while_the_database_refuses_answers_503(client, seed):
    with database_refusing():
        response = client.post(
            "/admin/login/?next=/admin/", {"username": "pat", "password": "a-long-pass-phrase"}
        )
    assert response.status_code == 503


def test_while_the_database_is_away_the_admin_answers_503_without_asking_it(editor, seed):
    """A hung database would make every admin request wait for its timeouts."""
    warmed(Client())
    with database_refusing() as refusal:
        Client().get("/")  # a worker finds the database away on a public page
        asked = refusal.queries
        assert editor.get("/admin/").status_code == 503
        assert editor.get("/admin/login/").status_code == 503
    assert refusal.queries == asked


def test_a_worker_that_has_loaded_nothing_answers_503_until_it_can(
    client, seed, monkeypatch, settings
):
    settings.DATABASE_RETRY_SECONDS = 0
    monkeypatch.setattr(read_model, "_latest", None)
    with database_refusing():
        response = client.get(f"/roles/{ROLE}/")
        assert response.status_code == 503
        assert response["Retry-After"] == "0"
        assert client.get("/next-episode/result.json").status_code == 503
    response = client.get(f"/roles/{ROLE}/")
    assert response.status_code == 200
    assert NOTICE not in response.content.decode()


def test_the_database_is_asked_once_per_retry_interval_not_once_per_request(client, seed, settings):
    settings.DATABASE_RETRY_SECONDS = 0.2
    warmed(client)
    with database_refusing() as refusal:
        for _ in range(5):
            assert client.get("/skills/").status_code == 200
        assert refusal.queries == 1
        time.sleep(0.25)
        assert client.get("/skills/").status_code == 200
        assert refusal.queries == 2


def test_an_edit_made_elsewhere_during_an_outage_is_read_once_the_database_answers(
    client, seed, settings
):
    """Another server could still reach the database and save; this one catches up."""
    settings.DATABASE_RETRY_SECONDS = 0
    warmed(client)
    with database_refusing():
        client.get(f"/roles/{ROLE}/")
    Role.objects.filter(slug=ROLE).update(total_max=987_000)
    read_model.data_version.bump()
    with database_refusing():
        assert "$987,000" not in client.get(f"/roles/{ROLE}/").content.decode()
    assert "$987,000" in client.get(f"/roles/{ROLE}/").content.decode()


def test_healthz_tells_up_degraded_and_down_apart(client, seed, monkeypatch, settings):
    settings.DATABASE_RETRY_SECONDS = 0
    warmed(client)
    assert (client.get("/healthz").status_code, client.get("/healthz").content) == (200, b"up")
    with database_refusing():
        response = client.get("/healthz")
        assert (response.status_code, response.content) == (203, b"degraded")
        monkeypatch.setattr(read_model, "_latest", None)
        response = client.get("/healthz")
        assert (response.status_code, response.content) == (503, b"down")
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"up")


def test_healthz_asks_the_database_only_when_no_page_has_lately(client, seed, settings):
    """Load balancers probe often: a worker whose pages asked lately answers from memory."""
    warmed(client)
    with database_refusing() as refusal:
        assert client.get("/healthz").content == b"up"
    assert refusal.queries == 0
    database_faults.OUTAGE.answered_at -= settings.DATABASE_RETRY_SECONDS
    with database_refusing() as refusal:
        assert client.get("/healthz").content == b"degraded"
    assert refusal.queries == 1


def test_an_outage_is_logged_once_and_its_end_once_without_errors(client, seed, settings, caplog):
    settings.DATABASE_RETRY_SECONDS = 0
    warmed(client)
    with database_refusing():
        for path in ("/", "/faq/", f"/roles/{ROLE}/"):
            client.get(path)
    client.get("/")
    messages = [r.getMessage() for r in caplog.records if r.name == "careers.database_faults"]
    assert len(messages) == 2
    assert messages[0].startswith("Database unreachable (OperationalError: connection refused")
    assert messages[1].startswith("Database reachable again after")
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the timeouts bound PostgreSQL's waits"
)


@pytest.fixture
def through_proxy(db, settings):
    """A second connection to the test database, through a proxy that can hang, with the
    production timeouts at their smallest: 2 s to connect, 1 s for a statement."""
    settings.DATABASE_STATEMENT_TIMEOUT = 1
    proxy = TcpProxy(target_port=int(connection.settings_dict["PORT"] or 5432))
    options = {"connect_timeout": 2, "options": "-c statement_timeout=1000"}
    database = DatabaseWrapper(
        {**connection.settings_dict, "HOST": "127.0.0.1", "PORT": proxy.port, "OPTIONS": options},
        alias="through-proxy",
    )
    yield proxy, database
    database.close()
    proxy.close()


def timed_failure(action) -> float:
    started = time.monotonic()
    with pytest.raises(OperationalError):
        action()
    return time.monotonic() - started


def select_one(database) -> None:
    with database.cursor() as cursor:
        cursor.execute("SELECT 1")


@needs_postgresql
def test_a_reply_that_never_comes_is_given_up_after_the_statement_timeout(through_proxy):
    """PostgreSQL cannot cancel a statement when it is hung itself: the app stops waiting."""
    proxy, database = through_proxy
    select_one(database)
    proxy.hang(seconds=5)
    assert 0.9 < timed_failure(lambda: select_one(database)) < 1.9
    assert database.connection.closed  # left halfway through a reply: never used again


@needs_postgresql
def test_a_connection_that_is_never_answered_is_given_up_after_the_connect_timeout(
    through_proxy,
):
    proxy, database = through_proxy
    proxy.hang(seconds=5)
    assert 1.9 < timed_failure(database.ensure_connection) < 2.9


@needs_postgresql
def test_a_slow_statement_is_cancelled_by_the_server(through_proxy, settings):
    _, database = through_proxy
    settings.DATABASE_STATEMENT_TIMEOUT = 0  # only the server's own timeout
    database.ensure_connection()
    with database.cursor() as cursor:
        elapsed = timed_failure(lambda: cursor.execute("SELECT pg_sleep(5)"))
    assert 0.9 < elapsed < 1.9
    select_one(database)  # cancelled cleanly: the connection still works
