import gzip

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.http import HttpResponse

from careers import page_cache
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


def test_the_change_bumps_the_version_again_once_committed(
    roles, django_capture_on_commit_callbacks
):
    """A page drawn between the save and the commit (from the old data) is dropped too."""
    before = page_cache.current_data_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        roles[0].save()
    before_commit = page_cache.current_data_version()
    assert before_commit != before
    for callback in callbacks:
        callback()
    assert page_cache.current_data_version() != before_commit


def test_an_unknown_query_parameter_is_served_from_the_cache_but_never_stored(client, roles):
    client.get("/")
    assert not was_rendered(client.get("/", {"utm_source": "newsletter"}))
    client.get("/skills/", {"utm_source": "a"})
    assert was_rendered(client.get("/skills/", {"utm_source": "a"}))
    assert was_rendered(client.get("/skills/"))


def test_the_parameters_a_view_declares_are_keyed(client, roles):
    client.get("/")
    sorted_by_base = client.get("/", {"sort": "base"})
    assert was_rendered(sorted_by_base)
    assert not was_rendered(client.get("/", {"sort": "base"}))


def is_stored(rf, path: str, query: dict, headers: dict | None = None) -> bool:
    """Whether the page cache holds an entry for this request (as the test client sends it)."""
    request = rf.get(path, query, headers=headers or {})
    key = page_cache.page_key(request, query=page_cache.declared_query(request))
    return cache.get(key) is not None


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
def test_a_listing_address_not_in_its_canonical_form_adds_no_page_cache_entry(
    client, rf, roles, query
):
    """Each is redirected to the address of what it shows, which is cached instead, so no
    number of odd values can fill the cache. Nothing is cached beforehand: the cache must not
    answer for the view."""
    for _ in range(2):
        response = client.get("/", query)
        assert response.status_code == 302
        assert not is_stored(rf, "/", query)
    client.get(response["Location"])
    assert is_stored(rf, response["Location"], {})


def test_junk_sent_by_htmx_is_answered_but_not_stored(client, rf, roles):
    """htmx is never redirected; the page it gets is marked private, so it is not stored."""
    junk = {"sort": "junk", "track": ""}
    first = client.get("/", junk, headers=HTMX)
    again = client.get("/", junk, headers=HTMX)
    assert first.status_code == again.status_code == 200
    assert was_rendered(again)
    assert "private" in again["Cache-Control"]
    assert not is_stored(rf, "/", junk, headers=HTMX)


def test_what_the_filter_form_sends_with_htmx_is_stored(client, rf, roles):
    """The form submits every field: a bounded set of spellings, cached like any page."""
    form = {"sort": "base", "track": "", "years": ""}
    client.get("/", form, headers=HTMX)
    assert is_stored(rf, "/", form, headers=HTMX)
    assert not was_rendered(client.get("/", form, headers=HTMX))


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
