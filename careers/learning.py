"""The one figure the article gives for how long learning takes. Where to learn each skill is
data (careers.models.LearningResource, fixtures/learning_resources.json)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Effort:
    weeks: int
    hours_low: int  # a week
    hours_high: int


# The article's closing section says Nucamp's back-end and DevOps bootcamp takes "16 weeks, about
# 10-20 hours per week" for the shared fundamentals (tests/test_learning.py holds it to the
# article's words). It gives no figure for any single skill, so the site invents none.
BOOTCAMP_EFFORT = Effort(weeks=16, hours_low=10, hours_high=20)
