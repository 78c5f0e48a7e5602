"""Read an admin form from its HTML and post it back as a browser would."""

from html.parser import HTMLParser


class FormReader(HTMLParser):
    """Every successful control of one form: inputs, checked boxes, selects, textareas."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type") not in {"submit", "button"}:
            checkable = attributes.get("type") in {"checkbox", "radio"}
            if checkable and "checked" not in attributes:
                return
            self.fields.append((name, attributes.get("value", "on" if checkable else "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attributes:
            self.fields.append((self.select, attributes.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # Browsers drop the newline that follows the opening tag.
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


def read_form(response, form_id: str) -> dict[str, list[str]]:
    reader = FormReader(form_id)
    reader.feed(response.content.decode())
    fields: dict[str, list[str]] = {}
    for name, value in reader.fields:
        fields.setdefault(name, []).append(value)
    return fields


def posted(fields: dict[str, list[str]], **changes) -> dict[str, list[str]]:
    """The form's fields with some changed, ready for `client.post`."""
    return {**fields, **{name: [str(value)] for name, value in changes.items()}}


def with_provenance(data: dict) -> dict:
    """The data with a source and a reason for changed figures, unless it names its own."""
    from careers.models import Source

    source = Source.objects.order_by("pk").first() or Source.objects.create(
        slug="salary-report", name="Publisher", title="Salary report", kind="report"
    )
    given = {name: value for name, value in data.items() if value not in ("", [""], [])}
    return {**data, "pay_source": [str(source.pk)], "pay_reason": ["Newer salary report"], **given}


def post_edit(client, url: str, data: dict):
    """Post a change form as an editor publishes a pay edit: with a source and a reason, and
    once more after the preview of what the public will see (a post without a changed figure
    is saved, or refused, at once)."""
    response = client.post(url, with_provenance(data))
    form = response.context and response.context.get("adminform")
    if response.status_code == 200 and form and getattr(form.form, "public_preview", None):
        form_id = url.split("/admin/careers/")[1].split("/")[0] + "_form"
        response = client.post(url, {**read_form(response, form_id), "_save": ["Save"]})
    return response
