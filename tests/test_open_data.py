import csv
import io

import pytest

from careers import read_model
from careers.models import ExperienceTier, Role
from careers.open_data import CSV_COLUMNS, PAY_FIELDS, ROLE_FIELDS
from tests.factories import RoleFactory

INTEGER_FIELDS = {
    "rank",
    "base_min",
    "base_max",
    "total_min",
    "total_max",
    "total_peak",
    "experience_min_years",
    "experience_max_years",
}


def csv_records(client) -> list[dict]:
    response = client.get("/data/roles.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    return [parse_csv_row(row) for row in reader]


def parse_csv_row(row: dict) -> dict:
    """What a reuser would do: empty means none, true/false are booleans, figures are numbers."""
    parsed = {}
    for column, text in row.items():
        if text in {"true", "false"}:
            parsed[column] = text == "true"
        elif column in INTEGER_FIELDS:
            parsed[column] = int(text) if text else None
        else:
            parsed[column] = text
    return parsed


def test_json_round_trips_every_role_figure_to_the_database(client, seed):
    data = client.get("/data/roles.json").json()
    roles = {role.slug: role for role in Role.objects.ranked()}
    assert [record["slug"] for record in data["roles"]] == list(roles)
    for record in data["roles"]:
        role = roles[record["slug"]]
        assert record["rank"] == role.rank
        for field in ROLE_FIELDS:
            assert record[field] == getattr(role, field), (role.slug, field)
        assert record["pay_as_of"] == role.pay_as_of.isoformat()
        assert record["url"] == "http://127.0.0.1:8000" + role.get_absolute_url()


def test_json_carries_each_roles_stages_skills_pay_table_and_sources(client, seed):
    data = client.get("/data/roles.json").json()
    for record in data["roles"]:
        role = Role.objects.get(slug=record["slug"])
        stage_fields = ("order", "years_min", "years_max", "title")
        stages = [tuple(stage[field] for field in stage_fields) for stage in record["stages"]]
        assert stages == list(role.stages.values_list(*stage_fields))
        skills = [(skill["slug"], skill["importance"]) for skill in record["skills"]]
        expected = [
            (link.skill.slug, link.get_importance_display().lower())
            for link in role.role_skills.order_by("order")
        ]
        assert skills == expected
        row_fields = ("label", "base_min", "total_min", "total_average", "total_note")
        rows = [tuple(row[field] for field in row_fields) for row in record["pay_table"]]
        shown = read_model.current().role_by_slug[role.slug].comparisons  # links resolved
        assert rows == [tuple(getattr(row, field) for field in row_fields) for row in shown]
        assert len(record["sources"]) == role.role_sources.count()


def test_json_carries_the_experience_tiers(client, seed):
    tiers = client.get("/data/roles.json").json()["tiers"]
    assert [tier["slug"] for tier in tiers] == list(
        ExperienceTier.objects.values_list("slug", flat=True)
    )
    for record in tiers:
        tier = ExperienceTier.objects.get(slug=record["slug"])
        for field in ("years_min", "years_max", *PAY_FIELDS):
            assert record[field] == getattr(tier, field)


def test_json_credits_the_article(client, seed):
    source = client.get("/data/roles.json").json()["source"]
    assert source == {
        "title": "Top 10 Highest-Paying Backend and DevOps Jobs in 2026",
        "author": "Irene Holden",
        "publisher": "Nucamp",
        "updated": "2026-01-15",
    }


def test_csv_round_trips_every_role_figure_to_the_database(client, seed):
    records = csv_records(client)
    roles = {role.slug: role for role in Role.objects.ranked()}
    assert [record["slug"] for record in records] == list(roles)
    for record in records:
        role = roles[record["slug"]]
        assert record["rank"] == role.rank
        for field in ROLE_FIELDS:
            assert record[field] == getattr(role, field), (role.slug, field)


def test_csv_lists_stages_and_skills_and_credits_the_article(client, seed):
    record = next(r for r in csv_records(client) if r["slug"] == "principal-devops-engineer")
    role = Role.objects.get(slug="principal-devops-engineer")
    stage_titles = list(role.stages.values_list("title", flat=True))
    assert record["stages"].split(" | ") == stage_titles
    assert record["stage_years"].split(" | ")[-1] == "10+ years"
    assert "Kubernetes" in record["core_skills"].split(" | ")
    assert "Irene Holden (Nucamp)" in record["source"]


def test_open_data_may_be_fetched_from_any_site(client, seed):
    for path in ("/data/roles.json", "/data/roles.csv"):
        assert client.get(path)["Access-Control-Allow-Origin"] == "*"


def test_open_data_refuses_post(client, seed):
    assert client.post("/data/roles.json").status_code == 405


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_escaped(client, db, start):
    hostile = f'{start}HYPERLINK("https://evil.example","Click")'
    RoleFactory(summary=hostile, aliases="=cmd|' /C calc'!A0, Other name")
    response = client.get("/data/roles.csv")
    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["summary"] == f"'{hostile}"
    assert row["aliases"] == "'=cmd|' /C calc'!A0 | Other name"
    assert client.get("/data/roles.json").json()["roles"][0]["summary"] == hostile
