"""Two editors at once: a save from a form opened before the other's save is refused, with
what changed, and nothing is lost (careers/edit_conflicts.py, careers/admin.py)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from careers.models import ExperienceTier, PayComparison, Role, Source
from tests.admin_forms import post_edit, posted, read_form, with_provenance
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db

CONFLICT = "Someone else saved this since you opened it"


def editor(name: str) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser(name, f"{name}@example.com", "x-long-pass"))
    return client


@pytest.fixture
def alice():
    return editor("alice")


@pytest.fixture
def bob():
    return editor("bob")


def change_url(obj) -> str:
    return f"/admin/careers/{obj._meta.model_name}/{obj.pk}/change/"


def open_form(client: Client, obj) -> dict:
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return read_form(response, f"{obj._meta.model_name}_form")


def save(client: Client, obj, fields: dict, **changes):
    return post_edit(client, change_url(obj), posted(fields, _save="Save", **changes))


def test_a_stale_role_form_is_refused_and_the_first_save_is_kept(alice, bob, seed):
    role = Role.objects.get(slug="cloud-architect")
    alices, bobs = open_form(alice, role), open_form(bob, role)
    assert save(alice, role, alices, base_min=160_000, total_max=480_000).status_code == 302

    response = save(bob, role, bobs, base_min=170_000)

    assert response.status_code == 200
    content = response.content.decode()
    assert CONFLICT in content
    assert "alice changed this record" in content
    assert "$450,000 → $480,000" in content  # what Alice changed, shown to Bob
    role.refresh_from_db()
    assert (role.base_min, role.total_max) == (160_000, 480_000)
    assert role.pay_as_of == timezone.localdate()
    assert role.history.first().history_user.username == "alice"
    assert 'value="170000"' in content  # Bob's entry is still in his form


def test_after_a_conflict_the_form_saves_once_the_editor_has_seen_the_changes(alice, bob, seed):
    role = Role.objects.get(slug="cloud-architect")
    alices, bobs = open_form(alice, role), open_form(bob, role)
    save(alice, role, alices, total_max=480_000)
    refused = save(bob, role, bobs, base_min=170_000)
    again = read_form(refused, "role_form")
    assert save(bob, role, again).status_code == 302
    assert Role.objects.get(pk=role.pk).base_min == 170_000


def test_a_pay_table_row_added_meanwhile_refuses_the_stale_role_form(alice, bob, seed):
    role = Role.objects.get(slug="cloud-architect")
    bobs = open_form(bob, role)
    row = PayComparison.objects.create(role=role, order=99, label="Cloud consultant")

    response = save(bob, role, bobs, summary="A new line.")

    assert CONFLICT in response.content.decode()
    assert "added pay comparison “Cloud Architect: Cloud consultant”" in response.content.decode()
    assert Role.objects.get(pk=role.pk).summary != "A new line."
    assert PayComparison.objects.filter(pk=row.pk).exists()


def test_a_fresh_form_saves_without_a_conflict(alice, seed):
    role = Role.objects.get(slug="cloud-architect")
    assert save(alice, role, open_form(alice, role), total_max=480_000).status_code == 302


@pytest.mark.parametrize(
    ("model", "slug", "changes"),
    [
        (ExperienceTier, "mid", {"base_max": 199_000}),
        (Source, "glassdoor", {"title": "Another title"}),
    ],
)
def test_stale_tier_and_source_forms_are_refused(alice, bob, seed, model, slug, changes):
    obj = model.objects.get(slug=slug)
    alices, bobs = open_form(alice, obj), open_form(bob, obj)
    assert save(alice, obj, alices, **changes).status_code == 302
    response = save(bob, obj, bobs, name="Bob's rename")
    assert CONFLICT in response.content.decode()
    obj.refresh_from_db()
    assert obj.name != "Bob's rename"


def list_form(client: Client) -> tuple[dict, list[Role]]:
    response = client.get("/admin/careers/role/")
    return read_form(response, "changelist-form"), list(response.context["cl"].result_list)


def list_edit(fields: dict, **changes) -> dict:
    return with_provenance(posted(fields, _save="Save", **changes))


def list_field(roles: list[Role], slug: str, name: str) -> str:
    index = next(i for i, role in enumerate(roles) if role.slug == slug)
    return f"form-{index}-{name}"


def test_a_stale_list_edit_is_refused_and_the_first_save_is_kept(alice, bob, seed):
    role = Role.objects.get(slug="cloud-architect")
    bobs, shown = list_form(bob)
    assert save(alice, role, open_form(alice, role), total_max=480_000).status_code == 302

    field = list_field(shown, "platform-engineer", "base_min")
    response = bob.post("/admin/careers/role/", list_edit(bobs, **{field: 150_000}))

    content = response.content.decode()
    assert CONFLICT in content
    assert "Cloud Architect: " in content and "$450,000 → $480,000" in content
    assert Role.objects.get(pk=role.pk).total_max == 480_000
    assert Role.objects.get(slug="platform-engineer").base_min != 150_000


def test_a_fresh_list_edit_saves(alice, seed):
    fields, shown = list_form(alice)
    field = list_field(shown, "platform-engineer", "total_max")
    response = alice.post("/admin/careers/role/", list_edit(fields, **{field: 990_000}))
    assert response.status_code == 302
    assert Role.objects.get(slug="platform-engineer").total_max == 990_000


def test_a_stale_date_no_longer_counts_as_the_editor_choosing_one(alice, bob, seed):
    """The issue's case: the stale form's old date must not undo the first editor's date."""
    role = Role.objects.get(slug="cloud-architect")
    alices, bobs = open_form(alice, role), open_form(bob, role)
    save(alice, role, alices, total_max=480_000)
    save(bob, role, bobs, base_min=170_000)
    assert Role.objects.get(pk=role.pk).pay_as_of == timezone.localdate()
    assert timezone.localdate() != datetime.date(2026, 1, 15)


@pytest.mark.django_db(transaction=True)
def test_a_list_edit_outside_a_test_transaction_locks_and_saves(alice):
    """As in production, with no transaction around the request (the lock needs one)."""
    RoleFactory(slug="platform-engineer", total_max=400_000, total_peak=None)
    fields, shown = list_form(alice)
    field = list_field(shown, "platform-engineer", "total_max")
    response = alice.post("/admin/careers/role/", list_edit(fields, **{field: 410_000}))
    assert response.status_code == 302
    assert Role.objects.get(slug="platform-engineer").total_max == 410_000


def test_a_form_without_a_token_is_refused_with_only_the_latest_saves(alice, seed):
    """A form drawn before tokens existed: every record is newer than "nothing seen"."""
    role = Role.objects.get(slug="cloud-architect")
    response = save(alice, role, open_form(alice, role), edit_token="", summary="Stale line.")
    content = response.content.decode()
    assert CONFLICT in content
    assert "earlier saves (see the History page)" in content
    assert content.count("UTC, ") == 10
    assert Role.objects.get(pk=role.pk).summary != "Stale line."
