from types import SimpleNamespace

from careers.models import SkillKind
from careers.skill_index import skills_by_kind


def skill(name, kind, *, fundamental=False) -> SimpleNamespace:
    return SimpleNamespace(name=name, kind=kind, is_fundamental=fundamental)


def test_groups_follow_the_declared_kind_order_and_skip_empty_kinds():
    groups = skills_by_kind(
        skills=[skill("Terraform", SkillKind.IAC), skill("Go", SkillKind.LANGUAGE)]
    )
    assert [group.kind for group in groups] == [SkillKind.LANGUAGE, SkillKind.IAC]
    assert groups[0].label == "Languages"
    assert groups[1].anchor == "kind-iac"


def test_fundamentals_come_first_within_a_group_then_by_name():
    groups = skills_by_kind(
        skills=[
            skill("rust", SkillKind.LANGUAGE),
            skill("Go", SkillKind.LANGUAGE),
            skill("Python", SkillKind.LANGUAGE, fundamental=True),
        ]
    )
    assert [s.name for s in groups[0].skills] == ["Python", "Go", "rust"]
