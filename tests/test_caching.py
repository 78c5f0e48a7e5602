import gzip
import random

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.http import HttpResponse
from pytest_django.asserts import assertContains

from careers import data_version, page_cache
from careers.models import Role
from tests.factories import build_catalogue

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def roles():
    return build_catalogue(roles=3)


def was_rendered(response) -> bool:
    """A response drawn from the cache never ran a template, so the test client saw none."""
    return response.context is not None


def test_a_second_anonymous_visit_is_served_from_the_cache(
    client, roles, django_assert_num_queries
):
    """A hit reads the data version's copy with the page, from the cache: no query."""
    first = client.get("/")
    with django_assert_num_queries(0):
        second = client.get("/")
    assert was_rendered(first) and not was_rendered(second)
    assert second.status_code == 200
    assert second.content == first.content


def test_saving_a_role_shows_the_new_figure_at_once(client, roles):
    client.get(roles[0].get_absolute_url())
    roles[0].total_max = 987_000
    roles[0].save()
    response = client.get(roles[0].get_absolute_url())
    assert was_rendered(response)
    assert "$987,000" in response.content.decode()


def test_deleting_a_role_removes_it_from_the_cached_listing(client, roles):
    assert roles[1].title in client.get("/").content.decode()
    roles[1].delete()
    assert roles[1].title not in client.get("/").content.decode()


def test_a_bulk_write_shows_after_its_one_call(client, roles):
    """`QuerySet.update` sends no signal; `data_version.bump()` is the one call it needs."""
    client.get(roles[0].get_absolute_url())
    type(roles[0]).objects.filter(pk=roles[0].pk).update(total_max=987_000)
    assert not was_rendered(client.get(roles[0].get_absolute_url()))
    data_version.bump()
    assertContains(client.get(roles[0].get_absolute_url()), "$987,000")


def test_an_edit_whose_server_missed_redis_shows_once_the_copy_expires(client, roles):
    """A save on a server cut off from Redis changes only the database's token: the copy in
    the cache is then up to CACHED_COPY_SECONDS old, and read again once it expires."""
    client.get("/")
    data_version.DataVersion.objects.filter(pk=1).update(token="saved-on-another-server")
    assert not was_rendered(client.get("/"))  # within the bound: the copy still holds
    cache.delete(data_version.cached_copy_key())  # as it expires
    assert was_rendered(client.get("/"))
    assert cache.get(data_version.cached_copy_key()) == "saved-on-another-server"


def test_a_committed_edit_replaces_a_copy_read_before_its_commit(
    client, roles, django_capture_on_commit_callbacks
):
    """Between the save and the commit another server may copy the old token from the
    database; the commit writes the new one over it."""
    client.get("/")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        roles[0].save()
    cache.set(data_version.cached_copy_key(), "read-before-the-commit")
    for callback in callbacks:
        callback()
    assert cache.get(data_version.cached_copy_key()) == data_version.current()
    assert was_rendered(client.get("/"))


def test_an_unknown_query_parameter_is_served_from_the_cache_but_never_stored(client, roles):
    client.get("/")
    assert not was_rendered(client.get("/", {"utm_source": "newsletter"}))
    client.get("/skills/", {"utm_source": "a"})
    assert was_rendered(client.get("/skills/", {"utm_source": "a"}))
    assert was_rendered(client.get("/skills/"))


def test_an_address_with_a_query_its_view_reads_is_drawn_every_time(client, roles):
    client.get("/")
    client.get("/", {"sort": "base"})
    assert was_rendered(client.get("/", {"sort": "base"}))


def is_stored(rf, path: str, headers: dict | None = None) -> bool:
    """Whether the page cache holds an entry for this request (as the test client sends it)."""
    request = rf.get(path, headers=headers or {})
    release = page_cache.code_release(settings.BASE_DIR)
    return cache.get(page_cache.page_key(request, release=release)) is not None


