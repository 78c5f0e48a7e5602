"""The skills index: every skill grouped under its kind, in the order the kinds are declared."""

from collections.abc import Iterable
from dataclasses import dataclass

from careers.models import Skill, SkillKind


@dataclass(frozen=True)
class SkillGroup:
    kind: SkillKind
    skills: list[Skill]

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def anchor(self) -> str:
        return f"kind-{self.kind.value}"


def skills_by_kind(*, skills: Iterable[Skill]) -> list[SkillGroup]:
    """Groups for the kinds that have skills; fundamentals first within a group, then by name."""
    grouped: dict[str, list[Skill]] = {kind: [] for kind in SkillKind}
    for skill in skills:
        grouped[skill.kind].append(skill)
    return [
        SkillGroup(kind=SkillKind(kind), skills=sorted(members, key=skill_order))
        for kind, members in grouped.items()
        if members
    ]


def skill_order(skill: Skill) -> tuple[bool, str]:
    return (not skill.is_fundamental, skill.name.casefold())
