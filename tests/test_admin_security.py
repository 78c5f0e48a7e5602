"""The admin: a configurable prefix, throttled logins, never cached or indexed, narrow roles."""

import importlib

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ImproperlyConfigured
from django.urls import clear_url_caches

import careers.urls
from careers.middleware import client_address
from careers.models import ExperienceTier, Role
from careers.settings import env_path_prefix
from tests.admin_forms import post_edit, posted, read_form
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase"


def log_in(client, username, password):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/no-such-page/"])
def test_admin_responses_are_never_cached_or_indexed(client, path):
    response = client.get(path)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_public_pages_keep_their_own_caching_and_indexing(client, seed):
    response = client.get("/")
    assert "X-Robots-Tag" not in response
    assert "no-store" not in response.get("Cache-Control", "")


def test_repeated_failed_logins_lock_that_username_out(client):
    User.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    for _ in range(4):
        assert log_in(client, "editor", "wrong-guess").status_code == 200
    locked = log_in(client, "editor", "wrong-guess")
    assert locked.status_code == 429
    assert "Sign-in is paused" in locked.content.decode()
    assert locked["X-Robots-Tag"] == "noindex, nofollow"
    assert log_in(client, "editor", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_block_other_staff(client):
    User.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    User.objects.create_superuser("other", "other@example.com", PASSWORD)
    for _ in range(5):
        log_in(client, "editor", "wrong-guess")
    assert log_in(client, "other", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(client):
    User.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    for _ in range(4):
        log_in(client, "editor", "wrong-guess")
    assert log_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, "editor", "wrong-guess").status_code == 200


@pytest.mark.parametrize("value", ["admin/", "staff/desk/", "back_office-7/"])
def test_admin_prefix_accepts_slug_paths(monkeypatch, value):
    monkeypatch.setenv("DJANGO_ADMIN_URL", value)
    assert env_path_prefix("DJANGO_ADMIN_URL", "admin/") == value


@pytest.mark.parametrize("value", ["/admin/", "admin", "ad min/", "../x/", "admin//"])
def test_admin_prefix_rejects_malformed_paths(monkeypatch, value):
    monkeypatch.setenv("DJANGO_ADMIN_URL", value)
    with pytest.raises(ImproperlyConfigured):
        env_path_prefix("DJANGO_ADMIN_URL", "admin/")


@pytest.fixture
def admin_at_back_office(settings):
    original = settings.ADMIN_URL
    settings.ADMIN_URL = "back-office/"
    importlib.reload(careers.urls)
    clear_url_caches()
    yield
    settings.ADMIN_URL = original
    importlib.reload(careers.urls)
    clear_url_caches()


def test_admin_is_served_under_the_configured_prefix(client, admin_at_back_office):
    assert client.get("/admin/login/").status_code == 404
    response = client.get("/back-office/login/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.fixture
def salary_editor_client(client):
    editor = User.objects.create_user("sam", "sam@example.com", PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Salary editors"))
    client.force_login(editor)
    return client


def test_salary_editors_group_can_change_pay_but_not_delete_roles_or_touch_users():
    codenames = set(
        Group.objects.get(name="Salary editors").permissions.values_list("codename", flat=True)
    )
    assert {"change_role", "change_experiencetier", "change_paycomparison", "change_source"} <= (
        codenames
    )
    assert "delete_role" not in codenames
    assert not {name for name in codenames if name.endswith(("_user", "_group", "_permission"))}


def test_salary_editor_changes_a_figure_in_the_admin(salary_editor_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    response = post_edit(
        salary_editor_client,
        f"/admin/careers/role/{role.pk}/change/",
        role_form_data(role, total_max=470_000),
    )
    assert response.status_code == 302
    assert Role.objects.get(pk=role.pk).total_max == 470_000


@pytest.mark.parametrize(
    "path",
    ["/admin/careers/role/{pk}/delete/", "/admin/careers/role/add/", "/admin/auth/user/"],
)
def test_salary_editor_cannot_delete_roles_or_manage_users(salary_editor_client, seed, path):
    role = Role.objects.get(slug="cloud-architect")
    assert salary_editor_client.get(path.format(pk=role.pk)).status_code == 403


def test_salary_editors_change_pay_but_not_the_title_slug_or_prose(salary_editor_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    form = salary_editor_client.get(f"/admin/careers/role/{role.pk}/change/").content.decode()
    assert 'name="total_max"' in form and 'name="pay_as_of"' in form
    assert 'name="title"' not in form and 'name="slug"' not in form
    assert 'name="what_they_do"' not in form
    response = post_edit(
        salary_editor_client,
        f"/admin/careers/role/{role.pk}/change/",
        role_form_data(role, total_max=470_000, title="Renamed", slug="renamed", track="ml"),
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert (role.total_max, role.title, role.slug, role.track) == (
        470_000,
        "Cloud Architect",
        "cloud-architect",
        "cloud",
    )


def test_salary_editors_change_a_tiers_pay_but_not_its_name(salary_editor_client, seed):
    tier = ExperienceTier.objects.get(slug="mid")
    page = salary_editor_client.get(f"/admin/careers/experiencetier/{tier.pk}/change/")
    assert 'name="base_max"' in page.content.decode()
    assert 'name="name"' not in page.content.decode()


def test_salary_editors_cannot_change_a_tiers_years(salary_editor_client, seed):
    """A tier's years place every reader's tier and every step's pay: they are not pay
    figures, so a salary editor's form neither shows them nor saves them when posted."""
    tier = ExperienceTier.objects.get(slug="mid")
    url = f"/admin/careers/experiencetier/{tier.pk}/change/"
    form = read_form(salary_editor_client.get(url), "experiencetier_form")
    assert "base_max" in form
    assert not {"years_min", "years_max"} & set(form)
    years, base_max = (tier.years_min, tier.years_max), tier.base_max + 5_000
    response = post_edit(
        salary_editor_client, url, posted(form, base_max=base_max, years_min=0, years_max=40)
    )
    assert response.status_code == 302
    tier.refresh_from_db()
    assert (tier.base_max, (tier.years_min, tier.years_max)) == (base_max, years)


def test_superusers_still_edit_every_field(client, seed):
    client.force_login(User.objects.create_superuser("root", "root@example.com", PASSWORD))
    role = Role.objects.get(slug="cloud-architect")
    form = client.get(f"/admin/careers/role/{role.pk}/change/").content.decode()
    assert 'name="title"' in form and 'name="slug"' in form


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.7", "10.0.0.2"),  # no proxy trusted: the header is the client's word
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # a forged first entry is ignored
        (2, "198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.2"),  # fewer entries than proxies: misconfigured
    ],
)
def test_the_client_address_comes_from_the_trusted_proxies(
    rf, settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_behind_a_load_balancer_a_lockout_is_per_client_not_for_everyone(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    User.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    attacker = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(5):
        client.post(
            "/admin/login/?next=/admin/", {"username": "editor", "password": "x"}, **attacker
        )
    owner = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD}, **owner
    )
    assert response.status_code == 302
