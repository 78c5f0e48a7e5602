"""Whole-page cache for anonymous GET requests, invalidated by any change to the careers data.

Every cached page is stored with the data version it was rendered under. Saving, deleting or
relinking any careers model replaces the version with a new random token, so all pages drawn
from the old data miss at once, on every app server sharing the cache. Reading the version and
the page costs one round trip (`get_many`).
"""

import hashlib
import logging
import re
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import split_directive_names

logger = logging.getLogger(__name__)

DATA_VERSION_KEY = "page-cache:data-version"
DATA_VERSION_SECONDS = 7 * 24 * 60 * 60
# htmx request headers that may change what a view renders; each combination is its own entry.
HTMX_HEADERS = (
    "HX-Request",
    "HX-Boosted",
    "HX-History-Restore-Request",
    "HX-Target",
    "HX-Trigger",
    "HX-Trigger-Name",
)
# A response may vary only on request headers that are part of the key.
KEYED_VARY_HEADERS = {"accept-encoding", *(name.lower() for name in HTMX_HEADERS)}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def bump_data_version() -> str:
    version = secrets.token_hex(8)
    cache.set(DATA_VERSION_KEY, version, DATA_VERSION_SECONDS)
    return version


def current_data_version() -> str:
    version = secrets.token_hex(8)
    if cache.add(DATA_VERSION_KEY, version, DATA_VERSION_SECONDS):
        return version
    return cache.get(DATA_VERSION_KEY) or bump_data_version()


def invalidate_pages(**kwargs) -> None:
    """Signal receiver: drop every cached page now and again once the change is committed.

    The second bump covers a page rendered from the old data between the save and the commit.
    """
    bump_data_version()
    transaction.on_commit(bump_data_version, robust=True)


def connect_invalidation(models) -> None:
    for model in models:
        post_save.connect(invalidate_pages, sender=model)
        post_delete.connect(invalidate_pages, sender=model)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(invalidate_pages, sender=field.remote_field.through)


def page_key(request: HttpRequest) -> str:
    variant = [request.headers.get(name, "") for name in HTMX_HEADERS]
    accepts_gzip = ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
    variant.append("gzip" if accepts_gzip else "")
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256("\n".join([url, *variant]).encode()).hexdigest()
    return f"page-cache:page:{digest}"


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
    def __init__(self, get_response):
        self.get_response = get_response
        if settings.PAGE_CACHE_SECONDS:
            # A freshly started server never serves pages rendered by the code it replaces.
            try:
                bump_data_version()
            except Exception:
                logger.exception("Page cache unreachable at start-up")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_get(request):
            return self.get_response(request)
        if not settings.PAGE_CACHE_SECONDS:
            response = self.get_response(request)
            mark_public(response)
            return response
        key = page_key(request)
        try:
            found = cache.get_many([DATA_VERSION_KEY, key])
            version = found.get(DATA_VERSION_KEY) or current_data_version()
        except Exception:
            logger.exception("Page cache unreachable; serving without it")
            return self.get_response(request)
        stored = found.get(key)
        if stored and stored["version"] == version:
            return rebuild(request, stored)
        response = self.get_response(request)
        if mark_public(response):
            self.store(key, version, response)
        return response

    def store(self, key: str, version: str, response: HttpResponse) -> None:
        headers = dict(response.items())
        stored = {"version": version, "content": response.content, "headers": headers}
        try:
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("Page cache unreachable; page not stored")
