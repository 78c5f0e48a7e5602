"""A start never rewrites data (careers/management/commands/prepare_database.py).

`make run` and `make serve` run `prepare_database` before the server: an empty database is
migrated and loaded, a database with data is left exactly as the editors left it.
"""

import re
import sqlite3
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from careers.models import FaqEntry, PayComparison, Role
from careers.seed import SEED_FIXTURES, SEED_MODELS
from tests import servers
from tests.admin_forms import posted, read_form
from tests.fixture_files import SEED_RECORDS

MIGRATIONS = sorted(
    path.stem for path in (Path(servers.BASE_DIR) / "careers/migrations").glob("0*.py")
)
RENAMED = ("mlops-engineer", "mlops-platform-engineer")
MOVED_ROW = "AI/ML Engineer"  # the MLOps role's second pay-table row, moved to the end
DELETED_FAQ = "ai-and-pay"


def prepare(*args) -> str:
    out = StringIO()
    call_command("prepare_database", *args, stdout=out)
    return out.getvalue()


def data_rows() -> list[list[tuple]]:
    """Every record of the article's data and its history, as stored."""
    rows = []
    for name in SEED_FIXTURES:
        model = apps.get_model(SEED_MODELS[name])
        rows += [model._base_manager.order_by("pk").values_list(), model.history.values_list()]
    return [list(queryset) for queryset in rows]


def edit_as_the_editor(editor: Client) -> None:
    """Issue 22's edits, made in the admin: a slug renamed, a pay row moved, a FAQ deleted."""
    role = Role.objects.get(slug=RENAMED[0])
    change = f"/admin/careers/role/{role.pk}/change/"
    fields = read_form(editor.get(change), "role_form")
    moved = next(
        key.removesuffix("-label")
        for key, value in fields.items()
        if key.startswith("comparisons-") and value == [MOVED_ROW]
    )
    changes = {"slug": RENAMED[1], f"{moved}-order": 5, "_save": "Save"}
    assert editor.post(change, posted(fields, **changes)).status_code == 302
    faq = FaqEntry.objects.get(slug=DELETED_FAQ)
    response = editor.post(f"/admin/careers/faqentry/{faq.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302


def role_links(listing: str) -> list[str]:
    return re.findall(r'<h3[^>]*>\s*<a href="/roles/([a-z0-9-]+)/"', listing)


@pytest.mark.django_db
def test_a_restart_after_edits_finds_the_site_as_the_editor_left_it(admin_client, seed, settings):
    settings.PAGE_CACHE_SECONDS = 0
    edit_as_the_editor(admin_client)
    visitor = Client()
    pages = ("/", f"/roles/{RENAMED[1]}/", "/faq/", "/changes/", "/data/roles.json")
    before = {path: visitor.get(path).content for path in pages}
    rows = data_rows()

    output = prepare()

    assert {path: visitor.get(path).content for path in pages} == before
    assert data_rows() == rows
    assert output == "The database holds data: left as it is.\n"
    listing = before["/"].decode()
    assert len(role_links(listing)) == len(set(role_links(listing))) == 10
    assert RENAMED[1] in role_links(listing)
    assert visitor.get(f"/roles/{RENAMED[0]}/").status_code == 404
    role_page = before[f"/roles/{RENAMED[1]}/"].decode()
    assert role_page.count(MOVED_ROW) == 1
    assert PayComparison.objects.get(label=MOVED_ROW).order == 5
    assert FaqEntry.objects.filter(slug=DELETED_FAQ).count() == 0


@pytest.mark.django_db
def test_an_empty_database_is_loaded_with_the_article_data():
    assert prepare() == f"An empty database: {SEED_RECORDS} records loaded.\n"
    assert Role.objects.count() == 10
    assert prepare() == "The database holds data: left as it is.\n"


def test_a_new_database_is_migrated_and_unapplied_migrations_stop_a_later_start(tmp_path):
    """As `make run` starts on a fresh clone, then after a pull that brings a migration."""
    database = tmp_path / "careers.sqlite3"
    environment = servers.production_environment(DATABASE_URL=f"sqlite:///{database}")
    assert f"An empty database: {SEED_RECORDS} records loaded." in servers.manage(
        environment, "prepare_database"
    )
    edited = "UPDATE careers_role SET total_max = 999000 WHERE slug = 'devsecops-engineer'"
    with sqlite3.connect(database) as connection:
        connection.execute(edited)
    *_, before, newest = MIGRATIONS
    servers.manage(environment, "migrate", "careers", before)  # as if the newest had just come

    pending = rf"1 unapplied migrations \(careers\.{newest}\)"
    with pytest.raises(RuntimeError, match=pending):
        servers.manage(environment, "prepare_database")
    output = servers.manage(environment, "prepare_database", "--migrate")
    assert f"Applying careers.{newest}... OK" in output
    assert "The database holds data: left as it is." in output
    with sqlite3.connect(database) as connection:
        query = "SELECT total_max FROM careers_role WHERE slug = 'devsecops-engineer'"
        assert connection.execute(query).fetchone() == (999000,)


@pytest.mark.parametrize("target", ["run", "serve"])
def test_make_run_and_serve_start_through_prepare_database_only(target):
    commands = subprocess.run(
        ["make", "--dry-run", target], capture_output=True, text=True, check=True
    ).stdout
    assert "manage.py prepare_database" in commands
    assert "load_fixtures" not in commands
    assert "manage.py migrate" not in commands
