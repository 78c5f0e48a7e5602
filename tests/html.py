"""Find elements in a page as a browser parses it, rather than matching its text."""

from html.parser import HTMLParser


class StartTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def has_element(html: str, tag: str, **attributes: str | None) -> bool:
    """Whether `html` holds a `tag` element with at least these attributes and values.

    Attribute names are written as Python names: `class_` for class, `hx_get` for hx-get; a
    value of None stands for an attribute written without one (`selected`).
    """
    wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attributes.items()}
    parser = StartTags()
    parser.feed(html)
    return any(
        name == tag and all(key in found and found[key] == value for key, value in wanted.items())
        for name, found in parser.tags
    )
