"""gunicorn with several workers while PostgreSQL refuses connections, and while it hangs.

Each server reaches a fresh database of the local PostgreSQL through a proxy
(tests/tcp_proxy.py) that can refuse (as a stopped server does) or hang (as a server stopped
with SIGSTOP, or a network that drops everything, does). Visitors and a signed-in editor keep
asking during the fault; the test counts 5xx answers, measures the slowest request against the
configured bounds, then heals the database and measures how long the site takes to recover.
No Redis: every public request goes through the read model, none is answered by the page cache.
"""

import http.client
import os
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import servers
from tests.pages import PLAN, QUESTIONNAIRE_RESULT
from tests.tcp_proxy import TcpProxy
from tests.test_multi_server import Browser, log_in, prepared_environment

pytestmark = [
    pytest.mark.multi_server,
    pytest.mark.skipif(
        not servers.postgres_reachable(), reason="needs PostgreSQL at 127.0.0.1:5432"
    ),
]
WORKERS = 3
CONNECT_TIMEOUT, STATEMENT_TIMEOUT, RETRY_SECONDS = 2, 2, 2
# The longest a request may wait on the database: a reused connection's health check, then a
# new connection. Slack for a busy 2-core machine running the load and the servers at once.
BOUND = STATEMENT_TIMEOUT + CONNECT_TIMEOUT
SLACK = 1.5
FAULT_SECONDS = 10
VISITORS = 6
NOTICE = "Our database is not answering just now"
PUBLIC = (
    "/",
    "/roles/cloud-architect/",
    "/compare/?roles=cloud-architect,platform-engineer",
    "/skills/",
    "/skills/python/",
    "/faq/",
    "/changes/",
    QUESTIONNAIRE_RESULT,
    "/next-episode/result.json?years=4&background=devops&priority=pay",
    PLAN,
    "/roles/cloud-architect/card.png",
    "/data/roles.csv",
)
EDITOR_PAGES = ("/admin/", "/admin/careers/role/", "/admin/careers/faqentry/")
FILES = (".png", ".json", ".csv")  # public answers with no room for the notice


@dataclass(frozen=True)
class Answer:
    path: str
    status: int
    seconds: float
    notice: bool
    retry_after: str | None


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Iterator[dict[str, str]]:
    with servers.postgres_database(f"careers_database_faults_{os.getpid()}") as database_url:
        yield prepared_environment(tmp_path_factory.mktemp("static"), DATABASE_URL=database_url)


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    port = urllib.parse.urlsplit(servers.POSTGRES_URL).port or 5432
    proxy = TcpProxy(target_port=port)
    yield proxy
    proxy.close()


@contextmanager
def server_through(
    proxy: TcpProxy, prepared: dict[str, str], log: Path, *, healthy: bool = True
) -> Iterator[str]:
    address = urllib.parse.urlsplit(prepared["DATABASE_URL"])
    through = address._replace(netloc=f"{address.username}@127.0.0.1:{proxy.port}")
    environment = prepared | {
        "DATABASE_URL": through.geturl(),
        "DJANGO_DB_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "DJANGO_DB_STATEMENT_TIMEOUT": str(STATEMENT_TIMEOUT),
        "DJANGO_DB_RETRY_SECONDS": str(RETRY_SECONDS),
    }
    with (
        log.open("w") as stream,
        servers.gunicorn_process(environment, workers=WORKERS, log=stream, healthy=healthy) as (
            url,
            _,
        ),
    ):
        yield url


def ask(base: str, path: str, cookies: dict[str, str] | None = None) -> Answer:
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(base).netloc, timeout=60)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
    started = time.monotonic()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    seconds = time.monotonic() - started
    connection.close()
    notice = NOTICE.encode() in body
    return Answer(path, response.status, seconds, notice, response.getheader("Retry-After"))


def keep_asking(base: str, paths: tuple[str, ...], cookies, until: float, answers: list) -> None:
    index = 0
    while time.monotonic() < until:
        answers.append(ask(base, paths[index % len(paths)], cookies))
        index += 1


