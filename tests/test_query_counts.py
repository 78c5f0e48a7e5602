"""Every public address runs one SQL query, the data version check, once the read model is
built: with 10 roles and with 1,000, so the count is shown not to grow with the rows.

Each address also checks that it read every row it lists, so a page that quietly listed less
could not pass. The page cache is off: a stored page would answer before any view ran.
"""

import itertools

import pytest

from careers import data_version, read_model
from careers.models import Role, Track
from tests.factories import (
    ExperienceTierFactory,
    FaqEntryFactory,
    StatisticFactory,
    build_catalogue,
)

HTMX = {"HX-Request": "true"}
LISTING_QUERIES = [
    {name: value for name, value in zip(("sort", "track", "years"), values, strict=True) if value}
    for values in itertools.product(["", "base", "fastest"], ["", "backend", "ml"], ["", "5", "0"])
]


@pytest.fixture(params=[10, 1_000], ids=lambda count: f"{count}-roles")
def roles(request, db, settings) -> list[Role]:
    settings.PAGE_CACHE_SECONDS = 0
    created = build_catalogue(roles=request.param)
    Role.objects.filter(pk=created[1].pk).update(track=Track.ML)  # a role with the premium
    ExperienceTierFactory.create_batch(2)
    FaqEntryFactory.create_batch(3)
    StatisticFactory(slug="specialization-premium")
    data_version.bump()  # a bulk update sends no signal
    read_model.current()
    return created


def addresses(roles: list[Role]) -> list[tuple[str, dict, dict, object]]:
    """(path, query, headers, check): `check(response)` is true when every row was read."""
    count = len(roles)
    skill = roles[0].role_skills.first().skill
    person = {"years": "4", "background": "devops", "priority": "pay"}
    return [
        *[("/", query, {}, None) for query in LISTING_QUERIES],
        *[("/", query, HTMX, None) for query in LISTING_QUERIES],
        ("/", {}, {}, lambda r: r.context["listing"].total == count),
        ("/", {"page": "2"}, HTMX, None),
        (roles[1].get_absolute_url(), {}, {}, lambda r: b"What specializing can add" in r.content),
        ("/compare/", {"roles": f"{roles[0].slug},{roles[1].slug}"}, {}, None),
        ("/compare/", {"roles": ",".join(role.slug for role in roles[2:6])}, HTMX, None),
        ("/compare/", {"roles": roles[0].slug, "find": "engineer 1"}, HTMX, None),
        (skill.get_absolute_url(), {}, {}, lambda r: len(r.context["rows"]) == count),
        ("/skills/", {}, {}, lambda r: sum(len(g.skills) for g in r.context["groups"]) == 6),
        ("/faq/", {}, {}, None),
        ("/about/", {}, {}, None),
        ("/next-episode/", {"step": "2", **person}, {}, None),
        ("/next-episode/", {"years": "4", "have": skill.slug, "priority": "pay"}, {}, None),
        ("/next-episode/", person, HTMX, lambda r: len(r.context["storyline"].fits) == 5),
        ("/next-episode/result.json", person, {}, lambda r: len(r.json()["fits"]) == 5),
        (
            f"/plan/{roles[3].slug}/",
            {"years": "4", "background": "devops", "have": skill.slug},
            {},
            lambda r: r.context["plan"].other_role_count == count - 1,
        ),
        (
            "/decide/",
            {"roles": f"{roles[3].slug},{roles[5].slug}", "years": "4", "have": skill.slug},
            {},
            lambda r: len(r.context["decision"].choices) == 2,
        ),
        ("/card.png", {}, {}, None),
        (f"/roles/{roles[-1].slug}/card.png", {}, {}, None),
        ("/next-episode/card.png", {"role": roles[7].slug, "years": "4"}, {}, None),
        ("/data/roles.json", {}, {}, lambda r: len(r.json()["roles"]) == count),
        ("/data/roles.csv", {}, {}, lambda r: r.content.count(b"\n") == count + 1),
        ("/sitemap.xml", {}, {}, lambda r: r.content.count(b"<loc>") == count + 6 + 4),
        ("/changes/", {}, {}, None),
        ("/changes/roles.json", {}, {}, None),
    ]


def test_every_public_address_runs_only_the_version_check(client, django_assert_num_queries, roles):
    for path, query, headers, check in addresses(roles):
        with django_assert_num_queries(1):
            response = client.get(path, query, headers=headers)
        assert response.status_code == 200, (path, query, headers)
        assert check is None or check(response), (path, query, headers)


def test_my_plans_reads_no_data(client, django_assert_num_queries, roles):
    """Its list is drawn in the browser, from localStorage and the change log's JSON."""
    with django_assert_num_queries(0):
        assert client.get("/my-plans/").status_code == 200
