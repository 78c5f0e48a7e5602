"""A career plan toward one role, kept entirely in its address: no account, nothing stored.

`/plan/<role>/?years=4&background=devops&pay=150000&have=git,linux&learning=docker` holds the
whole state. From it the plan dates the role's path in calendar years, marks each step ready or
not with the advice's rules (careers/questionnaire/advice.py), lists every skill the role asks for
with its state, and counts how much of every other role the same skills already cover.
"""

from dataclasses import dataclass, replace
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, BadRequest
from django.http import QueryDict

from careers.forms import (
    MAX_QUERY_LENGTH,
    SHOWN_LENGTH,
    BackgroundField,
    ListField,
    PayField,
    YearsField,
    unknown_skills_message,
)
from careers.models import Background, Importance
from careers.questionnaire import advice
from careers.questionnaire.answers import Answers, Priority
from careers.read_model import Need, Pay, ReadModel, Role, Skill, Stage, Tier

SKILL_FIELD_PREFIX = "skill-"  # the checklist's radio groups: skill-<slug>=have|learning|todo


class SkillState:
    HAVE = "have"
    LEARNING = "learning"
    TODO = "todo"
    CHOICES = ((HAVE, "Have"), (LEARNING, "Learning"), (TODO, "Not yet"))


@dataclass(frozen=True)
class PlanState:
    years: int = 0
    background: str = Background.SWITCHER
    pay: int | None = None
    have: tuple[str, ...] = ()  # in step 2's skill order, so one plan has one address
    learning: tuple[str, ...] = ()

    @property
    def is_assumed(self) -> bool:
        """Nothing said about the person: a plan opened from a role page plans for a beginner."""
        return not self.years and self.background == Background.SWITCHER

    def state_of(self, slug: str) -> str:
        if slug in self.have:
            return SkillState.HAVE
        return SkillState.LEARNING if slug in self.learning else SkillState.TODO

    @cached_property  # every link of a plan page carries it
    def query(self) -> str:
        """The short address of this state; a fresh plan (starting out, nothing ticked) is bare."""
        pairs = []
        if self.years:
            pairs.append(("years", str(self.years)))
        if self.background != Background.SWITCHER:
            pairs.append(("background", self.background))
        if self.pay is not None:
            pairs.append(("pay", str(self.pay)))
        if self.have:
            pairs.append(("have", ",".join(self.have)))
        if self.learning:
            pairs.append(("learning", ",".join(self.learning)))
        return urlencode(pairs, safe=",")

    @property
    def card_query(self) -> str:
        """The address of the plan's share card: it never draws the pay, so it leaves it out."""
        return replace(self, pay=None).query

    def answers(self, *, data: ReadModel) -> Answers:
        return Answers(
            years=self.years,
            background=self.background,
            have=data.with_broader_skills(frozenset(self.have)),
            likes=(),
            priority=Priority.TIME,
            pay=self.pay,
        )


def plan_state_for(answers: Answers, *, data: ReadModel) -> PlanState:
    """A questionnaire's answers as a plan's starting state: the skills it ticked are had."""
    return PlanState(
        years=answers.years,
        background=answers.background,
        pay=answers.pay,
        have=tuple(s.slug for s in data.skills_in_questionnaire_order if s.slug in answers.have),
    )


class ChecklistRadios(forms.Widget):
    """The checklist's radio groups, one a skill, read as {slug: state}. Never drawn: the
    template writes the radios out (`ChecklistItem.field` names them)."""

    def value_from_datadict(self, data, files, name):
        prefix = SKILL_FIELD_PREFIX
        return {key.removeprefix(prefix): data.get(key) for key in data if key.startswith(prefix)}


class ChecklistField(forms.Field):
    widget = ChecklistRadios

    def to_python(self, value) -> dict[str, str]:
        return dict(value or {})


