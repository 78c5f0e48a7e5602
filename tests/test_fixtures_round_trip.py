"""fixtures/ and the database round-trip: loads keep admin edits, exports give minimal diffs."""

import difflib
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from careers.fixture_sync import fixtures_export
from careers.models import CareerStage, Role
from careers.seed import SEED_FIXTURES
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db

REPOSITORY_FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SEED_RECORDS = sum(
    len(json.loads((REPOSITORY_FIXTURES / f"{name}.json").read_text(encoding="utf-8")))
    for name in SEED_FIXTURES
)


@pytest.fixture
def fixture_copy(tmp_path, settings):
    """A scratch copy of fixtures/ that loads and exports use, so tests never touch the repo."""
    copy = tmp_path / "fixtures"
    shutil.copytree(REPOSITORY_FIXTURES, copy)
    settings.FIXTURE_DIRS = [copy]
    return copy


def changed_lines(name: str, copy: Path) -> list[str]:
    before = (REPOSITORY_FIXTURES / f"{name}.json").read_text(encoding="utf-8").splitlines()
    after = (copy / f"{name}.json").read_text(encoding="utf-8").splitlines()
    return [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_exporting_an_unchanged_database_gives_no_diff(fixture_copy, seed):
    assert fixtures_export() == []
    for name in SEED_FIXTURES:
        assert (fixture_copy / f"{name}.json").read_bytes() == (
            REPOSITORY_FIXTURES / f"{name}.json"
        ).read_bytes()


def test_one_edited_figure_gives_a_one_line_diff(fixture_copy, seed):
    Role.objects.filter(slug="cloud-architect").update(total_max=470_000)
    assert run("export_fixtures") == "Wrote roles.\n"
    assert changed_lines("roles", fixture_copy) == [
        '-      "total_max": 450000,',
        '+      "total_max": 470000,',
    ]


def test_an_admin_edit_exports_as_its_figure_and_as_of_date(admin_client, fixture_copy, seed):
    role = Role.objects.get(slug="cloud-architect")
    admin_client.post(
        f"/admin/careers/role/{role.pk}/change/", role_form_data(role, total_max=470_000)
    )
    fixtures_export()
    role.refresh_from_db()
    assert changed_lines("roles", fixture_copy) == [
        '-      "total_max": 450000,',
        '+      "total_max": 470000,',
        '-      "pay_as_of": "2026-01-15"',
        f'+      "pay_as_of": "{role.pay_as_of.isoformat()}"',
    ]


def test_check_flag_reports_a_stale_fixture_without_writing(fixture_copy, seed):
    assert run("export_fixtures", "--check") == "fixtures/ matches the database.\n"
    Role.objects.filter(slug="cloud-architect").update(total_max=470_000)
    with pytest.raises(CommandError, match="roles"):
        call_command("export_fixtures", "--check")
    assert changed_lines("roles", fixture_copy) == []


def test_admin_edit_survives_a_default_reload_and_update_replaces_it(admin_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    admin_client.post(
        f"/admin/careers/role/{role.pk}/change/", role_form_data(role, total_max=470_000)
    )
    output = run("load_fixtures")
    assert f"0 added, 0 updated, {SEED_RECORDS - 1} unchanged, 1 kept records." in output
    assert "run with --update" in output
    assert Role.objects.get(slug="cloud-architect").total_max == 470_000

    assert "1 updated" in run("load_fixtures", "--update")
    role.refresh_from_db()
    assert (role.total_max, str(role.pay_as_of)) == (450_000, "2026-01-15")
    assert role.history.first().history_change_reason == "Loaded from fixtures"


def test_default_load_adds_what_is_missing(seed):
    CareerStage.objects.filter(role__slug="cloud-architect", order=1).delete()
    # The step comes back with the three jobs that stand on it and the two skills it assumes.
    assert f"6 added, 0 updated, {SEED_RECORDS - 6} unchanged" in run("load_fixtures")
    assert CareerStage.objects.filter(role__slug="cloud-architect").count() == 4


def test_loading_into_an_empty_database_then_again_adds_nothing_twice(db):
    assert f"{SEED_RECORDS} added" in run("load_fixtures")
    assert f"0 added, 0 updated, {SEED_RECORDS} unchanged, 0 kept" in run("load_fixtures")


def test_an_exported_edit_loads_back(fixture_copy, seed):
    Role.objects.filter(slug="cloud-architect").update(total_max=470_000)
    fixtures_export()
    Role.objects.filter(slug="cloud-architect").update(total_max=450_000)
    run("load_fixtures", "--update")
    assert Role.objects.get(slug="cloud-architect").total_max == 470_000
