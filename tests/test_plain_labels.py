"""Labels people must understand to act use plain words (issue 24, item 5): the show's metaphor
("season", "episode", "storyline"...) stays in the voice of the copy, never in a heading, a
button, a field, a figure's label or a table header."""

import re
from html.parser import HTMLParser

import pytest

from tests.pages import DECIDE, QUESTIONNAIRE_RESULT, QUESTIONNAIRE_RESULT_READY

LABEL_TAGS = {"h1", "h2", "h3", "h4", "dt", "th", "label", "legend", "button", "summary"}
METAPHOR = re.compile(r"season|episode|storyline|runtime|keep going|paid as", re.IGNORECASE)
PAGES = (
    "/",
    "/roles/platform-engineer/",
    "/compare/?roles=platform-engineer,devsecops-engineer",
    "/next-episode/",
    "/next-episode/?step=2&years=4&background=devops",
    "/next-episode/?step=3&years=4&background=devops&have=git",
    QUESTIONNAIRE_RESULT,
    QUESTIONNAIRE_RESULT_READY,
    DECIDE,
    "/skills/policy-as-code/",
)


class LabelReader(HTMLParser):
    """The text of every label-like element, and of every link styled as a button."""

    def __init__(self):
        super().__init__()
        self.labels: list[str] = []
        self.open: list[list[str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in LABEL_TAGS or (tag == "a" and "button" in classes):
            self.open.append([])
            self.tags.append(tag)

    def handle_endtag(self, tag):
        if self.tags and self.tags[-1] == tag:
            self.tags.pop()
            self.labels.append(" ".join("".join(self.open.pop()).split()))

    def handle_data(self, data):
        for text in self.open:
            text.append(data)


@pytest.fixture
def seed(seed_once, db):
    """The pages only read the data, so the module loads it once."""


@pytest.mark.parametrize("path", PAGES)
def test_no_label_borrows_the_shows_words(client, seed, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    reader = LabelReader()
    reader.feed(response.content.decode())
    assert reader.labels  # the page was read
    assert [label for label in reader.labels if METAPHOR.search(label)] == []