class PlanForm(forms.Form):
    """The plan's address: years, pay and background as the questionnaire reads them, the
    `have` and `learning` lists, and the checklist's `skill-<slug>` radios. A value it cannot use
    is dropped with a notice (`notices`) and the rest of the plan kept: a link made before a skill
    was renamed still opens."""

    years = YearsField(required=False)
    pay = PayField(required=False)
    background = BackgroundField(required=False)
    have = ListField(required=False)
    learning = ListField(required=False)
    checklist = ChecklistField(required=False)

    def __init__(self, query: QueryDict, *, data: ReadModel):
        super().__init__(query)
        self.skills = tuple(skill.slug for skill in data.skills_in_questionnaire_order)

    def clean(self) -> dict:
        """Each named skill's state: the lists, then the radios, which win because they are
        what the person just changed. Unknown, repeated and refused names become notices."""
        cleaned = super().clean()
        known = set(self.skills)
        states: dict[str, str] = {}
        unknown, repeated, refused = [], [], []
        for state in (SkillState.HAVE, SkillState.LEARNING):
            for slug in cleaned.get(state, ()):
                if slug not in known:
                    unknown.append(slug)
                elif slug in states:
                    repeated.append(slug)
                else:
                    states[slug] = state
        for slug, state in cleaned.get("checklist", {}).items():
            if slug not in known:
                unknown.append(slug)
            elif state in dict(SkillState.CHOICES):
                states[slug] = state
            else:
                refused.append(slug)
        if unknown:
            self.add_error(None, unknown_skills_message(unknown))
        if refused:
            names = ", ".join(sorted(set(refused)))
            self.add_error(
                None, f"We kept the earlier state of {names}: have, learning or not yet only."
            )
        if repeated:
            names = ", ".join(sorted(set(repeated)))
            self.add_error(
                None, f"Some skills were listed more than once; each counts once: {names}."
            )
        cleaned["states"] = states
        return cleaned

    @property
    def notices(self) -> list[str]:
        """What was dropped, in the order of the address's fields: each bad value as the
        questionnaire words it, then the skills."""
        notices = [
            f"We ignored {name}={self.data.get(name, '')[:SHOWN_LENGTH]!r}. {errors[0]}"
            for name, errors in self.errors.items()
            if name != NON_FIELD_ERRORS
        ]
        return notices + list(self.non_field_errors())

    @property
    def state(self) -> PlanState:
        cleaned, states = self.cleaned_data, self.cleaned_data["states"]
        return PlanState(
            years=cleaned.get("years") or 0,
            background=cleaned.get("background") or Background.SWITCHER,
            pay=cleaned.get("pay"),
            have=tuple(slug for slug in self.skills if states.get(slug) == SkillState.HAVE),
            learning=tuple(slug for slug in self.skills if states.get(slug) == SkillState.LEARNING),
        )


def plan_state_from(query: QueryDict, *, data: ReadModel) -> tuple[PlanState, list[str]]:
    """The plan's state from its address, and a notice for each part that had to be dropped.

    Raises BadRequest for an address too long to be a plan.
    """
    if len(query.urlencode()) > MAX_QUERY_LENGTH:
        raise BadRequest(f"A plan's address holds at most {MAX_QUERY_LENGTH} characters.")
    form = PlanForm(query, data=data)
    form.is_valid()
    return form.state, form.notices


@dataclass(frozen=True)
class NeedState:
    need: Need
    state: str  # have, learning or todo; alternatives count as had when any one is


@dataclass(frozen=True)
class PlanStep:
    stage: Stage
    status: str  # "behind" (stood on or passed), "now" (the next step) or "ahead"
    year: int  # the calendar year it can start
    pay: Pay
    level: Tier | None  # the experience level whose usual pay it is; None for the role's own
    pay_change: int  # its total-pay midpoint over the person's pay, else their tier's
    needs: tuple[NeedState, ...]
    ready: bool
    new_needs: tuple[NeedState, ...] = ()
    """What it still needs that no step shown above it lists: the page names each gap once."""

    @property
    def pay_change_size(self) -> int:
        return abs(self.pay_change)

    @property
    def still_needed(self) -> tuple[NeedState, ...]:
        """The needs not had yet, learning ones included: a step lists only what is left."""
        return tuple(need for need in self.needs if need.state != SkillState.HAVE)

    @property
    def needs_listed_above(self) -> int:
        return len(self.still_needed) - len(self.new_needs)


@dataclass(frozen=True)
class Progress:
    have: int
    learning: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.have / self.total) if self.total else 100


@dataclass(frozen=True)
class ChecklistItem:
    skill: Skill
    state: str

    @property
    def field(self) -> str:
        """The name of its radio group, as `PlanForm` reads it."""
        return f"{SKILL_FIELD_PREFIX}{self.skill.slug}"


@dataclass(frozen=True)
class ChecklistGroup:
    name: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Coverage:
    role: Role
    progress: Progress  # of its core skills


@dataclass(frozen=True)
class Plan:
    role: Role
    state: PlanState
    tier: Tier
    this_year: int
    steps: tuple[PlanStep, ...]
    checklist: tuple[ChecklistGroup, ...]
    core: Progress
    overall: Progress
    other_roles: tuple[Coverage, ...]
    """The roles the marked skills cover best, at most OTHER_ROLES_SHOWN of them."""
    other_role_count: int

    @property
    def where_to_learn(self) -> tuple[ChecklistItem, ...]:
        """Every skill of the checklist, those not had yet first: where to learn each."""
        items = [item for group in self.checklist for item in group.items]
        return tuple(sorted(items, key=lambda item: item.state == SkillState.HAVE))


