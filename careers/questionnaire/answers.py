"""The questionnaire's answers: its three step forms and their short query-string form.

A result's address reads `?years=4&background=devops&have=linux,git&likes=security&priority=pay`
(plus `&pay=150000` when given). Without JavaScript, checkboxes submit `have=linux&have=git`;
both spellings are read, and `canonical_query()` writes the short one.
"""

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.db import models
from django.http import QueryDict

# The questionnaire's view reads the limit it shares with the plan from here.
from careers.forms import MAX_QUERY_LENGTH as MAX_QUERY_LENGTH
from careers.forms import (
    BackgroundField,
    CommaSeparatedCheckboxes,
    PayField,
    SkillsField,
    YearsField,
    listed_values,
)
from careers.models import Background
from careers.read_model import ReadModel

LIST_FIELDS = ("have", "likes")
ANSWER_FIELDS = ("years", "background", "pay", "have", "likes", "priority")
# HTML's "valid floating-point number", the only kind a number input's value may hold.
HTML_NUMBER = re.compile(r"-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?")


class Interest(models.TextChoices):
    BACKEND = "backend", "Backend systems and APIs"
    RELIABILITY = "reliability", "Reliability and keeping systems up"
    SECURITY = "security", "Security"
    AI = "ai", "AI and machine learning"
    CLOUD = "cloud", "Cloud architecture"
    PERFORMANCE = "performance", "Performance and systems programming"
    PLATFORMS = "platforms", "Developer platforms"
    DATA = "data", "Data and APIs"
    LEADERSHIP = "leadership", "Architecture and leadership"


class Priority(models.TextChoices):
    PAY = "pay", "Higher pay, even if it takes longer"
    TIME = "time", "Getting there sooner, even for less pay"


# Years outside a tech job do not move anyone along these paths.
BACKGROUNDS_STARTING_AT_ENTRY = frozenset({Background.SWITCHER, Background.SELF_TAUGHT})


@dataclass(frozen=True)
class Answers:
    years: int
    background: str
    have: frozenset[str]
    likes: tuple[str, ...]
    priority: str
    pay: int | None = None  # current total pay a year, in dollars, when given

    @property
    def years_in_tech(self) -> int:
        return 0 if self.background in BACKGROUNDS_STARTING_AT_ENTRY else self.years


class NumberOnlyInput(forms.NumberInput):
    """Shows a refused answer again only if it is a number: `value="abc"` is not valid HTML."""

    def format_value(self, value):
        text = super().format_value(value)
        return text if text is not None and HTML_NUMBER.fullmatch(text) else None


class StepForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # labels and legends read as plain phrases
        super().__init__(*args, **kwargs)


class WhereYouAreForm(StepForm):
    title = "Where you are now"
    years = YearsField(
        label="Years of professional experience",
        help_text="Count every year of paid work, in tech or not. Enter 0 if you are starting out.",
        widget=NumberOnlyInput(attrs={"inputmode": "numeric"}),
    )
    background = BackgroundField(label="Your background right now", widget=forms.RadioSelect)
    pay = PayField(
        label="Your total pay a year, in US dollars (optional)",
        required=False,
        help_text="Base plus bonus and stock. Leave it empty and we compare with the typical pay"
        " of your experience tier instead. It stays in the page address only.",
        widget=NumberOnlyInput(attrs={"inputmode": "numeric"}),
    )


