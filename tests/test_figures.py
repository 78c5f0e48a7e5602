"""One truth per figure: texts quote pay figures by placeholder, rows showing a role or a tier read
its figures, and an edit of every pay field leaves its old value on no public page or export."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from careers import data_version, figures, read_model, social_cards
from careers.models import ExperienceTier, FaqEntry, Role
from tests.factories import PayComparisonFactory, RoleFactory

# ------------------------------------------------------------------ placeholders, plain


BOOK = {
    ("tier", "senior"): figures.Figures(135_000, 180_000, False, 220_000, 350_000, False),
    ("role", "platform-engineer"): figures.Figures(
        135_000, 185_000, False, 220_000, 350_000, True, total_peak=400_000
    ),
}
OWN = BOOK[("role", "platform-engineer")]


def test_placeholders_are_filled_from_the_figures_as_the_site_writes_them():
    text = "A base of {base}, {total} in total, up to {peak}; seniors earn {tier:senior.base}."
    assert figures.fill(text, own=OWN, book=BOOK) == (
        "A base of $135,000 – $185,000, $220,000 – $350,000+ in total, up to $400,000;"
        " seniors earn $135,000 – $180,000."
    )
    assert figures.fill("{role:platform-engineer.base_max}", book=BOOK) == "$185,000"


def test_a_typed_figure_that_repeats_a_field_is_refused_with_its_placeholder():
    held = OWN.placeholders() | BOOK[("tier", "senior")].placeholders("tier:senior.")
    errors = figures.text_errors(
        "Pay reaches $185,000, seniors $180k, tuition $2,124.", own=OWN, book=BOOK, held=held
    )
    assert len(errors) == 2
    assert "“$185,000”" in errors[0] and "{base_max}" in errors[0]
    assert "“$180k”" in errors[1] and "{tier:senior.base_max}" in errors[1]


def test_a_placeholder_naming_no_figure_is_refused():
    for text in ("{salary}", "{tier:principal.base}", "{peak}"):
        no_peak = figures.Figures(1, 2, False, 3, 4, False)
        assert figures.text_errors(text, own=no_peak, book=BOOK, held={}), text


def test_quotes_tells_which_texts_read_an_edited_field():
    senior = ("tier", "senior")
    own = ("role", "platform-engineer")
    text = "{base}; seniors {tier:senior.total}"
    assert figures.quotes(text, record=senior, fields={"total_max"}, own=own)
    assert not figures.quotes(text, record=senior, fields={"base_max"}, own=own)
    assert figures.quotes(text, record=own, fields={"base_max_open_ended"}, own=own)


# ------------------------------------------------------------------ the models refuse copies


def test_a_role_text_cannot_type_out_its_own_figure(seed):
    role = Role.objects.get(slug="cloud-architect")
    role.salary_context = "The base now reaches $195,000."
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "Salary context: “$195,000”" in str(error.value.message_dict["__all__"])
    assert "{base_max}" in str(error.value.message_dict["__all__"])


def test_a_role_text_cannot_type_out_a_figure_of_a_tier_its_table_shows(seed):
    role = Role.objects.get(slug="platform-engineer")
    role.salary_context = "Seniors make $220,000 and more."
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "{tier:senior.total_min}" in str(error.value.message_dict["__all__"])


def test_a_figure_edit_that_meets_a_typed_figure_is_refused_in_the_list_not_a_500(
    admin_client, seed
):
    """Principal DevOps' text types "$500,000" (no field holds it); a list edit making it a
    field is refused for the whole row, as the list has no text field to mark."""
    from tests.admin_forms import read_form, with_provenance

    response = admin_client.get("/admin/careers/role/")
    index = [r.slug for r in response.context["cl"].result_list].index("principal-devops-engineer")
    fields = read_form(response, "changelist-form")
    data = with_provenance({**fields, "_save": ["Save"], f"form-{index}-total_min": ["500000"]})
    refused = admin_client.post("/admin/careers/role/", data)
    assert refused.status_code == 200
    assert "“$500,000” repeats a figure kept in a field" in refused.content.decode()
    assert Role.objects.get(slug="principal-devops-engineer").total_min == 400_000


def test_a_faq_answer_cannot_type_out_a_tier_figure(seed):
    entry = FaqEntry.objects.get(slug="pay-by-experience")
    entry.answer += " Entry pay starts at $75,000."
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert "{tier:entry.base_min}" in str(error.value.message_dict["answer"])


def test_a_row_showing_the_role_cannot_hold_figures_of_its_own(db):
    role = RoleFactory()
    row = PayComparisonFactory.build(role=role, same_as_role=True)
    with pytest.raises(ValidationError):
        row.full_clean()
    with pytest.raises(IntegrityError):
        row.save()


def test_a_row_shows_the_role_or_a_tier_not_both(db):
    tier = ExperienceTier.objects.create(
        slug="t", name="T", order=9, years_min=0, years_max=1, base_min=1, base_max=2,
        total_min=3, total_max=4,
    )  # fmt: skip
    row = PayComparisonFactory.build(
        role=RoleFactory(),
        same_as_role=True,
        same_as_tier=tier,
        **dict.fromkeys(("base_min", "base_max", "total_min", "total_max"), None),
    )
    with pytest.raises(IntegrityError):
        row.save()


# ------------------------------------------------------------------ an edit of every field

ROLE_BEFORE = {"base_min": 131_313, "base_max": 181_818, "total_min": 221_212,
               "total_max": 351_515, "total_peak": 361_616}  # fmt: skip
ROLE_AFTER = {"base_min": 132_323, "base_max": 185_858, "total_min": 222_121,
              "total_max": 352_525, "total_peak": 362_626}  # fmt: skip
TIER_BEFORE = {"base_min": 136_363, "base_max": 179_797, "total_min": 219_191,
               "total_max": 349_494}  # fmt: skip
TIER_AFTER = {"base_min": 137_373, "base_max": 178_787, "total_min": 218_181,
              "total_max": 348_484}  # fmt: skip
PERSON = "years=8&background=devops&have=python,sql,linux,git,ci-cd,docker&priority=pay"


def public_outputs(client, monkeypatch) -> dict[str, str]:
    """Every public page, export and card that could show Platform Engineer's or the senior
    tier's figures, as text (a card as the text it draws)."""
    drawn = []
    monkeypatch.setattr(social_cards, "card_png", lambda card: drawn.append(card) or b"PNG")
    role = "/roles/platform-engineer/"
    paths = [
        "/", "/?sort=base", "/?years=8", role, "/compare/?roles=platform-engineer,mlops-engineer",
        "/skills/kubernetes/", "/faq/", "/about/", "/changes/", "/data/roles.json",
        "/data/roles.csv", f"/next-episode/?{PERSON}", f"/next-episode/result.json?{PERSON}",
        "/plan/platform-engineer/?years=8&background=devops", "/sitemap.xml",
    ]  # fmt: skip
    outputs = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        outputs[path] = response.content.decode()
    for path in ["/card.png", f"{role}card.png", "/next-episode/card.png?role=platform-engineer"
                 "&years=8"]:  # fmt: skip
        assert client.get(path).status_code == 200, path
        outputs[path] = repr(drawn.pop())
    return outputs