# Room for every other role of the Top 10; more roles show the best-covered ones.
OTHER_ROLES_SHOWN = 10


def need_state(need: Need, *, have: frozenset[str], state: PlanState) -> str:
    """Had when any alternative is had (a tool counts for its broader skill), else learning
    when any is being learned."""
    if not have.isdisjoint(need.slugs):
        return SkillState.HAVE
    if any(state.state_of(slug) == SkillState.LEARNING for slug in need.slugs):
        return SkillState.LEARNING
    return SkillState.TODO


def progress_of(needs: tuple[Need, ...], *, have: frozenset[str], state: PlanState) -> Progress:
    states = [need_state(need, have=have, state=state) for need in needs]
    return Progress(
        have=states.count(SkillState.HAVE),
        learning=states.count(SkillState.LEARNING),
        total=len(needs),
    )


def dated_steps(
    *,
    role: Role,
    answers: Answers,
    state: PlanState,
    baseline: int,
    tiers: tuple[Tier, ...],
    this_year: int,
) -> tuple[PlanStep, ...]:
    position = advice.position_on(role=role, answers=answers)
    steps, listed = [], set()
    for index, stage in enumerate(role.stages):
        needs = tuple(
            NeedState(need, need_state(need, have=answers.have, state=state))
            for need in role.needs_for(index)
        )
        wait = position.years_to(stage)
        pay, _ = advice.stage_pay(stage=stage, role=role, tiers=tiers)
        if index < position.next_index:
            status = "behind"
        else:
            status = "now" if index == position.next_index else "ahead"
        step = PlanStep(
            stage=stage,
            status=status,
            year=this_year + wait,
            pay=pay,
            level=next((tier for tier in tiers if tier.pay is pay), None),
            pay_change=pay.total_midpoint - baseline,
            needs=needs,
            ready=wait == 0 and all(n.state == SkillState.HAVE for n in needs),
        )
        if status != "behind":
            new = tuple(n for n in step.still_needed if n.need.slugs not in listed)
            listed.update(n.need.slugs for n in new)
            step = replace(step, new_needs=new)
        steps.append(step)
    return tuple(steps)


GROUP_NAMES = {
    Importance.CORE: "Core skills",
    Importance.EXPECTED: "Expected skills",
    Importance.BONUS: "Bonus skills",
}


def other_roles_covered(
    *, role: Role, have: frozenset[str], state: PlanState, data: ReadModel
) -> list[Coverage]:
    """The other roles whose core skills the marks cover best, at most OTHER_ROLES_SHOWN, by
    title among equals. Only roles sharing a skill the person has are counted; the rest cover
    nothing and follow in title order."""
    covered = [
        Coverage(other, progress_of(other.core_needs, have=have, state=state))
        for other in data.roles_with_core_skill(have)
        if other.slug != role.slug
    ]
    covered.sort(key=lambda c: (-c.progress.have / (c.progress.total or 1), c.role.title))
    shown = {c.role.slug for c in covered} | {role.slug}
    for other in data.roles_by_title:
        if len(covered) >= OTHER_ROLES_SHOWN:
            break
        if other.slug not in shown:
            covered.append(Coverage(other, progress_of(other.core_needs, have=have, state=state)))
    return covered[:OTHER_ROLES_SHOWN]


def plan_for(*, role: Role, state: PlanState, data: ReadModel, this_year: int) -> Plan:
    answers = state.answers(data=data)
    positions = [
        advice.position_on(role=other, answers=answers)
        for other in data.roles_naming(answers.background)
    ]
    tier = advice.tier_for(positions=positions, tiers=data.tiers)
    baseline = state.pay if state.pay is not None else tier.pay.total_midpoint
    have = answers.have
    checklist = tuple(
        ChecklistGroup(
            name,
            tuple(
                ChecklistItem(need.skill, state.state_of(need.skill.slug))
                for need in role.skills
                if need.importance == importance
            ),
        )
        for importance, name in GROUP_NAMES.items()
    )
    other_roles = tuple(other_roles_covered(role=role, have=have, state=state, data=data))
    return Plan(
        role=role,
        state=state,
        tier=tier,
        this_year=this_year,
        steps=dated_steps(
            role=role,
            answers=answers,
            state=state,
            baseline=baseline,
            tiers=data.tiers,
            this_year=this_year,
        )
        if role.stages
        else (),
        checklist=tuple(group for group in checklist if group.items),
        core=progress_of(role.core_needs, have=have, state=state),
        overall=progress_of(tuple(need.need for need in role.needs), have=have, state=state),
        other_roles=other_roles,
        other_role_count=len(data.roles) - 1,
    )
