"""Staff edits are checked field by field before they reach the database's constraints."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone

from careers.models import PayComparison, Role
from careers.validation import pay_range_errors
from tests.admin_forms import post_edit, with_provenance
from tests.factories import (
    CareerStageFactory,
    ExperienceTierFactory,
    PayComparisonFactory,
    RoleFactory,
)
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db


def post_role(admin_client, role, **changes):
    return post_edit(
        admin_client, f"/admin/careers/role/{role.pk}/change/", role_form_data(role, **changes)
    )


def form_errors(response) -> dict:
    return response.context["adminform"].form.errors


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"total_min": 500_000, "total_max": 300_000},
            "total_min",
            "The lowest total compensation must not be above the highest total compensation.",
        ),
        (
            {"base_min": 260_000, "base_max": 300_000},
            "total_min",
            "its lowest figure must not be below the lowest base salary",
        ),
        (
            {"base_max": 500_000, "total_max": 450_000},
            "total_max",
            "its highest figure must not be below the highest base salary",
        ),
        (
            {"total_peak": 450_000},
            "total_peak",
            "A reported peak extends the range, so it must be above the highest total",
        ),
        (
            {"experience_min_years": 12, "experience_max_years": 8},
            "experience_min_years",
            "The fewest years must not be above the most years.",
        ),
    ],
    ids=["reversed-total", "total-below-base", "top-below-base", "peak-in-range", "years"],
)
def test_editor_sees_why_a_figure_is_refused_on_the_field(
    admin_client, seed, changes, field, message
):
    role = Role.objects.get(slug="cloud-architect")
    response = post_role(admin_client, role, **changes)
    assert response.status_code == 200
    assert any(message in error for error in form_errors(response)[field])
    role.refresh_from_db()
    assert (role.base_min, role.total_max, role.total_peak) == (140_000, 450_000, None)


def test_role_cannot_lose_its_last_source(admin_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    data = role_form_data(role)
    data["role_sources-0-DELETE"] = "on"
    response = post_edit(admin_client, f"/admin/careers/role/{role.pk}/change/", data)
    assert response.status_code == 200
    assert "pay figures need at least one source" in response.content.decode()
    assert role.role_sources.count() == 1


def test_new_role_form_offers_a_row_for_its_first_source(admin_client, db):
    response = admin_client.get("/admin/careers/role/add/")
    assert 'name="role_sources-TOTAL_FORMS" value="1"' in response.content.decode()


def test_tier_years_must_be_ordered(db):
    tier = ExperienceTierFactory.build(years_min=6, years_max=3)
    with pytest.raises(ValidationError) as error:
        tier.full_clean()
    assert error.value.message_dict["years_min"] == [
        "The fewest years must not be above the most years."
    ]


def test_stage_years_must_be_ordered_with_a_message(db):
    stage = CareerStageFactory.build(role=RoleFactory(), years_min=9, years_max=3)
    with pytest.raises(ValidationError) as error:
        stage.full_clean()
    assert "years_min" in error.value.message_dict


def test_comparison_row_total_must_not_start_below_base(db):
    row = PayComparisonFactory.build(role=RoleFactory(), base_min=150_000, total_min=120_000)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert list(error.value.message_dict) == ["total_min"]


def test_comparison_row_without_figures_is_valid_and_shows_its_note(client, db):
    row = PayComparisonFactory.build(
        role=RoleFactory(),
        base_min=None,
        base_max=None,
        base_note="Varies by level",
        total_min=None,
        total_max=None,
    )
    assert pay_range_errors(row) == {}
    row.full_clean()
    row.save()
    assert "Varies by level" in client.get(row.role.get_absolute_url()).content.decode()


def list_edit_data(roles, **changes_by_slug) -> dict:
    """The role list's bulk-edit form as posted right after it was drawn, some rows changed."""
    data = {
        "form-TOTAL_FORMS": len(roles),
        "form-INITIAL_FORMS": len(roles),
        "_save": "Save",
        "edit_seen": Role.history.aggregate(newest=Max("history_id"))["newest"],
    }
    for index, role in enumerate(roles):
        values = {
            "id": role.pk,
            "base_min": role.base_min,
            "base_max": role.base_max,
            "total_min": role.total_min,
            "total_max": role.total_max,
            "total_peak": role.total_peak or "",
        }
        values.update(changes_by_slug.get(role.slug, {}))
        data.update({f"form-{index}-{name}": value for name, value in values.items()})
    return data


def test_bulk_edit_in_the_role_list_saves_and_reranks(admin_client, client, seed):
    roles = list(Role.objects.all())
    data = list_edit_data(roles, **{"platform-engineer": {"total_max": 990_000}})
    response = admin_client.post("/admin/careers/role/", with_provenance(data))
    assert response.status_code == 302
    assert Role.objects.get(slug="platform-engineer").total_max == 990_000
    assert client.get("/").context["roles"][0].slug == "platform-engineer"


def test_bulk_edit_runs_the_same_validation(admin_client, seed):
    roles = list(Role.objects.all())
    data = list_edit_data(
        roles, **{"platform-engineer": {"total_min": 400_000, "total_max": 300_000}}
    )
    response = admin_client.post("/admin/careers/role/", with_provenance(data))
    assert response.status_code == 200
    assert "The lowest total compensation must not be above the highest" in (
        response.content.decode()
    )
    assert Role.objects.get(slug="platform-engineer").total_max == 350_000


def test_changing_a_figure_moves_the_as_of_date_to_today(admin_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    assert post_role(admin_client, role, total_max=470_000).status_code == 302
    role.refresh_from_db()
    assert role.pay_as_of == timezone.localdate()


def test_editing_words_only_keeps_the_as_of_date(admin_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    assert post_role(admin_client, role, summary="A shorter line.").status_code == 302
    role.refresh_from_db()
    assert role.pay_as_of == datetime.date(2026, 1, 15)


def test_a_date_the_editor_sets_is_kept(admin_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    response = post_role(admin_client, role, total_max=470_000, pay_as_of="2026-02-01")
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.pay_as_of == datetime.date(2026, 2, 1)


def test_changing_a_pay_table_row_moves_its_roles_date(seed):
    row = PayComparison.objects.get(role__slug="mlops-engineer", total_average__isnull=False)
    row.total_average += 10_000
    row.save()
    assert Role.objects.get(slug="mlops-engineer").pay_as_of == timezone.localdate()


def test_role_page_shows_the_new_as_of_date(admin_client, client, seed):
    role = Role.objects.get(slug="cloud-architect")
    post_role(admin_client, role, total_max=470_000)
    content = client.get(role.get_absolute_url()).content.decode()
    assert f"Pay last checked on {timezone.localdate():%B} {timezone.localdate().day}," in content


def test_a_date_the_editor_sets_wins_over_a_pay_table_rows_today(admin_client, seed):
    role = Role.objects.get(slug="infrastructure-engineer")
    data = role_form_data(role, pay_as_of="2026-02-01")
    data["comparisons-1-label"] = "Renamed row"
    data["comparisons-1-base_note"] = "A changed note"
    assert (
        post_edit(admin_client, f"/admin/careers/role/{role.pk}/change/", data).status_code == 302
    )
    role.refresh_from_db()
    assert role.comparisons.get(order=data["comparisons-1-order"]).base_note == "A changed note"
    assert role.pay_as_of == datetime.date(2026, 2, 1)
