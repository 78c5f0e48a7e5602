"""Views for browsing and comparing: the listing's controls, /compare/, /skills/ and the charts."""

import itertools

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from careers import read_model
from careers.models import RoleSkill, Track
from tests.factories import StatisticFactory, build_catalogue

HTMX = {"HX-Request": "true"}
LIST_QUERIES = [
    {"sort": sort, "track": track, "years": years}
    for sort, track, years in itertools.product(
        ["total", "base", "fastest"], ["", "backend", "cloud"], ["", "5", "0"]
    )
]


def test_listing_offers_sort_and_filter_controls_that_work_without_javascript(client, seed):
    content = client.get("/").content.decode()
    assert '<form class="listing-controls" method="get" action="/"' in content
    assert 'hx-get="/"' in content and 'hx-push-url="true"' in content
    for label in ("Sort by", "Track", "Experience you have"):
        assert f">{label}:</label>" in content
    assert '<button class="button" type="submit">Show roles</button>' in content


def test_sorting_fastest_to_reach_keeps_each_roles_article_rank(client, seed):
    response = client.get("/", {"sort": "fastest"})
    slugs = [role.slug for role in response.context["roles"]]
    assert slugs[:4] == [
        "mlops-engineer",
        "platform-engineer",
        "devsecops-engineer",
        "infrastructure-engineer",
    ]
    content = response.content.decode()
    assert content.index("Rank 6: </span>MLOps Engineer") < content.index("Rank 1: </span>")
    assert "sorted by fastest to reach" in content


def test_sorting_by_base_puts_the_highest_base_first(client, seed):
    roles = client.get("/", {"sort": "base"}).context["roles"]
    assert [role.slug for role in roles[:2]] == [
        "principal-devops-engineer",
        "staff-backend-engineer",
    ]


def test_filtering_by_track_and_experience_narrows_the_list(client, seed):
    response = client.get("/", {"track": "backend", "years": "8"})
    assert [role.slug for role in response.context["roles"]] == [
        "staff-backend-engineer",
        "senior-backend-go-rust",
    ]
    assert "Showing 2 of 10 roles" in response.content.decode()
    assert '<option value="backend" selected>' in response.content.decode()


def test_a_filter_nothing_matches_explains_and_offers_a_way_out(client, seed):
    content = client.get("/", {"years": "0"}).content.decode()
    assert "No role in the Top 10 matches that choice." in content
    assert 'href="/?sort=fastest"' in content


def test_a_beginner_no_role_suits_yet_sees_where_each_path_starts(client, seed):
    response = client.get("/", {"years": "0"})
    steps = response.context["entry_steps"]
    assert len(steps) == 10
    assert (steps[0].role.slug, steps[0].stage.title) == (
        "principal-devops-engineer",
        "Junior DevOps/Cloud/Backend engineer",
    )
    assert all(step.stage.order == min(s.order for s in step.role.stages.all()) for step in steps)
    content = response.content.decode()
    assert "Where each path starts" in content
    assert '<a class="button" href="/next-episode/">Find my next episode</a>' in content


def test_entry_steps_keep_to_the_chosen_track_and_come_with_the_htmx_fragment(client, seed):
    response = client.get("/", {"years": "0", "track": "security"}, headers=HTMX)
    assert [step.role.slug for step in response.context["entry_steps"]] == ["devsecops-engineer"]
    assert "Where each path starts" in response.content.decode()


def test_a_listing_with_matches_shows_no_entry_steps(client, seed):
    response = client.get("/", {"years": "8"})
    assert "entry_steps" not in response.context
    assert "Where each path starts" not in response.content.decode()


def test_the_home_page_offers_the_questionnaire_in_its_body(client, seed):
    content = client.get("/").content.decode()
    main = content[content.index("<main") :]
    assert "Not sure which of these is for you?" in main
    assert '<a class="button" href="/next-episode/">Find my next episode</a>' in main


