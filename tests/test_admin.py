import pytest
from django.contrib.auth.models import User

from careers import edit_conflicts
from careers.admin import RoleAdmin
from careers.models import ExperienceTier, Role
from tests.admin_forms import post_edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = User.objects.create_superuser("editor", "editor@example.com", "a-long-pass-phrase")
    client.force_login(user)
    return client


def role_form_data(role: Role, **changes) -> dict:
    """The role's change form as the browser would post it, just opened, no inline row edited."""
    data = {
        field.name: getattr(role, field.attname)
        for field in Role._meta.concrete_fields
        if field.name != "id"
    }
    data = {key: ("" if value is None else value) for key, value in data.items()}
    for flag in (
        "base_max_open_ended",
        "total_max_open_ended",
        "experience_open_ended",
        "experience_approximate",
    ):
        if not data[flag]:
            del data[flag]
    for prefix, related in (
        ("stages", role.stages),
        ("role_skills", role.role_skills),
        ("comparisons", role.comparisons),
        ("role_sources", role.role_sources),
    ):
        rows = list(related.all())
        data[f"{prefix}-TOTAL_FORMS"] = len(rows)
        data[f"{prefix}-INITIAL_FORMS"] = len(rows)
        for index, row in enumerate(rows):
            for field in row._meta.concrete_fields:
                value = getattr(row, field.attname)
                if field.name == "role":
                    value = role.pk
                if isinstance(value, bool):
                    if value:
                        data[f"{prefix}-{index}-{field.name}"] = "on"
                    continue
                data[f"{prefix}-{index}-{field.name}"] = "" if value is None else value
    inline_models = tuple(inline.model for inline in RoleAdmin.inlines)
    data["edit_token"] = edit_conflicts.edit_token(role, inline_models=inline_models)
    data.update(changes)
    return data


def test_every_model_is_in_the_admin(admin_client):
    content = admin_client.get("/admin/").content.decode()
    for name in (
        "Roles",
        "Experience tiers",
        "Skills",
        "Sources",
        "Statistics",
        "FAQ entries",
        "Career stages",
        "Pay comparisons",
    ):
        assert name in content


def test_role_list_shows_pay_columns_and_searches(admin_client, seed):
    response = admin_client.get("/admin/careers/role/", {"q": "architect"})
    content = response.content.decode()
    assert "$140,000 – $195,000" in content
    assert "Principal DevOps Engineer" in content  # alias "DevOps Architect" matches
    assert "Platform Engineer" not in content


def test_staff_edit_of_a_salary_shows_on_the_listing_and_reranks(admin_client, client, seed):
    role = Role.objects.get(slug="senior-backend-go-rust")
    response = post_edit(
        admin_client,
        f"/admin/careers/role/{role.pk}/change/",
        role_form_data(role, total_min=650_000, total_max=900_000),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    listing = client.get("/")
    assert listing.context["roles"][0].slug == "senior-backend-go-rust"
    assert "$650,000 – $900,000" in listing.content.decode()


def test_reversed_range_is_rejected_with_a_clear_message(admin_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    response = post_edit(
        admin_client,
        f"/admin/careers/role/{role.pk}/change/",
        role_form_data(role, base_min=250_000, base_max=140_000),
    )
    assert response.status_code == 200
    assert "The lowest base salary must not be above the highest base salary." in (
        response.content.decode()
    )
    role.refresh_from_db()
    assert (role.base_min, role.base_max) == (140_000, 195_000)


def test_role_change_page_links_to_the_public_page(admin_client, seed):
    role = Role.objects.get(slug="cloud-architect")
    content = admin_client.get(f"/admin/careers/role/{role.pk}/change/").content.decode()
    assert "View on site" in content
    assert "Career stages" in content


def test_no_editor_can_delete_an_experience_tier(admin_client, seed):
    """Every step's pay before a role's own band is the tier its years fall in: the article's
    tiers are edited, never removed (a result card once answered 500 with none left)."""
    tier = ExperienceTier.objects.get(slug="entry")
    response = admin_client.get(f"/admin/careers/experiencetier/{tier.pk}/delete/")
    assert response.status_code == 403
    changelist = admin_client.post(
        "/admin/careers/experiencetier/",
        {"action": "delete_selected", "_selected_action": [tier.pk], "post": "yes"},
    )
    assert changelist.status_code in {200, 302}
    assert ExperienceTier.objects.filter(pk=tier.pk).exists()