class WhatYouKnowForm(StepForm):
    title = "What you already know"
    have = SkillsField(label="Skills you already use", required=False)

    def __init__(self, *args, model: ReadModel, background: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["have"].choices = [
            (skill.slug, skill.name) for skill in model.skills_in_questionnaire_order
        ]
        common = model.common_skills
        self.common_slugs = {skill.slug for skill in common}
        self.fundamental_slugs = {skill.slug for skill in common if skill.is_fundamental}
        self.likely_slugs = set(model.background_skills.get(background or "", ()))
        self.background_label = dict(Background.choices).get(background or "", "")
        # Each box is explained in a line where it is ticked: its description's first sentence.
        self.hints = {skill.slug: first_sentence(skill.description) for skill in model.skills}
        self.more_count = len(
            [
                skill
                for skill in model.skills
                if skill.slug not in self.common_slugs | self.likely_slugs
            ]
        )

    @cached_property
    def option_groups(self) -> dict[str, list["Checkbox"]]:
        """The checkboxes by group, walked once: "likely" (what the person's background usually
        uses, shown first), "fundamental", "common" and "more"."""
        field = self["have"]
        ticked = {str(value) for value in field.value() or ()}
        groups = {"likely": [], "fundamental": [], "common": [], "more": []}
        for index, (slug, name) in enumerate(self.fields["have"].choices):
            box = Checkbox(
                name=field.html_name,
                value=slug,
                label=name,
                id=f"{field.auto_id}_{index}",
                checked=slug in ticked,
                invalid=bool(field.errors),
                hint=self.hints.get(slug, ""),
            )
            if slug in self.likely_slugs:
                groups["likely"].append(box)
            elif slug in self.fundamental_slugs:
                groups["fundamental"].append(box)
            else:
                groups["common" if slug in self.common_slugs else "more"].append(box)
        return groups

    @property
    def more_ticked(self) -> int:
        return sum(1 for box in self.option_groups["more"] if box.checked)


def first_sentence(text: str) -> str:
    head, stop, _ = text.partition(". ")
    return head + "." if stop else text


@dataclass(frozen=True)
class Checkbox:
    """One box of the skills group, drawn by the questionnaire template's `checkbox` partial."""

    name: str
    value: str
    label: str
    id: str
    checked: bool
    invalid: bool = False
    hint: str = ""  # one plain line on what the skill is


class WhatPullsYouForm(StepForm):
    title = "What pulls you"
    likes = forms.MultipleChoiceField(
        label="The work that interests you",
        help_text="Pick any number, or none.",
        required=False,
        choices=Interest.choices,
        widget=CommaSeparatedCheckboxes,
    )
    priority = forms.ChoiceField(
        label="What matters more to you",
        choices=Priority.choices,
        widget=forms.RadioSelect,
    )


STEP_FORMS = (WhereYouAreForm, WhatYouKnowForm, WhatPullsYouForm)


def answers_from(cleaned: dict) -> Answers:
    return Answers(
        years=cleaned["years"],
        background=cleaned["background"],
        have=frozenset(cleaned["have"]),
        likes=tuple(cleaned["likes"]),
        priority=cleaned["priority"],
        pay=cleaned.get("pay"),
    )


# Step 2's skills were sent as `knows` until the plan's word for them, `have`, became the one
# name; a link shared before then still opens, and is sent on to the address naming `have`.
OLD_NAMES = {"knows": "have"}


def with_current_names(query: QueryDict) -> QueryDict:
    """The query with every old parameter name replaced by its current one."""
    if not any(old in query for old in OLD_NAMES):
        return query
    renamed = query.copy()
    for old, new in OLD_NAMES.items():
        values = renamed.pop(old, [])
        if new not in renamed:
            renamed.setlist(new, values)
    return renamed


def answer_pairs(query: QueryDict, *, leave_out: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The answers as given, one pair per field, lists comma-joined, blanks dropped; an empty
    `have=` is kept, as it says step 2 was answered with nothing ticked."""
    pairs = []
    for name in ANSWER_FIELDS:
        if name in leave_out:
            continue
        value = ",".join(listed_values(query, name)) if name in LIST_FIELDS else query.get(name)
        if value and value.strip():
            pairs.append((name, value.strip()))
        elif name == "have" and name in query:
            pairs.append((name, ""))
    return pairs


def canonical_query(query: QueryDict, *, step: int | None) -> str:
    """The short, readable query string for a step (None for the result) and these answers.

    A first step with nothing answered yet is the questionnaire's bare address.
    """
    pairs = answer_pairs(query)
    if step and (step > 1 or pairs):
        pairs.insert(0, ("step", str(step)))
    return urlencode(pairs, safe=",")


def prefilled(query: QueryDict, *, data: ReadModel) -> dict:
    """What the query already says, shown in a step's fields without judging it yet. Until step 2
    is answered, it holds the skills the person's background makes likely, for them to untick."""
    initial = {
        name: listed_values(query, name) if name in LIST_FIELDS else query.get(name)
        for name in ANSWER_FIELDS
    }
    if "have" not in query:
        initial["have"] = list(data.background_skills.get(query.get("background", ""), ()))
    return initial


def step_form(number: int, *, data: ReadModel, query: QueryDict, shown: bool = False) -> StepForm:
    """Step `number`'s form judging the query's answers, or, `shown`, showing them unjudged."""
    form_class = STEP_FORMS[number - 1]
    kwargs = {"initial": prefilled(query, data=data)} if shown else {"data": query}
    if form_class is WhatYouKnowForm:
        kwargs |= {"model": data, "background": query.get("background")}
    return form_class(**kwargs)


def answers_or_invalid_step(
    query: QueryDict, *, data: ReadModel, up_to: int = len(STEP_FORMS)
) -> tuple[Answers | None, StepForm | None]:
    """Check steps 1..up_to against the query: the answers, or the first step form that fails."""
    cleaned = {}
    for number in range(1, up_to + 1):
        form = step_form(number, data=data, query=query)
        if not form.is_valid():
            return None, form
        cleaned.update(form.cleaned_data)
    return (answers_from(cleaned) if up_to == len(STEP_FORMS) else None), None
