"""A backup restores the whole site, every page and the change log (careers/backups.py).

The backup and the restore run outside the test's transaction (pg_dump and psql are programs
of their own), so these tests commit for real and the test database is emptied after each.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from careers.models import FaqEntry, Role
from tests.admin_forms import post_edit
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db(transaction=True)

ROLE = "cloud-architect"
PAGES = ("/", f"/roles/{ROLE}/", "/changes/", "/faq/", "/data/roles.json", "/sitemap.xml")


def pages(visitor: Client) -> dict[str, bytes]:
    return {path: visitor.get(path).content for path in PAGES}


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("page_cache_seconds", [0, 600], ids=["rendered", "page-cache"])
def test_a_restored_backup_gives_back_the_same_pages_changes_included(
    admin_client, seed, tmp_path, settings, page_cache_seconds
):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    visitor = Client()  # one client: each new one starts a handler, which empties the page cache
    role = Role.objects.get(slug=ROLE)
    post_edit(
        admin_client,
        f"/admin/careers/role/{role.pk}/change/",
        role_form_data(role, total_max=470_000),
    )
    before = pages(visitor)
    assert "$470,000" in before["/changes/"].decode()
    backup = tmp_path / "careers.backup"
    assert run("backup_database", str(backup)).startswith(f"Backed up to {backup}")

    role.refresh_from_db()
    post_edit(
        admin_client,
        f"/admin/careers/role/{role.pk}/change/",
        role_form_data(role, total_max=490_000),
    )
    FaqEntry.objects.all().delete()
    assert pages(visitor) != before

    assert run("restore_database", str(backup), "--no-input").startswith("Restored")
    assert pages(visitor) == before
    assert Role.objects.get(slug=ROLE).total_max == 470_000
    assert run("backup_database", str(tmp_path / "again.backup"))  # the restored database works


def test_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(seed, tmp_path, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visitor = Client()
    before = pages(visitor)
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a backup")
    with pytest.raises(CommandError, match="Nothing changed"):
        call_command("restore_database", str(not_a_backup), "--no-input")
    assert pages(visitor) == before


def test_a_restore_asks_first(seed, tmp_path, monkeypatch):
    backup = tmp_path / "careers.backup"
    run("backup_database", str(backup))
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore_database", str(backup))
