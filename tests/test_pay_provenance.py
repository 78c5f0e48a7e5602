"""A pay edit names its source and reason, is previewed before it is published, and the public
pages say where each figure comes from and when each role's pay was last checked."""

import datetime

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from careers import data_version
from careers.admin import PREVIEW_MESSAGE, REASON_NEEDED, SOURCE_NEEDED
from careers.models import ExperienceTier, Role, Source
from tests.admin_forms import posted, read_form

URL = "/admin/careers/role/{pk}/change/"


@pytest.fixture
def report(seed) -> Source:
    return Source.objects.create(
        slug="pay-survey-2026",
        name="Example Research",
        title="2026 platform pay survey",
        kind="report",
        url="https://example.org/platform-pay-2026",
        read_on=datetime.date(2026, 11, 30),
    )


@pytest.fixture
def platform(seed) -> Role:
    return Role.objects.get(slug="platform-engineer")


def open_form(client, obj, model="role") -> tuple[str, dict]:
    url = f"/admin/careers/{model}/{obj.pk}/change/"
    return url, read_form(client.get(url), f"{model}_form")


def first_save(client, obj, report, model="role", **changes):
    url, fields = open_form(client, obj, model)
    reason = changes.pop("reason", "Newer survey")
    data = posted(fields, _save="Save", pay_source=report.pk, pay_reason=reason, **changes)
    return url, client.post(url, data)


def publish(client, obj, report, model="role", **changes):
    url, preview = first_save(client, obj, report, model, **changes)
    fields = read_form(preview, f"{model}_form")
    return client.post(url, {**fields, "_save": ["Save"]}, follow=True)


def test_the_first_save_shows_what_the_public_will_see_and_saves_nothing(
    admin_client, platform, report
):
    _, response = first_save(admin_client, platform, report, base_max=185_000)

    assert response.status_code == 200
    assertContains(response, PREVIEW_MESSAGE)
    preview = response.context["adminform"].form.public_preview
    assert [(c.figure, c.old, c.new) for c in preview.changes] == [
        ("Base salary, highest", "$180,000", "$185,000")
    ]
    (text,) = [t for t in preview.texts if t.where == "Platform Engineer: “Pay in 2026”"]
    assert "$135,000 – $185,000" in text.text
    assert preview.rows == ("Platform Engineer, pay table row “Senior Platform Engineer”",)
    assert preview.change_log_lines == (
        "Platform Engineer: Base salary, highest, $180,000 → $185,000."
        " Source: Example Research: 2026 platform pay survey. Why: Newer survey",
    )
    assertContains(response, '<a href="/roles/platform-engineer/" target="_blank"', count=1)
    assert Role.objects.get(pk=platform.pk).base_max == 180_000


def test_the_second_save_publishes_and_links_the_page_and_the_change_log(
    admin_client, platform, report
):
    response = publish(admin_client, platform, report, base_max=185_000)

    assert Role.objects.get(pk=platform.pk).base_max == 185_000
    assert 'href="/roles/platform-engineer/"' in response.content.decode()
    assert 'href="/changes/">What changed</a>' in response.content.decode()
    assert "The new figures are public" in response.content.decode()
    record = platform.history.latest()
    assert (record.pay_source, record.history_change_reason) == (report, "Newer survey")
    history = admin_client.get(f"/admin/careers/role/{platform.pk}/history/")
    assertContains(history, "Example Research: 2026 platform pay survey")
    assertContains(history, "Newer survey")


def test_a_save_with_other_figures_than_the_preview_is_previewed_again(
    admin_client, platform, report
):
    url, preview = first_save(admin_client, platform, report, base_max=185_000)
    response = admin_client.post(url, posted(read_form(preview, "role_form"), base_max=186_000))
    assert response.status_code == 200
    assert response.context["adminform"].form.public_preview.changes[0].new == "$186,000"
    assert Role.objects.get(pk=platform.pk).base_max == 180_000


def test_a_pay_edit_without_a_source_or_reason_is_refused(admin_client, platform):
    url, fields = open_form(admin_client, platform)
    response = admin_client.post(url, posted(fields, _save="Save", base_max=185_000))
    errors = response.context["adminform"].form.errors
    assert errors["pay_source"] == [SOURCE_NEEDED] and errors["pay_reason"] == [REASON_NEEDED]
    assert response.context["adminform"].form.public_preview is None
    assert Role.objects.get(pk=platform.pk).base_max == 180_000


