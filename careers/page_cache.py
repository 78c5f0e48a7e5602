"""Whole-page cache for anonymous GET requests, invalidated by any change to the careers data.

Every cached page is stored with the cache's data version it was rendered under. Saving,
deleting or relinking any careers model (careers/data_version.py) replaces that version with a
new random token, so all pages drawn from the old data miss at once, on every app server
sharing the cache. Reading the version and the page costs one round trip (`get_many`).

Only views marked with `@public_page(query=(...))` are cached, and a page's key holds only
what can change it: the view's declared query parameters, the htmx headers views read, whether
the client takes gzip, and the host name. A request carrying any other query parameter
(`?utm_source=...`) may be answered from the cache but never adds an entry.
"""

import functools
import hashlib
import re
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import split_directive_names

from careers.cache_backend import cache_recovered

DATA_VERSION_KEY = "page-cache:data-version"
DATA_VERSION_SECONDS = 7 * 24 * 60 * 60
# The htmx request headers our views read (`request.htmx`, `.history_restore_request`). Other
# htmx headers (HX-Target, HX-Trigger, HX-Boosted...) are not keyed: no view may read them.
HTMX_HEADERS = ("HX-Request", "HX-History-Restore-Request")
# A response may vary only on request headers that are part of the key.
KEYED_VARY_HEADERS = {"accept-encoding", *(name.lower() for name in HTMX_HEADERS)}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
QUERY_ATTRIBUTE = "page_cache_query"


def public_page(*, query: tuple[str, ...] = ()) -> Callable:
    """Let the page cache keep a view's pages; `query` names every query parameter it reads.

    Only those parameters enter the cache key, so declare each one the view (or a form it
    builds) reads from `request.GET`; a parameter left out would serve one answer for all.
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


def bump_data_version() -> str:
    version = secrets.token_hex(8)
    cache.set(DATA_VERSION_KEY, version, DATA_VERSION_SECONDS)
    return version


def current_data_version() -> str:
    version = secrets.token_hex(8)
    if cache.add(DATA_VERSION_KEY, version, DATA_VERSION_SECONDS):
        return version
    return cache.get(DATA_VERSION_KEY) or bump_data_version()


@receiver(cache_recovered)
def invalidate_after_outage(**kwargs) -> None:
    """Saves made while the cache was unreachable could not drop the pages they changed."""
    bump_data_version()


def invalidate_pages() -> None:
    """Drop every cached page now and again once the change is committed.

    The second bump covers a page rendered from the old data between the save and the commit.
    """
    bump_data_version()
    transaction.on_commit(bump_data_version, robust=True)


def page_key(request: HttpRequest, *, query: tuple[str, ...]) -> str:
    # The host name only: ALLOWED_HOSTS bounds it, while a port would be free to vary.
    host, _ = split_domain_port(request.get_host())
    parts = [host, request.path]
    parts += [f"{name}={request.GET.getlist(name)!r}" for name in query]
    parts += [f"{name}={request.headers.get(name, '') == 'true'}" for name in HTMX_HEADERS]
    accepts_gzip = ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
    parts.append(f"gzip={bool(accepts_gzip)}")
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page-cache:page:{digest}"


def has_only(request: HttpRequest, query: tuple[str, ...]) -> bool:
    return set(request.GET) <= set(query)


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
        if settings.PAGE_CACHE_SECONDS:
            # A freshly started server never serves pages rendered by the code it replaces.
            bump_data_version()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_get(request):
            return self.get_response(request)
        query = declared_query(request)
        if query is None:
            return self.get_response(request)
        if not settings.PAGE_CACHE_SECONDS:
            response = self.get_response(request)
            mark_public(response)
            return response
        key = page_key(request, query=query)
        found = cache.get_many([DATA_VERSION_KEY, key])
        version = found.get(DATA_VERSION_KEY) or current_data_version()
        stored = found.get(key)
        if stored and stored["version"] == version:
            return rebuild(request, stored)
        response = self.get_response(request)
        if mark_public(response) and has_only(request, query):
            stored = {
                "version": version,
                "content": response.content,
                "headers": dict(response.items()),
            }
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        return response