def section(page: str, start: str, end: str) -> str:
    return page.split(start, 1)[1].split(end, 1)[0]


def written(value: int) -> list[str]:
    return [f"${value:,}", f'"{value}"', f": {value}", f",{value},", f",{value}\n"]


def places(outputs: dict[str, str], value: int) -> list[str]:
    return [path for path, text in outputs.items() if any(w in text for w in written(value))]


def set_figures(role: Role, tier: ExperienceTier, role_values: dict, tier_values: dict) -> None:
    for name, value in role_values.items():
        setattr(role, name, value)
    role.total_peak_note = "Reported at top firms"
    role.save()
    for name, value in tier_values.items():
        setattr(tier, name, value)
    tier.save()


def test_an_edit_of_every_pay_field_leaves_the_old_value_nowhere(client, seed, monkeypatch):
    role = Role.objects.get(slug="platform-engineer")
    tier = ExperienceTier.objects.get(slug="senior")
    set_figures(role, tier, ROLE_BEFORE, TIER_BEFORE)
    before = public_outputs(client, monkeypatch)
    for value in (*ROLE_BEFORE.values(), *TIER_BEFORE.values()):
        assert places(before, value), f"${value:,} is shown nowhere, so its absence proves nothing"
    # Each figure reaches the texts, the rows, the cards, the exports and the questionnaire.
    faq, page = before["/faq/"], before["/roles/platform-engineer/"]
    assert "$136,363 – $179,797 base" in faq
    prose, table = (
        section(page, 'id="salary-heading"', "<table"),
        section(page, "<table", "</table>"),
    )
    assert "$131,313 – $181,818" in prose and "{" not in prose  # "Pay in 2026" reads the fields
    assert "$136,363 – $179,797" in prose  # and the senior tier's
    assert "$131,313 – $181,818" in table  # the row showing the role
    assert "$136,363 – $179,797" in table  # the row showing the senior tier
    assert "$221,212" in before["/roles/platform-engineer/card.png"]
    assert "$219,191" in before["/next-episode/card.png?role=platform-engineer&years=8"]

    set_figures(role, tier, ROLE_AFTER, TIER_AFTER)
    after = public_outputs(client, monkeypatch)

    for value in (*ROLE_BEFORE.values(), *TIER_BEFORE.values()):
        # Only the change log keeps the old value, as the one it replaced.
        assert places(after, value) == ["/changes/"], f"${value:,} is still shown"
    for value in (*ROLE_AFTER.values(), *TIER_AFTER.values()):
        assert places(after, value), f"${value:,} is not shown"


def test_the_questionnaire_json_reads_the_edited_role(client, seed):
    role = Role.objects.get(slug="platform-engineer")
    role.total_min, role.total_max = ROLE_AFTER["total_min"], ROLE_AFTER["total_max"]
    role.save()
    result = json.loads(client.get(f"/next-episode/result.json?{PERSON}").content)
    (fit,) = [fit for fit in result["fits"] if fit["role"] == "platform-engineer"]
    assert fit["total_midpoint"] == (222_121 + 352_525 + 1) // 2


def test_the_read_model_resolves_linked_rows(seed):
    role = read_model.current().role_by_slug["platform-engineer"]
    senior_row, own_row = role.comparisons
    assert (senior_row.base_max, own_row.base_max) == (180_000, 180_000)
    Role.objects.filter(slug="platform-engineer").update(base_max=185_000)
    data_version.bump()  # a bulk update sends no signal
    role = read_model.current().role_by_slug["platform-engineer"]
    assert [row.base_max for row in role.comparisons] == [180_000, 185_000]
