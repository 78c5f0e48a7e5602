"""The cache is an optimisation: with Redis down or hung the site keeps working, quickly.

Both faults run on loopback: a port nothing listens on, and a listener that accepts
connections and never answers (what a hung Redis looks like to its clients).
"""

import logging
import socket
import threading
import time
import uuid

import pytest
from django.core.cache import cache
from django.test import Client

from careers import cache_backend
from careers.models import Role
from tests import servers
from tests.admin_forms import post_edit
from tests.test_admin import role_form_data

TIMEOUT = 0.25  # seconds, as in production (DJANGO_CACHE_TIMEOUT_MS)
# Time the whole scenario (an admin save, two cards, a dozen pages) may spend in cache calls.
# A hung Redis makes each call wait TIMEOUT: without the back-off that is some 60 calls, with
# it one. Rendering time is left out, as it depends on how busy the machine is.
TIME_BOUND = 1.0


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SilentListener:
    """Accepts connections and never answers; counts them."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(50)
        self.held: list[socket.socket] = []
        threading.Thread(target=self.accept_forever, daemon=True).start()

    def accept_forever(self):
        while True:
            try:
                self.held.append(self.server.accept()[0])
            except OSError:
                return

    @property
    def port(self) -> int:
        return self.server.getsockname()[1]

    def close(self):
        self.server.close()
        for connection in self.held:
            connection.close()


@pytest.fixture
def silent_listener():
    listener = SilentListener()
    yield listener
    listener.close()


def use_redis_at(settings, port: int, *, retry_after: float = 60) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "careers.cache_backend.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "socket_connect_timeout": TIMEOUT,
                "socket_timeout": TIMEOUT,
                "retry_after": retry_after,
            },
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    cache_backend.OUTAGES.clear()


@pytest.fixture
def editor(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def exercise_the_site(editor: Client) -> None:
    """An admin save, cards and pages, each checked."""
    role = Role.objects.get(slug="cloud-architect")
    response = post_edit(
        editor, f"/admin/careers/role/{role.pk}/change/", role_form_data(role, total_max=480_000)
    )
    assert response.status_code == 302, response.content[:500]
    assert Role.objects.get(pk=role.pk).total_max == 480_000
    visitor = Client()
    for url in ("/card.png", f"/roles/{role.slug}/card.png"):
        response = visitor.get(url)
        assert response.status_code == 200
        assert response.content.startswith(b"\x89PNG")
    for url in (
        "/",
        role.get_absolute_url(),
        "/skills/",
        "/compare/?roles=cloud-architect,platform-engineer",
    ):
        for _ in range(2):
            assert visitor.get(url).status_code in {200, 400}
    assert "$480,000" in visitor.get(role.get_absolute_url()).content.decode()
    assert visitor.get("/healthz").status_code == 200


@pytest.fixture
def time_in_cache(monkeypatch) -> list[float]:
    """Seconds spent in each cache call."""
    spent = []
    guarded = cache_backend.ResilientRedisCache.guarded

    def timed(self, *args):
        started = time.monotonic()
        try:
            return guarded(self, *args)
        finally:
            spent.append(time.monotonic() - started)

    monkeypatch.setattr(cache_backend.ResilientRedisCache, "guarded", timed)
    return spent


def outage_warnings(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "careers.cache_backend"]


def test_a_closed_port_costs_one_failed_call_and_one_log_line(
    settings, seed, editor, caplog, time_in_cache
):
    use_redis_at(settings, closed_port())
    exercise_the_site(editor)
    assert time_in_cache and sum(time_in_cache) < TIME_BOUND
    assert len(outage_warnings(caplog)) == 1
    assert "unreachable" in outage_warnings(caplog)[0].getMessage()
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_hung_redis_is_called_once_per_interval_not_per_request(
    settings, seed, editor, caplog, silent_listener, time_in_cache
):
    use_redis_at(settings, silent_listener.port)
    exercise_the_site(editor)
    assert time_in_cache and sum(time_in_cache) < TIME_BOUND
    assert len(silent_listener.held) == 1  # one connection, one timed-out call, then back-off
    assert len(outage_warnings(caplog)) == 1


def test_calls_are_tried_again_after_the_interval(settings, db, silent_listener):
    use_redis_at(settings, silent_listener.port, retry_after=0.2)
    assert cache.get("anything") is None
    assert cache.get("anything") is None  # within the interval: Redis not called
    assert len(silent_listener.held) == 1
    time.sleep(0.25)
    assert cache.get("anything") is None
    assert len(silent_listener.held) == 2


@pytest.mark.skipif(not servers.redis_reachable(), reason="needs Redis at 127.0.0.1:6379")
def test_the_end_of_an_outage_keeps_every_stored_page(settings, seed, client):
    """A late reply on a busy machine counts as a failure: it costs misses, never the pages."""
    use_redis_at(settings, 6379)
    settings.CACHES["default"]["KEY_PREFIX"] = f"tests-{uuid.uuid4().hex}"
    client.get("/")
    outage = cache_backend.outage_for(cache.location)
    outage.failed(TimeoutError("a late reply"), location=cache.location, retry_after=60)
    assert client.get("/").context is not None  # during it: drawn
    outage.retry_at = 0.0  # the interval is over
    assert client.get("/").context is None  # the page stored before the outage
    assert outage.retry_at is None
    assert client.get("/").context is None  # and still stored: nothing was dropped


def test_one_redis_client_serves_every_call_of_a_process():
    """Building a redis-py client per call cost more than a cached page's lookup itself."""
    resilient = cache_backend.ResilientRedisCache(
        "redis://127.0.0.1:1/0", {"OPTIONS": {"socket_timeout": 0.05}}
    )
    clients = {id(resilient._cache.get_client(key)) for key in ("a", "b", "c")}
    assert len(clients) == 1


@pytest.mark.parametrize(
    ("config", "problems"),
    [
        ({"maxmemory": "268435456", "maxmemory-policy": "allkeys-lru"}, 0),
        ({"maxmemory": "268435456", "maxmemory-policy": "volatile-lru"}, 0),
        ({"maxmemory": "0", "maxmemory-policy": "allkeys-lru"}, 1),
        ({"maxmemory": "268435456", "maxmemory-policy": "noeviction"}, 1),
        ({"maxmemory": "0", "maxmemory-policy": "noeviction"}, 2),
    ],
)
def test_a_redis_without_a_memory_limit_or_eviction_is_named(config, problems):
    assert len(cache_backend.eviction_problems(config)) == problems


@pytest.mark.skipif(not servers.redis_reachable(), reason="needs Redis at 127.0.0.1:6379")
def test_the_deploy_check_reads_the_servers_own_settings(settings, monkeypatch):
    use_redis_at(settings, 6379)
    seen = []
    monkeypatch.setattr(
        cache_backend, "eviction_problems", lambda config: seen.append(config) or ["named"]
    )
    warnings = cache_backend.check_redis_memory(None)
    assert "maxmemory-policy" in seen[0]
    assert [warning.id for warning in warnings] == ["careers.W001"]


def test_the_deploy_check_leaves_a_cache_it_cannot_ask_alone(settings):
    use_redis_at(settings, closed_port())
    assert cache_backend.check_redis_memory(None) == []