@pytest.mark.parametrize(
    "query",
    [
        "sort=cheapest",
        "track=<script>alert(1)</script>",
        "years=minus-one",
        "years=7",
        "sort=" + "z" * 2_000,
        "years=1e309&track=%ff",
    ],
)
def test_invalid_listing_values_fall_back_to_the_default_view(client, seed, query):
    response = client.get("/?" + query)
    assert response.status_code == 200
    assert len(response.context["roles"]) == 10
    assert response.context["roles"][0].slug == "principal-devops-engineer"
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize("query", ["sort=" + "z" * 10_000, "years=1e309&track=%00"])
def test_hostile_listing_addresses_are_refused_before_the_view(client, seed, query):
    """Over 2,048 characters or a NUL: careers/middleware.py answers 400 for every page."""
    assert client.get("/?" + query).status_code == 400


def test_htmx_gets_only_the_results_fragment(client, seed):
    response = client.get("/", {"sort": "fastest"}, headers=HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and "<h1" not in content
    assert "Showing 10 of 10 roles" in content
    assert 'id="compare-mlops-engineer"' in content
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(client, seed):
    headers = HTMX | {"HX-History-Restore-Request": "true"}
    content = client.get("/", {"sort": "base"}, headers=headers).content.decode()
    assert "<html" in content and "<h1>" in content


def test_listing_draws_every_role_on_one_chart_with_its_table(client, seed):
    content = client.get("/").content.decode()
    # No viewBox: a scaled SVG would shrink its 12 px labels on a phone.
    assert '<svg class="chart__bars" focusable="false">' in content
    assert "viewBox" not in content
    assert 'role="img" aria-labelledby="ranking-chart-title"' in content
    assert (
        '<span id="ranking-chart-title" hidden>' in content
        and '<span id="ranking-chart-desc" hidden>' in content
    )
    assert content.count('class="chart__peak"') == 1
    assert (
        '<p class="chart__label">10. Senior Backend Developer (Go/Rust Specialist)</p>' in content
    )
    assert "The chart's figures as a table" in content
    assert (
        '<span class="cell-label" aria-hidden="true">Reported peak</span>$750,000</td>' in content
    )
    assert ' style="' not in content


def test_listing_has_a_compare_control_for_each_role(client, seed):
    content = client.get("/").content.decode()
    assert '<form class="compare-picker" method="get" action="/compare/">' in content
    assert content.count('type="checkbox" id="compare-') == 10
    assert '<label for="compare-cloud-architect">Compare' in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("count", "queries"),
    # Every combination at 10 roles; at 200 one proves the count does not grow with the rows
    # (the combinations share one code path, already proven at 10).
    [(10, LIST_QUERIES), (200, [{"sort": "base", "track": "", "years": "5"}])],
    ids=["10-roles-every-combination", "200-roles"],
)
def test_listing_runs_a_fixed_number_of_queries_for_every_sort_and_filter(
    client, django_assert_num_queries, count, queries
):
    """The data version check alone, full page or fragment, once the read model is built."""
    build_catalogue(roles=count)
    read_model.current()
    for query in queries:
        with django_assert_num_queries(1):
            page = client.get("/", query)
        with django_assert_num_queries(1):
            fragment = client.get("/", query, headers=HTMX)
        assert page.status_code == fragment.status_code == 200


def test_compare_shows_two_roles_side_by_side(client, seed):
    response = client.get("/compare/", {"roles": "cloud-architect,staff-backend-engineer"})
    content = response.content.decode()
    assert response.status_code == 200
    for figure in (
        "$140,000 – $195,000",
        "$300,000 – $450,000+",
        "8–10+ years",
    ):
        assert figure in content
    # The article's "seasons" are no common scale ("Several seasons", "Season 5 or later"):
    # typical experience is the row that compares.
    assert "Career season" not in content
    assert "#4" in content and "#2" in content
    assert "Staff Backend Engineer" in content and "Cloud Architect" in content
    assert '<ol class="stage-list">' in content
    assert "Skills and the AI angle" in content


def test_compare_charts_pay_first_with_its_figures_and_labels_cells_for_stacking(client, seed):
    query = {"roles": "cloud-architect,site-reliability-engineer,mlops-engineer"}
    content = client.get("/compare/", query).content.decode()
    chart = content.index('id="compare-chart-heading"')
    assert chart < content.index('id="compare-chart-table-caption"')
    assert content.index('id="compare-chart-table-caption"') < content.index(
        'id="side-by-side-heading"'
    )
    assert '<span class="cell-label" aria-hidden="true">MLOps Engineer</span>' in content
    assert 'class="comparison-table"' in content


