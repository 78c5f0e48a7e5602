"""Whole-page cache for anonymous GET requests, fresh by the database's data version.

Each stored page carries the data version it was drawn from, and a hit must match the version's
copy in the cache (careers/data_version.py), read with the page in one round trip. A committed
edit writes that copy, so every server's next request misses the old pages; when the editing
server cannot reach Redis, the copy expires within `data_version.CACHED_COPY_SECONDS` and is
read again from the database. Nothing is ever invalidated; old entries stop matching and
expire. The key also holds a digest of the code and templates, so a new release never serves
pages drawn by the one it replaces.

What may be stored is bounded by the data: only addresses that carry none of the query
parameters their view reads (`@public_page(query=(...))`), that is one entry per public path,
htmx or not, compressed or not. Addresses with answers, filters or choices in their query are
drawn every time and never stored, so no flood of values can fill the cache. Parameters no view
reads (`?utm_source=...`) are answered from the cache but never add an entry.
"""

import functools
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import split_directive_names

from careers import data_version, database_faults, read_model

# The htmx request headers our views read (`request.htmx`, `.history_restore_request`). Other
# htmx headers (HX-Target, HX-Trigger, HX-Boosted...) are not keyed: no view may read them.
HTMX_HEADERS = ("HX-Request", "HX-History-Restore-Request")
# A response may vary only on request headers that are part of the key.
KEYED_VARY_HEADERS = {"accept-encoding", *(name.lower() for name in HTMX_HEADERS)}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
QUERY_ATTRIBUTE = "page_cache_query"
RELEASE_FILES = ("careers/**/*.py", "templates/**/*", "static/**/*")


def public_page(*, query: tuple[str, ...] = ()) -> Callable:
    """Let the page cache keep a view's pages; `query` names every query parameter it reads.

    An address carrying any of them is drawn each time and never stored, so declare each one
    the view (or a form it builds) reads from `request.GET`: one left out would be answered from
    the page stored for the bare address.
    """

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def cached_view(*args, **kwargs):
            return view(*args, **kwargs)

        setattr(cached_view, QUERY_ATTRIBUTE, tuple(query))
        return cached_view

    return decorate


def declared_query(request: HttpRequest) -> tuple[str, ...] | None:
    """The query parameters the requested view declared, or None if it is not a public page."""
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return None
    return getattr(view, QUERY_ATTRIBUTE, None)


def code_release(base: Path) -> str:
    """A digest of what draws the pages: the same on every server running the same release."""
    digest = hashlib.sha256()
    for pattern in RELEASE_FILES:
        for path in sorted(base.glob(pattern)):
            if path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_key(request: HttpRequest, *, release: str) -> str:
    # The host name only: ALLOWED_HOSTS bounds it, while a port would be free to vary.
    host, _ = split_domain_port(request.get_host())
    parts = [release, host, request.path]
    parts += [f"{name}={request.headers.get(name, '') == 'true'}" for name in HTMX_HEADERS]
    accepts_gzip = ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
    parts.append(f"gzip={bool(accepts_gzip)}")
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page-cache:{digest}"


def reads_its_query(request: HttpRequest, query: tuple[str, ...]) -> bool:
    return not set(request.GET).isdisjoint(query)


def is_anonymous_get(request: HttpRequest) -> bool:
    """A GET carrying no cookie but the CSRF one: nobody signed in, no messages waiting."""
    cookies = set(request.COOKIES) - {settings.CSRF_COOKIE_NAME}
    return request.method == "GET" and not cookies


def is_cacheable(response: HttpResponse) -> bool:
    cache_control = set(split_directive_names(response.get("Cache-Control", "")))
    varies_on = set(split_directive_names(response.get("Vary", "")))
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not {"private", "no-store", "no-cache"} & cache_control
        and varies_on <= KEYED_VARY_HEADERS
    )


def mark_public(response: HttpResponse) -> bool:
    """Headers for a page anyone may see; False if it is not such a page.

    Unless the view chose its own caching, browsers keep the page but ask each time whether it
    changed (the ETag makes that a 304). A URL's full page and its htmx fragment stay apart.
    """
    if not is_cacheable(response):
        return False
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["HX-Request"])
    return True


def rebuild(request: HttpRequest, stored: dict) -> HttpResponse:
    response = HttpResponse(stored["content"], status=200, headers=stored["headers"])
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


class PublicPageCacheMiddleware:
    """The cache calls never raise (careers/cache_backend.py): an unreachable cache is a miss."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.release = code_release(settings.BASE_DIR)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_get(request):
            return self.get_response(request)
        query = declared_query(request)
        if query is None:
            return self.get_response(request)
        if not settings.PAGE_CACHE_SECONDS or reads_its_query(request, query):
            return self.drawn(request)
        key = page_key(request, release=self.release)
        copy_key = data_version.cached_copy_key()
        found = cache.get_many([copy_key, key])
        version = found.get(copy_key)
        if version is None:
            try:
                version = read_model.current().version
            except database_faults.DatabaseUnavailable:
                return self.get_response(request)  # the view answers 503
            if database_faults.serving_stale():
                return self.drawn(request)  # marked as possibly old, never stored
            data_version.copy_to_cache(version)
        stored = found.get(key)
        if stored and stored["version"] == version:
            return rebuild(request, stored)
        response = self.get_response(request)
        if mark_public(response) and not request.GET:
            # The version the page was drawn from, which the cache's copy may lag behind.
            drawn_from = read_model.current().version
            stored = {"version": drawn_from, "content": response.content}
            stored["headers"] = dict(response.items())
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        return response

    def drawn(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        mark_public(response)
        return response