def test_a_list_edit_of_pay_needs_a_source_and_reason_too(admin_client, platform, report):
    response = admin_client.get("/admin/careers/role/")
    fields = read_form(response, "changelist-form")
    index = [r.slug for r in response.context["cl"].result_list].index("platform-engineer")
    data = posted(fields, _save="Save", **{f"form-{index}-base_max": 185_000})
    refused = admin_client.post("/admin/careers/role/", data)
    assertContains(refused, SOURCE_NEEDED)
    assert Role.objects.get(pk=platform.pk).base_max == 180_000

    data |= {"pay_source": [str(report.pk)], "pay_reason": ["Survey"]}
    assert admin_client.post("/admin/careers/role/", data).status_code == 302
    record = platform.history.latest()
    assert (record.base_max, record.pay_source, record.history_change_reason) == (
        185_000,
        report,
        "Survey",
    )


def test_a_pay_table_row_edit_needs_a_source_and_reason(admin_client, seed, report):
    role = Role.objects.get(slug="mlops-engineer")
    url, fields = open_form(admin_client, role)
    changed = posted(fields, _save="Save", **{"comparisons-1-total_average": 190_000})
    assertContains(admin_client.post(url, changed), SOURCE_NEEDED)
    changed |= {"pay_source": [str(report.pk)], "pay_reason": ["Survey"]}
    assert admin_client.post(url, changed).status_code == 302
    row = role.comparisons.get(order=2)
    assert (row.total_average, row.history.latest().pay_source) == (190_000, report)


def test_a_tier_edit_previews_the_faq_the_role_texts_and_the_rows_that_quote_it(
    admin_client, seed, report
):
    tier = ExperienceTier.objects.get(slug="senior")
    _, response = first_save(admin_client, tier, report, "experiencetier", total_max=355_000)
    preview = response.context["adminform"].form.public_preview
    places = [text.where for text in preview.texts]
    assert "FAQ “pay-by-experience”: answer" in places
    assert "Platform Engineer: “Pay in 2026”" in places
    assert "Cloud Architect: “Pay in 2026”" not in places
    assert "Platform Engineer, pay table row “Senior DevOps Engineer”" in preview.rows
    assert "Pay by experience: Senior" in preview.change_log_lines[0]


# ------------------------------------------------------------------ what the public sees


def test_the_role_page_and_the_change_log_name_the_new_figures_source(
    admin_client, client, platform, report
):
    publish(admin_client, platform, report, base_max=185_000)
    link = (
        '<a href="https://example.org/platform-pay-2026">'
        "Example Research, 2026 platform pay survey</a>"
    )
    page = client.get("/roles/platform-engineer/")
    assertContains(page, "Figures changed since the article")
    assertContains(page, link, html=True)
    assertContains(page, "read on November 30, 2026. Why: Newer survey")
    assertContains(page, "<strong>Base salary, highest</strong>: $185,000, changed on")
    changes = client.get("/changes/")
    assertContains(changes, link, html=True)
    assertContains(changes, "Why: Newer survey")


def test_roles_nobody_edited_say_their_figures_are_the_articles(client, seed):
    page = client.get("/roles/cloud-architect/")
    assertNotContains(page, "Figures changed since the article")
    assertContains(page, "Top 10 Highest-Paying Backend and DevOps Jobs in 2026</cite> (January")


@pytest.mark.parametrize(("days", "old"), [(365, False), (366, True)])
def test_a_role_whose_pay_is_over_a_year_old_says_so(client, platform, days, old):
    checked = timezone.localdate() - datetime.timedelta(days=days)
    Role.objects.filter(pk=platform.pk).update(pay_as_of=checked)
    data_version.bump()  # a bulk update sends no signal
    page = client.get("/roles/platform-engineer/")
    assertContains(page, f"Pay last checked on {checked:%B} {checked.day}, {checked.year}.")
    (assertContains if old else assertNotContains)(page, "more than a year old")


def test_home_and_about_give_the_newest_check_and_about_the_oldest(client, platform):
    Role.objects.filter(pk=platform.pk).update(pay_as_of=datetime.date(2026, 3, 4))
    data_version.bump()
    assertContains(client.get("/"), "the most recent on March 4, 2026")
    about = client.get("/about/")
    assertContains(about, "the most recent is March 4, 2026, the oldest January 15, 2026")


def test_about_links_sources_with_an_address_and_names_the_others(client, report):
    about = client.get("/about/")
    assertContains(
        about,
        '<a href="https://example.org/platform-pay-2026">Example Research, 2026 platform pay'
        " survey</a>",
        html=True,
    )
    assertContains(about, "<strong>Glassdoor</strong>", html=True)
