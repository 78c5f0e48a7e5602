"""Read what link previews and search engines read from a page: head tags and JSON-LD."""

import json
from html.parser import HTMLParser


class HeadReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title = ""
        self.canonicals: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[dict] = []
        self._in_title = False
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "link" and attributes.get("rel") == "canonical":
            self.canonicals.append(attributes["href"])
        elif tag == "meta" and ("name" in attributes or "property" in attributes):
            key = attributes.get("property") or attributes["name"]
            self.meta.setdefault(key, []).append(attributes.get("content", ""))
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag):
        self._in_title = self._in_title and tag != "title"
        self._in_json_ld = self._in_json_ld and tag != "script"

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._in_json_ld:
            self.json_ld.append(json.loads(data))


def read_head(html: str) -> HeadReader:
    reader = HeadReader()
    reader.feed(html)
    return reader
