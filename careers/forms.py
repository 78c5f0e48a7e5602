"""The listing's GET form: its sort and filters live in the query string, so every view of the
list is a shareable URL. Values that do not validate fall back to defaults instead of erroring.
"""

from dataclasses import dataclass

from django import forms
from django.http import QueryDict

from careers.models import Track
from careers.ranking import ListingSort

EXPERIENCE_CHOICES = [
    ("", "Any amount"),
    (0, "Less than a year"),
    (2, "2 years"),
    (5, "5 years"),
    (8, "8 years"),
    (10, "10 years"),
    (15, "15 years or more"),
]


class RoleListForm(forms.Form):
    sort = forms.ChoiceField(label="Sort by", choices=ListingSort.choices, required=False)
    track = forms.ChoiceField(
        label="Track",
        choices=[("", "All tracks"), *Track.choices],
        required=False,
    )
    years = forms.TypedChoiceField(
        label="Experience you have",
        choices=EXPERIENCE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )


@dataclass(frozen=True)
class ListingOptions:
    sort: str
    track: str
    years: int | None

    @property
    def is_default(self) -> bool:
        return self == DEFAULT_LISTING

    @property
    def description(self) -> str:
        """The view in words: "Cloud track, within reach with 8 years, sorted by base salary"."""
        parts = []
        if self.track:
            parts.append(f"{Track(self.track).label} track")
        if self.years is not None:
            parts.append(f"within reach with {dict(EXPERIENCE_CHOICES)[self.years].lower()}")
        parts.append(f"sorted by {ListingSort(self.sort).label.lower()}")
        return ", ".join(parts)


DEFAULT_LISTING = ListingOptions(sort=ListingSort.TOTAL, track="", years=None)


def listing_options(*, query: QueryDict) -> ListingOptions:
    """The listing's sort and filters from the query string.

    Each value that does not validate falls back to its default on its own, without an error:
    a stale or hand-edited link still shows a sensible list.
    """
    form = RoleListForm(query)
    form.is_valid()
    cleaned = form.cleaned_data
    return ListingOptions(
        sort=cleaned.get("sort") or DEFAULT_LISTING.sort,
        track=cleaned.get("track") or DEFAULT_LISTING.track,
        years=cleaned.get("years", DEFAULT_LISTING.years),
    )


def listing_form(options: ListingOptions) -> RoleListForm:
    """A form showing the options in use, with no errors for the values that fell back."""
    return RoleListForm(
        initial={"sort": options.sort, "track": options.track, "years": options.years}
    )