@pytest.mark.parametrize(
    "query",
    [
        {"sort": "junk"},
        {"sort": ["base", "base"]},
        {"track": "nope", "years": "99"},
        {"sort": "total", "track": "", "years": ""},
        {"page": "abc"},
    ],
)
def test_a_listing_address_not_in_its_canonical_form_adds_no_page_cache_entry(client, roles, query):
    """Each is redirected to the address of what it shows; nothing is stored for it."""
    stored = stored_keys_while(lambda: [client.get("/", query) for _ in range(2)])
    assert client.get("/", query).status_code == 302
    assert stored == []


def stored_keys_while(visit) -> list[str]:
    """The page-cache keys stored while `visit()` runs, whatever the cache's backend."""
    keys = []
    store = cache.set

    def recording_set(key, *args, **kwargs):
        if key.startswith("page-cache:"):
            keys.append(key)
        return store(key, *args, **kwargs)

    cache.set = recording_set
    try:
        visit()
    finally:
        del cache.set
    return keys


def test_the_bare_address_is_stored_for_htmx_and_full_pages(client, rf, roles):
    client.get("/", headers=HTMX)
    assert is_stored(rf, "/", headers=HTMX)
    assert not is_stored(rf, "/")


@pytest.mark.parametrize(
    "headers",
    [
        {"HX-Target": "results-2"},
        {"HX-Trigger": "anything"},
        {"HX-Trigger-Name": "sort"},
        {"HX-Boosted": "true"},
        {"HX-Current-URL": "http://testserver/?x=1"},
    ],
)
def test_htmx_headers_no_view_reads_do_not_create_entries(client, roles, headers):
    client.get("/", headers={**HTMX, "HX-Target": "results"})
    assert not was_rendered(client.get("/", headers={**HTMX, **headers}))


def test_the_port_of_the_host_does_not_create_entries(client, roles):
    client.get("/")
    assert not was_rendered(client.get("/", HTTP_HOST="testserver:8123"))


def test_only_views_marked_public_are_looked_up(rf):
    assert page_cache.declared_query(rf.get("/")) == ("sort", "track", "years", "page")
    assert page_cache.declared_query(rf.get("/roles/any/")) == ()
    assert page_cache.declared_query(rf.get("/healthz")) is None
    assert page_cache.declared_query(rf.get("/admin/")) is None
    assert page_cache.declared_query(rf.get("/no-such-page/")) is None


def test_htmx_requests_and_full_pages_are_cached_apart(client, roles):
    full = client.get("/")
    fragment_request = client.get("/", headers=HTMX)
    fragment_again = client.get("/", headers=HTMX)
    assert was_rendered(full) and was_rendered(fragment_request)
    assert not was_rendered(fragment_again)
    assert "HX-Request" in full["Vary"] and "HX-Request" in fragment_again["Vary"]


