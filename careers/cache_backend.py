"""Django's Redis cache, made an optimisation rather than a dependency.

Every call is bounded by short socket timeouts (set in settings). When a call fails, the cache
answers as if it were empty ("not found", "not stored") and stops calling Redis for
`retry_after` seconds, so a dead or hung Redis costs one failed call per interval, not one per
request. An outage is logged once, when it starts, and once when it ends. Nothing needs dropping
afterwards: the page cache's keys hold the database's data version (careers/page_cache.py), so
an entry drawn before an edit saved during the outage can no longer match.
"""

import logging
import threading
import time
from collections.abc import Callable

from django.core import checks
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class Outage:
    """When Redis at one location last failed; shared by every thread of the process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.retry_at: float | None = None  # None while Redis answers
        self.started_at = 0.0

    def skipping(self) -> bool:
        return self.retry_at is not None and time.monotonic() < self.retry_at

    def failed(self, error: Exception, *, location: str, retry_after: float) -> None:
        now = time.monotonic()
        with self.lock:
            first = self.retry_at is None
            self.retry_at = now + retry_after
            if first:
                self.started_at = now
        if first:
            logger.warning(
                "Cache at %s unreachable (%s: %s); serving without it, retrying every %g s",
                location,
                type(error).__name__,
                error,
                retry_after,
            )

    def succeeded(self, *, location: str) -> None:
        if self.retry_at is None:
            return
        with self.lock:
            ended, self.retry_at = self.retry_at is not None, None
        if ended:
            logger.info(
                "Cache at %s reachable again after %.1f s",
                location,
                time.monotonic() - self.started_at,
            )


OUTAGES: dict[str, Outage] = {}
OUTAGES_LOCK = threading.Lock()


def outage_for(location: str) -> Outage:
    with OUTAGES_LOCK:
        return OUTAGES.setdefault(location, Outage())


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis-py client for every call, which costs more than the call
    itself on a cache hit (about 0.5 ms of a 0.9 ms page); one client per connection pool is
    built once and shared, as redis-py clients are thread-safe."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(index))
            self._clients[index] = client
        return client


class ResilientRedisCache(RedisCache):
    """`OPTIONS["retry_after"]`: seconds to leave Redis alone after a failed call (default 5)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("retry_after", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self.location = ",".join(self._servers)
        self.outage = outage_for(self.location)

    def guarded(self, fallback, method: Callable, *args):
        """`method(self, *args)` on Redis, or `fallback` while Redis is failing."""
        if self.outage.skipping():
            return fallback
        try:
            result = method(self, *args)
        except (RedisError, OSError) as error:
            self.outage.failed(error, location=self.location, retry_after=self.retry_after)
            return fallback
        self.outage.succeeded(location=self.location)
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(False, RedisCache.add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self.guarded(default, RedisCache.get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.guarded(None, RedisCache.set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(False, RedisCache.touch, key, timeout, version)

    def delete(self, key, version=None):
        return self.guarded(False, RedisCache.delete, key, version)

    def get_many(self, keys, version=None):
        return self.guarded({}, RedisCache.get_many, keys, version)

    def has_key(self, key, version=None):
        return self.guarded(False, RedisCache.has_key, key, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.guarded(list(data), RedisCache.set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self.guarded(None, RedisCache.delete_many, keys, version)

    def clear(self):
        return self.guarded(False, RedisCache.clear)


def eviction_problems(config: dict[str, str]) -> list[str]:
    """What is wrong with a Redis server's memory settings for a cache (`CONFIG GET maxmemory*`).

    Without a limit Redis grows until the machine runs out; at its limit with `noeviction` it
    refuses every write, so new pages are never stored while old ones stay.
    """
    problems = []
    if config.get("maxmemory", "0") == "0":
        problems.append("Redis has no memory limit (maxmemory 0)")
    if config.get("maxmemory-policy", "noeviction") == "noeviction":
        problems.append("Redis evicts nothing at its limit (maxmemory-policy noeviction)")
    return problems


@checks.register(checks.Tags.caches, deploy=True)
def check_redis_memory(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """`manage.py check --deploy`: the cache's Redis needs a memory limit and an eviction policy
    (docs/caching.md). A Redis that does not allow CONFIG (some hosted ones) is not judged."""
    warnings = []
    for alias in caches:
        cache = caches[alias]
        if not isinstance(cache, ResilientRedisCache):
            continue
        try:
            config = cache._cache.get_client(write=True).config_get("maxmemory*")
        except (RedisError, OSError):
            continue
        for problem in eviction_problems(config):
            hint = "Set maxmemory and maxmemory-policy allkeys-lru (docs/caching.md)."
            warnings.append(checks.Warning(problem, hint=hint, id="careers.W001", obj=alias))
    return warnings
