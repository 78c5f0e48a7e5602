"""When the database does not answer: public pages from the read model, a plain 503 elsewhere.

- No wait is long: PostgreSQL gets DJANGO_DB_CONNECT_TIMEOUT to connect and
  DJANGO_DB_STATEMENT_TIMEOUT for each reply (settings.py, `bound_every_reply` below).
- A worker finds the database gone when the read model's version check fails. It then serves
  the last read model it loaded, with a notice and never into the page cache, and leaves the
  database alone for DJANGO_DB_RETRY_SECONDS, as careers/cache_backend.py does for Redis.
- What cannot be served without the database (the admin and sign-in, or any page of a worker
  that has loaded nothing yet) answers 503 with Retry-After and templates/503.html, never 500.
- /healthz says "up", "degraded" (serving the read model) or "down" (nothing to serve).
"""

import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.signals import request_started
from django.db import InterfaceError, OperationalError
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.log import log_response
from psycopg.errors import _WaitTimeout

logger = logging.getLogger(__name__)


class DatabaseUnavailable(OperationalError):
    """The database does not answer and this worker has nothing loaded to serve instead."""


class Outage:
    """What this worker knows of the database; shared by the threads of the process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.retry_at: float | None = None  # None while the database answers
        self.started_at = 0.0
        self.answered_at = float("-inf")

    def waiting(self) -> bool:
        return self.retry_at is not None and time.monotonic() < self.retry_at

    def heard_lately(self) -> bool:
        """The database answered within the retry interval and has not failed since."""
        recently = time.monotonic() - self.answered_at < settings.DATABASE_RETRY_SECONDS
        return self.retry_at is None and recently

    def failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            first = self.retry_at is None
            self.retry_at = now + settings.DATABASE_RETRY_SECONDS
            if first:
                self.started_at = now
        if first:
            logger.warning(
                "Database unreachable (%s); serving the read model, retrying every %d s",
                one_line(error),
                settings.DATABASE_RETRY_SECONDS,
            )

    def answered(self) -> None:
        self.answered_at = now = time.monotonic()
        if self.retry_at is None:
            return
        with self.lock:
            ended, self.retry_at = self.retry_at is not None, None
        if ended:
            logger.warning("Database reachable again after %.1f s", now - self.started_at)


OUTAGE = Outage()
_this_request = threading.local()


@receiver(request_started)
def fresh_until_shown_otherwise(**kwargs) -> None:
    _this_request.stale = False


def serving_stale() -> bool:
    """True when this request was given the read model without the database's say-so."""
    return getattr(_this_request, "stale", False)


def or_last_loaded[T](load: Callable[[], T], *, last: T | None) -> T:
    """`load()`, or `last` while the database fails; DatabaseUnavailable if there is no `last`."""
    if not OUTAGE.waiting():
        try:
            loaded = load()
        except (OperationalError, InterfaceError) as error:
            OUTAGE.failed(error)
        else:
            OUTAGE.answered()
            return loaded
    if last is None:
        raise DatabaseUnavailable("the database does not answer and nothing is loaded yet")
    _this_request.stale = True
    return last


def health(*, check: Callable[[], object]) -> tuple[str, int]:
    """The worker's state and its status code; `check` reads the read model.

    A load balancer's probes cost nothing while the worker has heard from the database lately
    (every page asks it), and one version check otherwise. Degraded is a 2xx, so balancers keep
    sending visitors to a worker that can serve them; 203 ("non-authoritative information") is
    the nearest standard meaning: the answer is a copy, not the database's word.
    """
    if OUTAGE.heard_lately():
        return "up", 200
    try:
        check()
    except DatabaseUnavailable:
        return "down", 503
    return ("degraded", 203) if serving_stale() else ("up", 200)


def one_line(error: Exception) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).split())}"


def unavailable(request: HttpRequest, reason: str) -> HttpResponse:
    """The plain 503 page, logged as one warning line (Django would log an error)."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(settings.DATABASE_RETRY_SECONDS)
    add_never_cache_headers(response)
    log_response(
        "Service Unavailable (%s): %s",
        reason,
        request.path,
        response=response,
        request=request,
        level="warning",
    )
    return response


class DatabaseFaultMiddleware:
    """Below the page cache, so that a page drawn from the read model during an outage is never
    stored: a server cut off from the database (while others are not) would keep old figures
    cached for everyone after an edit made elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if OUTAGE.waiting() and request.path_info.startswith(self.admin_prefix):
            # The admin is all database: no need to wait for it to fail again.
            return unavailable(request, "the database is not answering")
        response = self.get_response(request)
        if serving_stale():
            add_never_cache_headers(response)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        return unavailable(request, one_line(exception))


@receiver(connection_created)
def bound_every_reply(sender, connection, **kwargs) -> None:
    """Give up on a reply after the statement timeout, on the app's side too.

    PostgreSQL enforces `statement_timeout` itself, which a stopped server or a lost network
    never does: psycopg would wait for the reply forever. Every wait for a reply goes through
    the connection's `wait()`, which takes a timeout.
    """
    limit = settings.DATABASE_STATEMENT_TIMEOUT
    if connection.vendor != "postgresql" or not limit:
        return
    raw = connection.connection
    wait = raw.wait

    def bounded_wait(gen, *args, **kwargs):
        kwargs.setdefault("timeout", limit)
        try:
            return wait(gen, *args, **kwargs)
        except _WaitTimeout:
            raw.pgconn.finish()  # stopped halfway through a reply: never use it again
            raise

    raw.wait = bounded_wait
