"""Every edit is recorded (who, when, what) and revertible; pay edits are published on /changes/."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from careers import formatting, read_model
from careers.models import ExperienceTier, PayComparison, Role
from tests.admin_forms import post_edit
from tests.factories import (
    CareerStageFactory,
    ExperienceTierFactory,
    PayComparisonFactory,
    RoleFactory,
    RoleSkillFactory,
    RoleSourceFactory,
    SourceFactory,
    build_catalogue,
)
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_superuser("pat.editor", "pat@example.com", "a-long-pass-phrase")
    client.force_login(editor)
    return client


def edit_role(editor_client, role, **changes):
    response = post_edit(
        editor_client, f"/admin/careers/role/{role.pk}/change/", role_form_data(role, **changes)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors


@pytest.mark.parametrize(
    ("factory", "field", "value"),
    [
        (RoleFactory, "total_max", 333_000),
        (ExperienceTierFactory, "base_max", 99_000),
        (CareerStageFactory, "title", "Lead engineer"),
        (RoleSkillFactory, "order", 9),
        (PayComparisonFactory, "total_max", 360_000),
        (SourceFactory, "title", "Renamed report"),
        (RoleSourceFactory, "backs", "peak"),
    ],
)
def test_every_change_to_the_data_is_recorded_field_by_field(factory, field, value):
    obj = factory()
    setattr(obj, field, value)
    obj.save()
    newest, older = obj.history.all()[:2]
    changes = {change.field: change for change in newest.diff_against(older).changes}
    assert changes[field].new == value
    assert set(changes) <= {field, "pay_as_of"}  # a role's figure also moves its as-of date


def test_admin_edit_records_who_made_it(editor_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    edit_role(editor_client, role, total_max=480_000)
    latest = role.history.first()
    assert latest.history_user.username == "pat.editor"
    changed = latest.diff_against(latest.prev_record).changed_fields
    assert sorted(changed) == ["pay_as_of", "total_max"]


def test_history_page_lists_changes_field_by_field(editor_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    edit_role(editor_client, role, total_max=480_000)
    response = editor_client.get(f"/admin/careers/role/{role.pk}/history/")
    assertContains(response, "pat.editor")
    assertContains(response, "450000")
    assertContains(response, "480000")


def test_an_edit_can_be_reverted_from_the_history(editor_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    original = role.history.first()
    edit_role(editor_client, role, total_max=480_000)
    response = editor_client.post(
        f"/admin/careers/role/{role.pk}/history/{original.history_id}/",
        role_form_data(original.instance),
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert (role.total_max, str(role.pay_as_of)) == (450_000, "2026-01-15")


def test_changes_page_shows_role_figure_old_and_new_value(editor_client, client, seed):
    role = Role.objects.get(slug="cloud-architect")
    edit_role(editor_client, role, total_max=480_000)
    response = client.get("/changes/")
    assertContains(response, '<a href="/roles/cloud-architect/">Cloud Architect</a>', html=True)
    assertContains(
        response,
        "<tr><th scope='row'>Total compensation, highest</th>"
        "<td>$450,000</td><td>$480,000</td></tr>",
        html=True,
    )
    assertNotContains(response, "pat.editor")


def test_changes_page_lists_tier_and_pay_table_edits_newest_first(client, seed):
    tier = ExperienceTier.objects.get(slug="mid")
    tier.base_min = 90_000
    tier.save()
    row = PayComparison.objects.get(role__slug="infrastructure-engineer", order=2)
    row.base_note = "Depends on the level"
    row.save()
    subjects = [edit.subject for edit in client.get("/changes/").context["page"]]
    assert subjects[0].startswith("Infrastructure Engineer, pay table row")
    assert subjects[1] == "Pay by experience: Mid"


def test_edits_to_wording_are_not_listed_as_pay_changes(editor_client, client, seed):
    role = Role.objects.get(slug="cloud-architect")
    edit_role(editor_client, role, summary="A different one-line summary.")
    assertContains(client.get("/changes/"), "No pay figure has changed")


def test_fixture_loads_alone_are_not_changes(client, seed):
    assert list(client.get("/changes/").context["page"]) == []


def make_pay_edits(roles: list[Role], *, rounds: int) -> None:
    for step in range(rounds):
        for role in roles:
            role.total_max += 1_000 + step
            role.save()
        for row in PayComparison.objects.filter(role__in=roles):
            row.total_max += 1_000
            row.save()
        tier = ExperienceTierFactory(slug="mid")
        tier.base_max += 1_000
        tier.save()


@pytest.mark.parametrize("roles", [2, 12])
def test_changes_page_query_count_does_not_grow_with_history(
    client, django_assert_num_queries, settings, roles
):
    """The log is part of the read model, built with one windowed query per pay model (roles,
    pay-table rows, tiers; counted in tests/test_read_model.py), so a page of it runs only the
    version check, at any history size."""
    settings.PAGE_CACHE_SECONDS = 0
    make_pay_edits(build_catalogue(roles=roles), rounds=2)
    read_model.current()
    with django_assert_num_queries(1):
        response = client.get("/changes/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 8 * roles + 2  # every edit made above


def test_changes_page_is_paginated_and_tolerates_bad_page_numbers(client, db):
    # 20 pay-table rows added, then 10 roles, those 20 rows and 1 tier edited: 51 edits.
    make_pay_edits(build_catalogue(roles=10), rounds=1)
    first = client.get("/changes/")
    assert len(first.context["page"]) == 20
    assertContains(first, 'rel="next" href="?page=2"')
    assert len(client.get("/changes/", {"page": 3}).context["page"]) == 11
    for bad in ("abc", "-1", "99999", "1" * 500):
        assert client.get("/changes/", {"page": bad}).status_code == 200


def test_changes_page_answers_htmx_with_the_log_only(client, db):
    make_pay_edits(build_catalogue(roles=1), rounds=1)
    response = client.get("/changes/", headers={"HX-Request": "true"})
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="change-log"')
    assert "<html" not in content


def test_a_pay_table_row_added_then_deleted_is_listed_and_moves_the_date(client, seed):
    role = Role.objects.get(slug="cloud-architect")
    Role.objects.filter(pk=role.pk).update(pay_as_of="2026-01-15")
    row = PayComparison.objects.create(
        role=role, order=99, label="Cloud consultant", base_min=150_000, base_max=190_000
    )
    assert Role.objects.get(pk=role.pk).pay_as_of == timezone.localdate()
    added = client.get("/changes/")
    assertContains(added, "Cloud Architect, pay table row “Cloud consultant” added")
    assertContains(added, "<td>no row</td><td>$190,000</td>", html=True)

    Role.objects.filter(pk=role.pk).update(pay_as_of="2026-01-15")
    row.delete()
    assert Role.objects.get(pk=role.pk).pay_as_of == timezone.localdate()
    deleted = client.get("/changes/")
    assertContains(deleted, "Cloud Architect, pay table row “Cloud consultant” deleted")
    assertContains(deleted, "<td>$190,000</td><td>row deleted</td>", html=True)


def test_a_reload_that_overwrites_a_pay_table_edit_is_listed_too(client, seed):
    row = PayComparison.objects.get(role__slug="mlops-engineer", total_average__isnull=False)
    original = row.total_average
    row.total_average += 10_000
    row.save()
    call_command("load_fixtures", update=True, verbosity=0)
    assert PayComparison.objects.get(pk=row.pk).total_average == original
    edits = [e for e in client.get("/changes/").context["page"] if "pay table row" in e.subject]
    assert [(c.old, c.new) for e in edits for c in e.changes] == [
        (formatting.usd(original + 10_000), formatting.usd(original)),
        (formatting.usd(original), formatting.usd(original + 10_000)),
    ]


def test_saved_plans_read_each_roles_pay_edits_as_json(client, seed):
    """My plans says what changed for a saved plan's role; tier edits name no role."""
    role = Role.objects.get(slug="platform-engineer")
    role.base_max = 185_000
    role.save()
    own_figures = {"same_as_role": False, "same_as_tier": None}  # a linked row has no note
    row = PayComparison.objects.filter(**own_figures).exclude(role=role)[0]
    row.base_note = "Depends on the level"
    row.save()
    tier = ExperienceTier.objects.get(slug="mid")
    tier.base_min = 90_000
    tier.save()
    response = client.get("/changes/roles.json")
    assert response["Content-Type"] == "application/json"
    edits = response.json()["edits"]
    assert [edit["role"] for edit in edits] == [row.role.slug, "platform-engineer"]
    assert edits[1]["subject"] == "Platform Engineer"
    assert edits[1]["changes"] == [
        {"figure": "Base salary, highest", "old": "$180,000", "new": "$185,000"}
    ]
    assert edits[1]["changed_at"] == role.history.first().history_date.isoformat()
