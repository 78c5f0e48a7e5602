from types import SimpleNamespace

import pytest
from django.http import QueryDict

from careers import read_model
from careers.compare import (
    FIND_LENGTH,
    MAX_REQUESTED,
    MAX_ROLES,
    PICKER_LIMIT,
    compare_roles,
    compare_with,
    comparison_from,
    comparison_shortlist,
    comparison_url,
    distinct_skills,
    is_canonical,
    role_picker,
    roles_matching,
    search_text,
    select_roles,
    shared_skills,
)
from careers.models import Role
from tests.factories import RoleFactory, RoleSkillFactory, SkillFactory


def asked(query: str, roles=()) -> tuple[list[str], list[str], str]:
    """What the comparison's form reads from `query`: the roles chosen, the problems, the search."""
    selection, find = comparison_from(
        query=QueryDict(query), known={role.slug: role for role in roles}
    )
    return selection.slugs, selection.problems, find


def test_commas_and_repeated_parameters_both_name_roles(roles):
    a, b, c, d = (role.slug for role in roles[:4])
    query = f"roles={a},{b}&roles={c}&roles=+{d}+,+,"
    assert asked(query, roles) == ([a, b, c, d], [], "")
    assert asked("", roles) == ([], [], "")


def test_a_hostile_list_is_cut_short():
    _, problems, _ = asked("roles=" + ",".join(["x"] * 10_000))
    assert len(problems) == MAX_REQUESTED


def test_the_search_text_is_read_as_the_page_keeps_it():
    assert asked("find=++Site++reliability+")[2] == "Site  reliability"
    assert asked("find=site&find=" + "x" * 500)[2] == "x" * FIND_LENGTH


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
    data = read_model.build()
    records = {name: data.skill_by_slug[skill.slug] for name, skill in skills.items()}
    return data.role_by_slug[first.slug], data.role_by_slug[second.slug], records


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


# Role pickers past PICKER_LIMIT roles: the role page's shortlist, the compare page's search.


def test_a_search_is_named_in_the_comparisons_address_after_its_roles():
    assert comparison_url(slugs=["a", "b"], find="sre ops") == "/compare/?roles=a,b&find=sre+ops"
    assert comparison_url(slugs=[], find="k8s & co") == "/compare/?find=k8s+%26+co"
    assert comparison_url(slugs=["a"], find="") == "/compare/?roles=a"


def test_a_search_is_canonical_only_as_the_page_runs_it():
    assert is_canonical(query=QueryDict("roles=a&find=sre+ops"), slugs=["a"], find="sre ops")
    assert is_canonical(query=QueryDict("find=x"), slugs=[], find="x")
    assert not is_canonical(query=QueryDict("roles=a&find="), slugs=["a"])
    assert not is_canonical(query=QueryDict("roles=a&find=x"), slugs=["a"])
    assert not is_canonical(query=QueryDict("roles=a&find=+x"), slugs=["a"], find="x")
    assert not is_canonical(query=QueryDict("find=x&find=x"), slugs=[], find="x")


@pytest.mark.parametrize(
    ("value", "kept"),
    [("  Site  reliability ", "Site  reliability"), ("", ""), ("x" * 500, "x" * FIND_LENGTH)],
)
def test_search_text_is_trimmed_and_cut_short(value, kept):
    assert search_text(value) == kept


@pytest.mark.parametrize("value", [" a ", "a" * (FIND_LENGTH - 1) + " b", " " * 300 + "c"])
def test_search_text_is_kept_as_it_is_the_second_time(value):
    """The redirect names the text as kept; reading that address must keep it as it is."""
    assert search_text(search_text(value)) == search_text(value)


def picked(rank: int, title: str = "", skills: tuple[int, ...] = ()) -> SimpleNamespace:
    """A role as the pickers read it: rank, slug, title and its skills' slugs."""
    links = tuple(SimpleNamespace(skill=SimpleNamespace(slug=f"skill-{n}")) for n in skills)
    return SimpleNamespace(
        rank=rank, slug=f"role-{rank}", title=title or f"Engineer {rank}", skills=links
    )


RANKED = [picked(rank) for rank in range(1, 46)]


def test_roles_matching_is_a_substring_of_the_title_in_any_case_in_rank_order():
    roles = [picked(1, "Principal SRE"), picked(2, "MLOps Engineer"), picked(3, "sre lead")]
    assert roles_matching(roles=roles, find="sRe") == ([roles[0], roles[2]], 2)
    assert roles_matching(roles=roles, find="nothing") == ([], 0)
    assert roles_matching(roles=roles, find="") == (roles, 3)


def test_roles_matching_lists_at_most_the_limit_and_counts_them_all():
    shown, matched = roles_matching(roles=RANKED, find="engineer")
    assert [role.rank for role in shown] == list(range(1, PICKER_LIMIT + 1))
    assert matched == 45


def test_up_to_the_limit_the_picker_lists_every_role_not_chosen():
    ranked = RANKED[: PICKER_LIMIT + 1]
    picker = role_picker(ranked=ranked, chosen=[ranked[0]], find="engineer 1")
    assert picker.roles == ranked[1:]
    assert not picker.is_search
    assert picker.find == ""


def test_past_the_limit_the_picker_searches_the_roles_not_chosen():
    picker = role_picker(ranked=RANKED, chosen=[RANKED[1]], find="Engineer 2")
    assert picker.is_search and picker.find == "Engineer 2"
    # "Engineer 2" is chosen; 20 to 29 match. Without a search the highest ranked are listed.
    assert [role.rank for role in picker.roles] == list(range(20, 30))
    assert (picker.matched, picker.unshown) == (10, 0)
    everything = role_picker(ranked=RANKED, chosen=[RANKED[1]])
    assert [role.rank for role in everything.roles] == [1, *range(3, PICKER_LIMIT + 2)]
    assert (everything.matched, everything.unshown) == (44, 44 - PICKER_LIMIT)


def test_with_four_roles_chosen_the_picker_offers_nothing():
    picker = role_picker(ranked=RANKED, chosen=RANKED[:MAX_ROLES], find="engineer")
    assert picker.roles == () and not picker.is_search and picker.find == ""


def test_the_shortlist_puts_the_roles_sharing_most_skills_first_ties_in_rank_order():
    role = picked(10, skills=(1, 2, 3))
    others = [
        picked(1, skills=(7,)),
        picked(2, skills=(1,)),
        picked(3, skills=(1, 2, 3)),
        picked(4, skills=(2, 9)),
        picked(5, skills=(1, 2)),
    ]
    shortlist = comparison_shortlist(role=role, others=others, size=4)
    assert [other.rank for other in shortlist] == [3, 5, 2, 4]


def test_a_role_page_offers_every_other_role_up_to_the_limit():
    others = RANKED[1 : PICKER_LIMIT + 1]
    offered = compare_with(role=RANKED[0], others=others)
    assert offered.roles == others
    assert offered.any_role_url == ""


def test_past_the_limit_a_role_page_offers_its_shortlist_and_the_compare_page():
    role = picked(50, skills=(1,))
    others = [*RANKED[: PICKER_LIMIT + 1], picked(99, skills=(1,))]
    offered = compare_with(role=role, others=others)
    assert len(offered.roles) == PICKER_LIMIT
    assert offered.roles[0].rank == 99
    assert offered.any_role_url == "/compare/?roles=role-50"
