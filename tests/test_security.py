import io
import logging
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import include, path

import careers.urls

ROLE = "/roles/principal-devops-engineer/"
# Every public page type; pages still being built elsewhere answer 404, which is also fine.
PAGES = ["/", ROLE, "/skills/linux/", "/faq/", "/about/", "/compare/", "/next-episode/"]


def explode(request):
    raise RuntimeError("secret-internal-detail")


urlpatterns = [path("explode/", explode), path("", include(careers.urls))]


@pytest.fixture
def seed(seed_once, db):
    """The article's data, loaded once for this module's read-only tests."""


def test_pages_send_the_security_headers(client, seed):
    for response in (client.get("/", secure=True), client.get("/", secure=True)):
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_the_content_security_policy_allows_only_our_own_files(client, seed):
    policy = client.get(ROLE)["Content-Security-Policy"]
    directives = dict(item.strip().split(" ", 1) for item in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_templates_carry_no_inline_script_style_or_event_handler():
    """The policy would block them in the browser; catch them here first."""
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>")
    forbidden = [
        inline_script,
        re.compile(r"<style\b"),
        re.compile(r"\sstyle="),
        re.compile(r"\son[a-z]+="),
        re.compile(r"\shx-on"),
    ]
    for template in Path(django_settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        for pattern in forbidden:
            assert not pattern.search(text), f"{template.name}: {pattern.pattern}"


def test_plain_http_is_redirected_to_https_in_production(client, settings, seed):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(ROLE)
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{ROLE}"


def test_session_and_csrf_cookies_are_secure_and_http_only(client, django_user_model):
    django_user_model.objects.create_user("editor", password="a-long-pass-phrase", is_staff=True)
    login_page = client.get("/admin/login/", secure=True)
    csrf_cookie = login_page.cookies[django_settings.CSRF_COOKIE_NAME]
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "a-long-pass-phrase", "next": "/admin/"},
        secure=True,
    )
    session_cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    for cookie in (csrf_cookie, session_cookie):
        assert cookie["secure"] and cookie["httponly"]


@pytest.mark.urls(__name__)
def test_the_server_error_page_leaks_nothing(db):
    client = Client(raise_request_exception=False)
    response = client.get("/explode/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Something went wrong on our side" in content
    for leak in ("secret-internal-detail", "Traceback", "RuntimeError", "SECRET_KEY", "explode"):
        assert leak not in content


def test_an_unknown_host_gets_the_400_page_without_echoing_it(client, seed):
    response = client.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()
    assert "evil.example" not in response.content.decode()


def test_a_forged_form_gets_the_403_page(db):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"})
    assert response.status_code == 403
    assert "That is not allowed" in response.content.decode()
    assert "CSRF" not in response.content.decode()


def test_the_404_page_does_not_echo_the_address(client, seed):
    response = client.get("/roles/<script>alert(1)</script>/")
    assert response.status_code == 404
    assert "<script>alert" not in response.content.decode()


HOSTILE_QUERIES = {
    "huge": "q=" + "a" * 10_000,
    "many fields": "&".join(f"f{n}=1" for n in range(3_000)),
    "nul": "roles=%00",
    "raw nul": "roles=\x00",
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query", HOSTILE_QUERIES.values(), ids=HOSTILE_QUERIES.keys())
def test_hostile_query_strings_get_400(client, seed, page, query):
    response = client.get(f"{page}?{query}")
    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()


ODD_QUERIES = ["roles=%ff%fe%c3%28", "roles=%c0%ae%c0%ae", "roles=a,,,b&roles=c", "q=%", "=&&=="]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_encodings_never_cause_a_server_error(client, seed, page, query):
    assert client.get(f"{page}?{query}").status_code < 500


PATH_TRICKS = [
    "/static/../careers/settings.py",
    "/static/%2e%2e/%2e%2e/careers/settings.py",
    "/static/..%2f..%2fcareers%2fsettings.py",
    "/roles/..%2f..%2fetc%2fpasswd/",
    "/roles/%ff%fe/",
    "/skills/%c0%ae%c0%ae/",
    "/roles/%00/",
    "/" + "a" * 5_000 + "/",
    "/.env",
    "/.git/config",
]


@pytest.mark.parametrize("address", PATH_TRICKS)
def test_path_tricks_get_a_4xx(client, seed, address):
    response = client.get(address)
    assert 400 <= response.status_code < 500
    assert b"SECRET_KEY" not in response.content


def test_a_double_slash_address_never_redirects_off_site(client, seed):
    response = client.get("//evil.example")
    assert not response.get("Location", "").startswith("//")


def test_an_oversized_form_post_is_refused(client, db):
    response = client.post("/admin/login/", {"username": "x" * 2_000_000})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "page",
    [
        *PAGES,
        "/healthz",
        "/card.png",
        "/data/roles.csv",
        "/next-episode/result.json?years=4&background=devops&priority=pay",
        "/plan/cloud-architect/",
        "/plan/cloud-architect/card.png",
    ],
)
def test_head_is_answered_like_get(client, seed, page):
    """Uptime checks often send HEAD."""
    assert client.head(page).status_code == 200


MANY_FIELDS = "&".join(["a"] * 1_001)  # short enough to pass the length check


def test_more_fields_than_allowed_get_400_even_with_debug_on(client, seed, settings):
    """Django's debug error page parses the query again, which turned this 400 into a 500."""
    settings.DEBUG = True
    assert len(MANY_FIELDS) < settings.MAX_QUERY_STRING_LENGTH
    response = client.get(f"/?{MANY_FIELDS}")
    assert response.status_code == 400


@pytest.fixture
def console(monkeypatch):
    """What the site's log handler writes (the django logger does not propagate to caplog)."""
    handler = next(h for h in logging.getLogger("django").handlers if h.name == "console")
    stream = io.StringIO()
    monkeypatch.setattr(handler, "stream", stream)
    return stream


@pytest.mark.parametrize(
    ("address", "headers"),
    [
        (f"/?{MANY_FIELDS}", {}),
        ("/?q=" + "a" * 3_000, {}),
        ("/", {"Host": "evil.example"}),
        ("/compare/?roles=a,b,c,d,e,f", {}),
        ("/next-episode/card.png?role=cloud-architect&years=abc", {}),
    ],
    ids=["many-fields", "too-long", "disallowed-host", "bad-comparison", "raised-bad-request"],
)
def test_a_refused_request_is_logged_in_one_line(client, seed, console, address, headers):
    response = client.get(address, headers=headers)
    assert 400 <= response.status_code < 500
    lines = console.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in console.getvalue()
