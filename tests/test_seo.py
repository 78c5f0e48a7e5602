import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ImproperlyConfigured

from careers.models import Role, Skill
from careers.settings import env_origin
from tests.head import read_head

PAGES = [
    "/",
    "/roles/principal-devops-engineer/",
    "/roles/senior-backend-go-rust/",
    "/skills/kubernetes/",
    "/faq/",
    "/about/",
]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_one_canonical_url_a_title_and_a_description(client, seed, path):
    head = read_head(client.get(path).content.decode())
    assert head.canonicals == ["http://127.0.0.1:8000" + path]
    assert head.title.strip()
    assert len(head.meta["description"]) == 1
    assert len(head.meta["description"][0]) > 50


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_open_graph_and_twitter_card_tags(client, seed, path):
    head = read_head(client.get(path).content.decode())
    for tag in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "og:type"):
        assert len(head.meta[tag]) == 1, tag
        assert head.meta[tag][0].strip(), tag
    assert head.meta["og:url"] == head.canonicals
    assert head.meta["og:description"] == head.meta["description"]
    assert head.meta["og:image"][0].startswith("http://127.0.0.1:8000/")
    assert head.meta["twitter:card"] == ["summary_large_image"]


def test_every_page_has_its_own_title_and_description(client, seed):
    heads = [read_head(client.get(path).content.decode()) for path in PAGES]
    assert len({head.title for head in heads}) == len(PAGES)
    assert len({head.meta["description"][0] for head in heads}) == len(PAGES)


def test_role_page_previews_with_its_own_card_and_figures(client, seed):
    head = read_head(client.get("/roles/principal-devops-engineer/").content.decode())
    assert head.meta["og:image"] == [
        "http://127.0.0.1:8000/roles/principal-devops-engineer/card.png"
    ]
    assert "#1 of the Top 10" in head.meta["og:title"][0]
    assert "$400,000 – $600,000+" in head.meta["og:image:alt"][0]


def test_canonical_url_follows_site_url_and_leaves_out_the_query_string(client, seed, settings):
    settings.SITE_URL = "https://next-episode.example"
    head = read_head(client.get("/faq/?utm_source=chat").content.decode())
    assert head.canonicals == ["https://next-episode.example/faq/"]
    assert head.meta["og:image"] == ["https://next-episode.example/card.png"]


@pytest.mark.parametrize(
    "value", ["next-episode.example", "ftp://next-episode.example", "https://", "/relative"]
)
def test_site_url_must_be_an_absolute_http_origin(monkeypatch, value):
    monkeypatch.setenv("SITE_URL", value)
    with pytest.raises(ImproperlyConfigured):
        env_origin("SITE_URL", "http://127.0.0.1:8000")


@pytest.mark.parametrize(
    "value", ["https://next-episode.example/careers/", "https://[::1", "http://host:99999"]
)
def test_site_url_refuses_paths_and_malformed_addresses(monkeypatch, value):
    monkeypatch.setenv("SITE_URL", value)
    with pytest.raises(ImproperlyConfigured):
        env_origin("SITE_URL", "http://127.0.0.1:8000")


def test_site_url_loses_a_trailing_slash_and_has_a_local_default(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://next-episode.example/")
    assert env_origin("SITE_URL", "http://x") == "https://next-episode.example"
    monkeypatch.delenv("SITE_URL")
    assert env_origin("SITE_URL", "http://127.0.0.1:8000") == "http://127.0.0.1:8000"


def test_robots_txt_keeps_the_admin_out_and_points_at_the_sitemap(client, settings, db):
    settings.SITE_URL = "https://next-episode.example"
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://next-episode.example/sitemap.xml" in lines


def sitemap_entries(client) -> dict[str, str]:
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext(
            "sm:lastmod", namespaces=SITEMAP_NS
        )
        for url in root.findall("sm:url", SITEMAP_NS)
    }


def test_sitemap_lists_every_role_skill_and_page_with_a_last_modified_date(client, seed):
    entries = sitemap_entries(client)
    site = "http://127.0.0.1:8000"
    for role in Role.objects.all():
        assert entries[site + role.get_absolute_url()] == role.pay_as_of.isoformat()
    for skill in Skill.objects.all():
        assert site + skill.get_absolute_url() in entries
    for path in ("/", "/next-episode/", "/faq/", "/about/"):
        assert entries[site + path] == "2026-01-15"
    assert all(entries.values())
    assert len(entries) == Role.objects.count() + Skill.objects.count() + 4


def test_sitemap_uses_site_url_whatever_host_the_request_names(client, seed, settings):
    settings.SITE_URL = "https://next-episode.example"
    entries = sitemap_entries(client)
    assert all(loc.startswith("https://next-episode.example/") for loc in entries)


def test_a_newer_pay_check_moves_the_roles_and_listings_last_modified_date(client, seed):
    Role.objects.filter(slug="mlops-engineer").update(pay_as_of="2026-03-01")
    entries = sitemap_entries(client)
    assert entries["http://127.0.0.1:8000/roles/mlops-engineer/"] == "2026-03-01"
    assert entries["http://127.0.0.1:8000/"] == "2026-03-01"
    assert entries["http://127.0.0.1:8000/skills/mlflow/"] == "2026-03-01"