def test_compare_highlights_shared_skills_and_lists_distinct_ones(client, seed):
    response = client.get("/compare/", {"roles": "cloud-architect,mlops-engineer"})
    content = response.content.decode()
    shared = {skill.slug for skill in response.context["shared"]}
    assert {"linux", "python", "cloud"} <= shared
    assert '<a class="tag tag--shared" href="/skills/linux/">' in content
    assert "(shared by all)" in content
    columns = response.context["columns"]
    assert "pytorch" in {skill.slug for skill in columns[1].distinct}
    assert "pytorch" not in {skill.slug for skill in columns[0].distinct}


def test_compare_shows_the_premium_only_for_specialist_tracks(client, seed):
    content = client.get(
        "/compare/", {"roles": "cloud-architect,staff-backend-engineer"}
    ).content.decode()
    assert "about $33,500 – $50,250 a year" in content
    assert "Not a cloud, security or AI track" in content
    assert "the article's 20–30% estimate" in content


def test_compare_links_remove_and_add_with_htmx_and_plain_urls(client, seed):
    content = client.get("/compare/", {"roles": "cloud-architect,mlops-engineer"}).content.decode()
    assert (
        'href="/compare/?roles=mlops-engineer" hx-get="/compare/?roles=mlops-engineer"' in content
    )
    assert '<form class="compare-add" method="get" action="/compare/" hx-get="/compare/"' in content
    assert '<input type="hidden" name="roles" value="cloud-architect">' in content
    assert '<option value="cloud-architect">' not in content


def test_a_checkbox_form_submission_redirects_to_the_short_url(client, seed):
    response = client.get("/compare/?roles=cloud-architect&roles=mlops-engineer")
    assert response.status_code == 302
    assert response["Location"] == "/compare/?roles=cloud-architect,mlops-engineer"


def test_htmx_gets_the_comparison_fragment_and_the_short_url_to_push(client, seed):
    response = client.get(
        "/compare/?roles=cloud-architect&roles=mlops-engineer&roles=platform-engineer",
        headers=HTMX,
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and "<h1" not in content
    assert "Platform Engineer" in content
    assert response["HX-Push-Url"] == (
        "/compare/?roles=cloud-architect,mlops-engineer,platform-engineer"
    )


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        ("cloud-architect,no-such-role", "There is no role called “no-such-role”"),
        ("cloud-architect,cloud-architect", "Cloud Architect was asked for more than once"),
        (
            "cloud-architect,mlops-engineer,platform-engineer,devsecops-engineer,backend-architect",
            "Backend Architect was left out",
        ),
        ("<script>x</script>,cloud-architect", "There is no role called “&lt;script&gt;"),
    ],
)
def test_bad_comparisons_get_a_400_that_explains_and_keeps_what_it_can(
    client, seed, roles, message
):
    response = client.get("/compare/", {"roles": roles})
    content = response.content.decode()
    assert response.status_code == 400
    assert message in content
    assert "Cloud Architect" in content
    assert 'href="/compare/?roles=cloud-architect' in content


def test_an_htmx_request_with_problems_shows_them_inline(client, seed):
    response = client.get("/compare/", {"roles": "nope,cloud-architect"}, headers=HTMX)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert response["HX-Push-Url"] == "/compare/?roles=cloud-architect"


