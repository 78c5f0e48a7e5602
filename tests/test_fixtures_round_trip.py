"""fixtures/ and the database round-trip: loads keep admin edits, exports give minimal diffs."""

import difflib
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from careers.fixture_sync import fixtures_export
from careers.models import FaqEntry, PayComparison, Role
from careers.seed import SEED_FIXTURES, SEED_MODELS
from tests.admin_forms import post_edit
from tests.fixture_files import REPOSITORY_FIXTURES, SEED_RECORDS
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db


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
    post_edit(
        admin_client,
        f"/admin/careers/role/{role.pk}/change/",
        role_form_data(role, total_max=470_000),
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
    post_edit(
        admin_client,
        f"/admin/careers/role/{role.pk}/change/",
        role_form_data(role, total_max=470_000),
    )
    output = run("load_fixtures")
    assert f"0 added, 0 updated, {SEED_RECORDS - 1} unchanged, 1 kept records." in output
    assert "run with --update" in output
    assert Role.objects.get(slug="cloud-architect").total_max == 470_000

    assert "1 updated" in run("load_fixtures", "--update")
    role.refresh_from_db()
    assert (role.total_max, str(role.pay_as_of)) == (450_000, "2026-01-15")
    assert role.history.first().history_change_reason == "Loaded from fixtures"


def test_default_load_adds_a_record_new_to_the_fixtures(fixture_copy, seed):
    faq = json.loads((fixture_copy / "faq.json").read_text())
    added = {"model": "careers.faqentry", "fields": {**faq[-1]["fields"], "order": 6}}
    added["fields"]["slug"] = "a-new-question"
    (fixture_copy / "faq.json").write_text(json.dumps([*faq, added]))
    assert f"1 added, 0 updated, {SEED_RECORDS} unchanged, 0 kept" in run("load_fixtures")
    assert FaqEntry.objects.filter(slug="a-new-question").exists()


def data_rows() -> list:
    """Every record of the article's data and its history, as stored."""
    rows = []
    for name in SEED_FIXTURES:
        model = apps.get_model(SEED_MODELS[name])
        rows += [model._base_manager.order_by("pk").values_list(), model.history.values_list()]
    return [list(queryset) for queryset in rows]


def refusal(*args) -> str:
    with pytest.raises(CommandError) as refused:
        call_command("load_fixtures", *args)
    return str(refused.value)


def rename_move_and_delete() -> None:
    """The edits of issue 22's report, saved as the admin saves them (with history)."""
    role = Role.objects.get(slug="mlops-engineer")
    role.slug = "mlops-platform-engineer"
    role.save()
    row = PayComparison.objects.get(role__slug="senior-backend-go-rust", order=2)
    row.order = 5
    row.save()
    FaqEntry.objects.get(slug="ai-and-pay").delete()


@pytest.mark.parametrize("update", [False, True])
def test_a_load_over_renamed_moved_and_deleted_records_is_refused_naming_each(seed, update):
    rename_move_and_delete()
    before = data_rows()
    message = refusal(*(["--update"] if update else []))
    assert 'role "mlops-engineer" is now "mlops-platform-engineer"' in message
    moved = "pay comparison (senior-backend-go-rust, 2) is now (senior-backend-go-rust, 5)"
    assert moved in message
    assert f'FAQ entry "ai-and-pay" was deleted on {timezone.localdate():%Y-%m-%d}' in message
    # The renamed role's stages, skills, pay table and sources, which name it by its old slug.
    assert "stages.json: 3 records refer to records not in the database by that key" in message
    assert data_rows() == before
    assert not Role.objects.filter(slug="mlops-engineer").exists()


def test_a_load_that_would_take_an_edited_records_place_is_refused(fixture_copy, seed):
    faq = json.loads((fixture_copy / "faq.json").read_text())
    faq.append({"model": "careers.faqentry", "fields": {**faq[0]["fields"], "slug": "twin"}})
    (fixture_copy / "faq.json").write_text(json.dumps(faq))
    assert 'FAQ entry "twin" would take the order of "top-paying-role"' in refusal()
    assert not FaqEntry.objects.filter(slug="twin").exists()


def test_loading_into_an_empty_database_then_again_adds_nothing_twice(db):
    assert f"{SEED_RECORDS} added" in run("load_fixtures")
    assert f"0 added, 0 updated, {SEED_RECORDS} unchanged, 0 kept" in run("load_fixtures")


def test_an_exported_edit_loads_back(fixture_copy, seed):
    Role.objects.filter(slug="cloud-architect").update(total_max=470_000)
    fixtures_export()
    Role.objects.filter(slug="cloud-architect").update(total_max=450_000)
    run("load_fixtures", "--update")
    assert Role.objects.get(slug="cloud-architect").total_max == 470_000