def test_compressed_and_plain_responses_are_cached_apart(client, roles):
    compressed = client.get("/", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/")
    compressed_again = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip" and not plain.has_header("Content-Encoding")
    assert not was_rendered(compressed_again)
    assert gzip.decompress(compressed_again.content) == plain.content


@pytest.mark.parametrize("cache_seconds", [600, 0])
def test_a_repeat_request_with_the_etag_gets_304(client, settings, roles, cache_seconds):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    first = client.get("/")
    repeat = client.get("/", headers={"If-None-Match": first["ETag"]})
    assert repeat.status_code == 304
    assert repeat.content == b""


def test_a_compressed_page_keeps_its_etag_from_one_render_to_the_next(client, settings, roles):
    settings.PAGE_CACHE_SECONDS = 0
    first = client.get("/", headers={"Accept-Encoding": "gzip"})
    repeat = client.get("/", headers={"Accept-Encoding": "gzip", "If-None-Match": first["ETag"]})
    assert repeat.status_code == 304


def test_an_edit_changes_the_etag(client, roles):
    etag = client.get("/")["ETag"]
    roles[0].total_max = 987_000
    roles[0].save()
    response = client.get("/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_pages_tell_browsers_to_revalidate(client, roles):
    assert client.get("/")["Cache-Control"] == "no-cache"


def test_signed_in_users_are_never_served_cached_pages(client, roles):
    client.get("/")
    client.force_login(User.objects.create_superuser("editor", "e@example.com", "pass-phrase"))
    assert was_rendered(client.get("/"))
    assert was_rendered(client.get("/"))


def test_admin_pages_are_never_cached(client):
    client.get("/admin/login/")
    response = client.get("/admin/login/")
    assert was_rendered(response)
    assert "no-store" in response["Cache-Control"]


def test_the_health_check_is_never_cached(client):
    client.get("/healthz")
    assert "no-store" in client.get("/healthz")["Cache-Control"]


def test_not_found_pages_are_not_cached(client, roles):
    client.get("/roles/no-such-role/")
    assert was_rendered(client.get("/roles/no-such-role/"))


def test_with_the_page_cache_off_every_visit_renders(client, settings, roles):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert was_rendered(client.get("/"))


def test_with_the_page_cache_off_pages_still_vary_on_htmx_and_revalidate(client, settings, roles):
    settings.PAGE_CACHE_SECONDS = 0
    response = client.get("/")
    assert "HX-Request" in response["Vary"]
    assert response["Cache-Control"] == "no-cache"


def test_a_views_own_cache_lifetime_is_kept():
    response = HttpResponse("card")
    response["Cache-Control"] = "public, max-age=3600"
    assert page_cache.mark_public(response)
    assert response["Cache-Control"] == "public, max-age=3600"


def random_valid_query(rng: random.Random, roles, skills) -> dict[str, str]:
    """Values each view accepts: numbers in range, real slugs, any words."""
    slugs = [role.slug for role in roles]
    return {
        "years": str(rng.randint(0, 50)),
        "pay": str(rng.randrange(0, 1_000_000, 500)),
        "background": rng.choice(["backend", "devops", "sysadmin", "data", "none"]),
        "have": ",".join(rng.sample(skills, k=rng.randint(0, len(skills)))),
        "likes": rng.choice(["security", "ai", "infrastructure", ""]),
        "priority": rng.choice(["pay", "reach", ""]),
        "step": str(rng.randint(1, 4)),
        "roles": ",".join(rng.sample(slugs, k=rng.randint(1, len(slugs)))),
        "find": rng.choice(["dev", "ops", "go", "x" * rng.randint(1, 9)]),
        "page": str(rng.randint(1, 5)),
        "sort": rng.choice(["base", "total", "rank"]),
        "p": str(rng.randint(1, 3)),
        "role": rng.choice(slugs),
    }


PUBLIC_ADDRESSES_WITH_QUERIES = [
    "/",
    "/compare/",
    "/changes/",
    "/next-episode/",
    "/next-episode/result.json",
    "/next-episode/card.png",
    "/sitemap.xml",
]


def test_a_flood_of_valid_values_stores_nothing_beyond_one_entry_per_page(client, seed):
    """What may be stored is bounded by the data: each public path once per htmx and gzip
    variant. Addresses with answers, filters or choices in them are drawn, never stored."""
    roles = list(Role.objects.all())
    rng = random.Random(21)
    skills = ["git", "linux", "docker", "sql", "python", "kubernetes"]
    bare_paths = [*PUBLIC_ADDRESSES_WITH_QUERIES, *(role.get_absolute_url() for role in roles)]

    def flood():
        for _ in range(150):
            query = random_valid_query(rng, roles, skills)
            path = rng.choice(PUBLIC_ADDRESSES_WITH_QUERIES)
            chosen = dict(rng.sample(sorted(query.items()), k=rng.randint(1, len(query))))
            headers = rng.choice([{}, HTMX, {"Accept-Encoding": "gzip"}])
            client.get(path, chosen, headers=headers)
        for path in bare_paths:
            for headers in ({}, HTMX, {"Accept-Encoding": "gzip"}):
                client.get(path, headers=headers)

    stored = stored_keys_while(flood)
    assert len(set(stored)) <= len(bare_paths) * 4
    assert len(set(stored)) == len(stored), "a stored page is answered, not stored again"