def test_an_empty_comparison_invites_a_first_choice(client, seed):
    response = client.get("/compare/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choose a first role" in content
    assert content.count("<option ") == 10


def test_one_role_asks_for_another(client, seed):
    content = client.get("/compare/", {"roles": "mlops-engineer"}).content.decode()
    assert "Add at least one more role to compare with MLOps Engineer." in content


def test_compare_refuses_post(client, seed):
    assert client.post("/compare/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 200])
def test_compare_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    """The data version check alone, with a compared role on a specialist track too."""
    roles = build_catalogue(roles=count)
    roles[1].track = Track.CLOUD
    roles[1].save()
    StatisticFactory(slug="specialization-premium")
    two = ",".join(role.slug for role in roles[:2])
    four = ",".join(role.slug for role in roles[2:6])
    read_model.current()
    with django_assert_num_queries(1):
        assert client.get("/compare/", {"roles": two}).status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/compare/", {"roles": four}, headers=HTMX).status_code == 200


def test_role_page_has_a_compare_with_control(client, seed):
    content = client.get("/roles/cloud-architect/").content.decode()
    assert '<form class="compare-with" method="get" action="/compare/">' in content
    assert '<input type="hidden" name="roles" value="cloud-architect">' in content
    assert '<option value="principal-devops-engineer">' in content
    assert '<option value="cloud-architect">' not in content


def test_role_page_charts_the_role_against_the_experience_tiers(client, seed):
    content = client.get("/roles/principal-devops-engineer/").content.decode()
    assert 'aria-labelledby="tiers-chart-title"' in content
    assert '<p class="chart__label">Staff/Principal tier, 10+ years</p>' in content
    assert content.count('class="chart__peak"') == 1
    assert '<th scope="row">Principal DevOps Engineer, 10–15+ years</th>' in content
    assert '<span class="cell-label" aria-hidden="true">Reported peak</span>$750,000' in content
    assert ' style="' not in content


def test_role_page_shows_the_premium_in_dollars_on_specialist_tracks(client, seed):
    content = client.get("/roles/devsecops-engineer/").content.decode()
    assert "The article's estimate, citing Robert Half" in content
    assert "$36,900 – $55,350 a year" in content
    assert "$184,500" in content
    assert (
        "What specializing can add"
        not in client.get("/roles/staff-backend-engineer/").content.decode()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 200])
def test_specialist_role_page_runs_no_query_for_the_premium(
    client, django_assert_num_queries, count
):
    roles = build_catalogue(roles=count)
    roles[0].track = Track.ML
    roles[0].save()
    StatisticFactory(slug="specialization-premium")
    read_model.current()
    with django_assert_num_queries(1):
        response = client.get(roles[0].get_absolute_url())
    assert response.context["premium"] is not None


def test_skills_index_groups_skills_by_kind_with_counts_and_fundamentals(client, seed):
    response = client.get("/skills/")
    content = response.content.decode()
    assert response.status_code == 200
    assert [group.label for group in response.context["groups"]][:2] == [
        "Languages",
        "Data and APIs",
    ]
    assert content.index('<h2 id="kind-language">') < content.index('<h2 id="kind-ml">')
    assert '<a href="/skills/iam/">' in content
    assert "3 of 10 roles" in content
    assert content.count('<span class="tag tag--fundamental">Fundamental</span>') == 11


def test_navigation_links_to_the_skills_index(client, seed):
    content = client.get("/skills/").content.decode()
    assert '<a href="/skills/" aria-current="page">Skills</a>' in content
    assert '<a href="/skills/">Skills</a>' in client.get("/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 200])
def test_skills_index_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    build_catalogue(roles=count)
    read_model.current()
    with django_assert_num_queries(1):
        response = client.get(reverse("careers:skill_list"))
    assert sum(len(group.skills) for group in response.context["groups"]) == 6


def test_specialist_skill_page_shows_the_premium_for_each_role(client, seed):
    content = client.get("/skills/iam/").content.decode()
    assert "3 of the 10 roles ask for" in content
    assert "Specialization premium (estimate)" in content
    assert "about $33,500 – $50,250" in content
    assert '<a href="/skills/">Skills</a>' in content


def test_other_skill_pages_show_importance_and_pay_without_a_premium(client, seed):
    response = client.get("/skills/terraform/")
    content = response.content.decode()
    links = RoleSkill.objects.filter(skill__slug="terraform").select_related("role")
    assert links
    for link in links:
        role = link.role
        assertContains(
            response,
            f'<tr><th scope="row"><a href="{role.get_absolute_url()}">{role.title}</a></th>'
            '<td><span class="cell-label" aria-hidden="true">How much it matters</span>'
            f"{link.get_importance_display()}</td>",
        )
    assert "Specialization premium" not in content
