"""Deciding between two or three target roles with one person's own skills.

`/decide/?roles=platform-engineer,devsecops-engineer&years=4&background=devops&have=git,linux`
puts each role's plan (careers/plan.py, `plan_for`) side by side: what it still needs, the years
to each of its steps, and every role's dated pay path on one chart. The person's part of the
address is the plan's own, read by the plan's form, so the rules live in one place.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import BadRequest
from django.http import QueryDict

from careers import charts
from careers.compare import RolesField, Selection
from careers.forms import MAX_QUERY_LENGTH
from careers.plan import Plan, PlanState, PlanStep, plan_for, plan_state_from
from careers.read_model import ReadModel

MIN_ROLES = 2
MAX_ROLES = 3


class DecideForm(forms.Form):
    """The roles to decide between; the person's years, background and skills are the plan's
    (`plan_state_from`)."""

    roles = RolesField(required=False)

    def __init__(self, query: QueryDict, *, data: ReadModel):
        super().__init__(query)
        self.fields["roles"].known = data.role_by_slug

    def clean_roles(self) -> Selection:
        selection = self.cleaned_data["roles"]
        if len(selection.roles) > MAX_ROLES:
            left_out = ", ".join(role.title for role in selection.roles[MAX_ROLES:])
            problem = f"At most {MAX_ROLES} roles fit side by side; {left_out} left out."
            return Selection(selection.roles[:MAX_ROLES], [*selection.problems, problem])
        return selection


@dataclass(frozen=True)
class Choice:
    plan: Plan
    remove_query: str  # the decision's address without this role

    @property
    def still_needed(self) -> tuple:
        """What the role's own step asks for that is not had yet: the plan's last step's list."""
        return self.plan.steps[-1].still_needed if self.plan.steps else ()

    @property
    def steps_ahead(self) -> tuple[PlanStep, ...]:
        return tuple(step for step in self.plan.steps if step.status != "behind")

    @property
    def role_year(self) -> int:
        return self.plan.steps[-1].year if self.plan.steps else self.plan.this_year

    @property
    def years_to_role(self) -> int:
        return self.role_year - self.plan.this_year


@dataclass(frozen=True)
class Decision:
    state: PlanState
    choices: tuple[Choice, ...]
    problems: tuple[str, ...]
    this_year: int

    @property
    def slugs(self) -> list[str]:
        return [choice.plan.role.slug for choice in self.choices]

    @property
    def start_pay(self) -> int:
        """Where every pay path starts: the person's pay, else their experience's typical pay."""
        if self.state.pay is not None or not self.choices:
            return self.state.pay or 0
        return self.choices[0].plan.tier.pay.total_midpoint

    @property
    def state_fields(self) -> list[tuple[str, str]]:
        """The person's part of the address, as the hidden fields of the page's forms."""
        return list(QueryDict(self.state.query).items())

    @property
    def query(self) -> str:
        return decision_query(self.slugs, state=self.state)


def decision_from(*, query: QueryDict, data: ReadModel, this_year: int) -> Decision:
    """The roles and the person from the address; BadRequest for one too long to be a plan."""
    if len(query.urlencode()) > MAX_QUERY_LENGTH:
        raise BadRequest(f"This address holds at most {MAX_QUERY_LENGTH} characters.")
    form = DecideForm(query, data=data)
    form.is_valid()
    selection = form.cleaned_data["roles"]
    state, notices = plan_state_from(query, data=data)
    slugs = [role.slug for role in selection.roles]
    choices = tuple(
        Choice(
            plan_for(role=role, state=state, data=data, this_year=this_year),
            remove_query=decision_query([s for s in slugs if s != role.slug], state=state),
        )
        for role in selection.roles
    )
    return Decision(state, choices, (*selection.problems, *notices), this_year)


def decision_query(slugs: list[str], *, state: PlanState) -> str:
    """The short address of a decision: its roles, then the plan's state."""
    roles = urlencode([("roles", ",".join(slugs))], safe=",") if slugs else ""
    return "&".join(part for part in (roles, state.query) if part)


# The pay-path chart: each role's steps as a line over the years, the pay being the middle of
# each step's total-pay range. Coordinates are percentages of the plot, as in careers/charts.py,
# so the SVG stretches to its column while its text keeps its size.
PLOT_TOP, PLOT_BOTTOM = 6.0, 88.0  # % of the height: room above for labels, below for years
PLOT_LEFT, PLOT_RIGHT = 10.0, 97.0  # the pay labels sit left of the lines


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: int
    title: str
    pay: str  # the step's total-pay range, for the table


@dataclass(frozen=True)
class Line:
    title: str
    points: tuple[Point, ...]
    segments: tuple[tuple[float, float, float, float], ...]  # x1, y1, x2, y2


@dataclass(frozen=True)
class PathChart:
    lines: tuple[Line, ...]
    pay_ticks: tuple[tuple[float, str], ...]  # y, label
    year_ticks: tuple[tuple[float, str, str], ...]  # x, label, text-anchor
    start_pay: int


def x_of(year: int, *, first: int, last: int) -> float:
    share = (year - first) / (last - first) if last > first else 0
    return round(PLOT_LEFT + share * (PLOT_RIGHT - PLOT_LEFT), 2)


def y_of(amount: int, *, top: int) -> float:
    return round(PLOT_BOTTOM - amount / top * (PLOT_BOTTOM - PLOT_TOP), 2)


def pay_path_chart(decision: Decision) -> PathChart:
    """Every role's path from today's pay (`start_pay`) through its steps still ahead, as a
    staircase on shared year and dollar axes, starting at this year and at zero dollars."""
    ahead = [choice.steps_ahead for choice in decision.choices]
    start_pay = decision.start_pay
    first = decision.this_year
    last = max([first + 1, *(step.year for steps in ahead for step in steps)])
    highest = max([start_pay, *(step.pay.total_midpoint for steps in ahead for step in steps)])
    top = charts.axis_top(amount=highest)
    lines = []
    for choice, steps in zip(decision.choices, ahead, strict=True):
        points = [
            Point(
                x=x_of(step.year, first=first, last=last),
                y=y_of(step.pay.total_midpoint, top=top),
                year=step.year,
                title=step.stage.title,
                pay=step.pay.total_range,
            )
            for step in steps
        ]
        corners = [(x_of(first, first=first, last=last), y_of(start_pay, top=top))]
        for point in points:  # along at the old pay, then up (or down) to the step's
            corners += [(point.x, corners[-1][1]), (point.x, point.y)]
        corners.append((x_of(last, first=first, last=last), corners[-1][1]))
        segments = tuple((*a, *b) for a, b in zip(corners, corners[1:], strict=False) if a != b)
        lines.append(Line(choice.plan.role.title, tuple(points), segments))
    step = charts.tick_step(amount=top)
    pay_ticks = tuple(
        (y_of(amount, top=top), charts.short_dollars(amount))
        for amount in range(step, top + 1, step)
    )
    years = sorted({first, last, *(point.year for line in lines for point in line.points)})
    year_ticks = tuple(
        (
            x_of(year, first=first, last=last),
            str(year),
            "start" if year == first else "end" if year == last else "middle",
        )
        for year in years
    )
    return PathChart(tuple(lines), pay_ticks, year_ticks, start_pay)
