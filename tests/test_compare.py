import pytest
from django.http import QueryDict

from careers.compare import (
    MAX_REQUESTED,
    compare_roles,
    comparison_url,
    distinct_skills,
    is_canonical,
    requested_slugs,
    select_roles,
    shared_skills,
)
from careers.models import Role
from tests.factories import RoleFactory, RoleSkillFactory, SkillFactory


def test_commas_and_repeated_parameters_both_name_roles():
    assert requested_slugs(["a,b", "c", " d , ,"]) == ["a", "b", "c", "d"]
    assert requested_slugs([]) == []


def test_a_hostile_list_is_cut_short():
    assert len(requested_slugs([",".join(["x"] * 10_000)])) == MAX_REQUESTED


def test_comparison_url_keeps_commas_readable():
    assert comparison_url(slugs=["a", "b"]) == "/compare/?roles=a,b"
    assert comparison_url(slugs=[]) == "/compare/"


@pytest.fixture
def roles(db) -> list[Role]:
    return list(Role.objects.ranked().filter(pk__in=[r.pk for r in RoleFactory.create_batch(5)]))


def test_known_roles_are_selected_in_the_order_asked(roles):
    selection = select_roles(
        requested=[roles[2].slug, roles[0].slug], known={role.slug: role for role in roles}
    )
    assert selection.roles == [roles[2], roles[0]]
    assert selection.problems == []


def test_unknown_repeated_and_surplus_roles_are_reported(roles):
    asked = ["no-such-role", roles[0].slug, roles[0].slug, *[role.slug for role in roles[1:]]]
    selection = select_roles(requested=asked, known={role.slug: role for role in roles})
    assert selection.slugs == [role.slug for role in roles[:4]]
    assert len(selection.problems) == 3
    assert "no-such-role" in selection.problems[0]
    assert "more than once" in selection.problems[1]
    assert roles[4].title in selection.problems[2]


def test_a_very_long_unknown_slug_is_shortened_in_the_message(roles):
    selection = select_roles(requested=["x" * 500], known={role.slug: role for role in roles})
    assert len(selection.problems[0]) < 120


@pytest.fixture
def two_roles_with_skills(db) -> tuple[Role, Role, dict]:
    first, second = RoleFactory.create_batch(2)
    skills = {name: SkillFactory(name=name) for name in ("Linux", "Go", "Terraform", "PyTorch")}
    for order, name in enumerate(["Linux", "Go", "Terraform"]):
        RoleSkillFactory(role=first, skill=skills[name], order=order)
    for order, name in enumerate(["PyTorch", "Linux"]):
        RoleSkillFactory(role=second, skill=skills[name], order=order)
    prefetched = list(
        Role.objects.prefetch_related("role_skills__skill").filter(pk__in=[first.pk, second.pk])
    )
    by_pk = {role.pk: role for role in prefetched}
    return by_pk[first.pk], by_pk[second.pk], skills


def test_shared_skills_are_those_every_role_needs(two_roles_with_skills):
    first, second, skills = two_roles_with_skills
    assert shared_skills(roles=[first, second]) == [skills["Linux"]]
    assert shared_skills(roles=[first]) == []


def test_distinct_skills_are_those_no_other_role_needs(two_roles_with_skills):
    first, second, skills = two_roles_with_skills
    assert distinct_skills(role=first, roles=[first, second]) == [skills["Go"], skills["Terraform"]]
    assert distinct_skills(role=second, roles=[first, second]) == [skills["PyTorch"]]


def test_each_column_flags_shared_skills_and_links_to_the_view_without_it(
    two_roles_with_skills,
):
    first, second, skills = two_roles_with_skills
    columns = compare_roles(roles=[first, second])
    assert columns[0].skills == [
        (skills["Linux"], True),
        (skills["Go"], False),
        (skills["Terraform"], False),
    ]
    assert columns[0].remove_url == f"/compare/?roles={second.slug}"
    assert columns[1].remove_url == f"/compare/?roles={first.slug}"
    assert columns[0].premium is None


def test_a_single_role_has_no_distinct_list(two_roles_with_skills):
    first, _, _ = two_roles_with_skills
    assert compare_roles(roles=[first])[0].distinct == []


def test_only_a_single_comma_separated_roles_parameter_is_canonical():
    assert is_canonical(query=QueryDict("roles=a%2Cb"), slugs=["a", "b"])
    assert is_canonical(query=QueryDict(""), slugs=[])
    assert not is_canonical(query=QueryDict("roles=a&roles=b"), slugs=["a", "b"])
    assert not is_canonical(query=QueryDict("roles=a,b&utm=x"), slugs=["a", "b"])
    assert not is_canonical(query=QueryDict("roles="), slugs=[])
