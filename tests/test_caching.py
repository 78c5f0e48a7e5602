import gzip

import pytest
from django.contrib.auth.models import User
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
    before = page_cache.current_data_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        roles[0].save()
    assert callbacks and page_cache.current_data_version() != before


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