def during(base: str, editor: Browser, seconds: float) -> tuple[list[Answer], list[Answer]]:
    """Visitors on public pages and an editor in the admin, all at once; their answers."""
    until = time.monotonic() + seconds
    public, admin = [], []
    rotations = [PUBLIC[index:] + PUBLIC[:index] for index in range(VISITORS)]
    threads = [
        threading.Thread(target=keep_asking, args=(base, paths, {}, until, public))
        for paths in rotations
    ]
    threads.append(
        threading.Thread(
            target=keep_asking, args=(base, EDITOR_PAGES, editor.cookies, until, admin)
        )
    )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return public, admin


def every_worker_loaded(proxy: TcpProxy) -> None:
    """Each worker loads the read model as it starts and keeps its connection open."""
    deadline = time.monotonic() + 60
    while proxy.accepted < WORKERS:
        assert time.monotonic() < deadline, "the workers did not all start"
        time.sleep(0.1)


def seconds_to_recover(base: str, editor: Browser | None = None) -> float:
    """From now until the first of a dozen rounds in a row that find a public page without the
    notice, health "up" and the editor's admin working."""
    started, rounds, recovered = time.monotonic(), 0, 0.0
    while rounds < 12:
        assert time.monotonic() - started < 30, "the site did not recover"
        asked = time.monotonic()
        page, health = ask(base, "/faq/"), ask(base, "/healthz")
        admin = ask(base, "/admin/", editor.cookies) if editor else health
        if page.status == health.status == admin.status == 200 and not page.notice:
            rounds, recovered = rounds + 1, recovered if rounds else asked - started
        else:
            rounds = 0
        time.sleep(0.02)
    return recovered


def report(fault: str, public: list[Answer], admin: list[Answer], recovery: float) -> None:
    errors = sum(answer.status >= 500 for answer in public)
    worst = max(answer.seconds for answer in public + admin)
    print(
        f"\n{fault}: {len(public)} public requests, {errors} 5xx; {len(admin)} admin requests, "
        f"statuses {sorted({answer.status for answer in admin})}; worst {worst:.2f} s "
        f"(bound {BOUND} s); recovered {recovery:.2f} s after the database came back"
    )


def check_the_fault(public: list[Answer], admin: list[Answer]) -> None:
    assert public and admin
    assert [answer for answer in public if answer.status != 200] == []
    pages = [answer for answer in public if not answer.path.split("?")[0].endswith(FILES)]
    assert [answer for answer in pages if not answer.notice] == []
    assert {answer.status for answer in admin} == {503}
    assert all(answer.retry_after == str(RETRY_SECONDS) for answer in admin)
    assert max(answer.seconds for answer in public + admin) < BOUND + SLACK


def check_the_log(log: Path) -> None:
    text = log.read_text()
    assert "Traceback" not in text
    assert "Database unreachable" in text
    assert "Database reachable again" in text


@pytest.mark.parametrize("fault", ["refuse", "hang"])
def test_a_database_that_refuses_or_hangs_costs_no_public_page(prepared, proxy, tmp_path, fault):
    log = tmp_path / "gunicorn.log"
    with server_through(proxy, prepared, log) as base:
        every_worker_loaded(proxy)
        editor = Browser(base)
        log_in(editor)
        assert not ask(base, "/faq/").notice
        getattr(proxy, fault)()
        public, admin = during(base, editor, FAULT_SECONDS)
        health = ask(base, "/healthz")
        proxy.forward()
        recovery = seconds_to_recover(base, editor)
    report(fault, public, admin, recovery)
    check_the_fault(public, admin)
    assert health.status == 203
    assert recovery < RETRY_SECONDS + BOUND + SLACK
    check_the_log(log)


def test_a_worker_started_while_the_database_is_down_answers_503_until_it_can_load(
    prepared, proxy, tmp_path
):
    proxy.refuse()
    log = tmp_path / "gunicorn.log"
    with server_through(proxy, prepared, log, healthy=False) as base:
        for path in ("/", "/roles/cloud-architect/", "/next-episode/result.json"):
            answer = ask(base, path)
            assert (answer.status, answer.retry_after) == (503, str(RETRY_SECONDS))
        assert "Back in a moment" in Browser(base).request("GET", "/")[2]
        assert ask(base, "/healthz").status == 503
        proxy.forward()
        recovery = seconds_to_recover(base)
    assert recovery < RETRY_SECONDS + BOUND + SLACK
    check_the_log(log)
