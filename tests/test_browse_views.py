"""Views for browsing and comparing: the listing's controls, /compare/, /skills/ and the charts."""

import pytest
from pytest_django.asserts import assertContains, assertInHTML

from careers import compare, data_version, read_model, social_cards
from careers.models import Role, RoleSkill, Track
from tests.factories import build_catalogue
from tests.html import has_element

HTMX = {"HX-Request": "true"}


def test_listing_offers_sort_and_filter_controls_that_work_without_javascript(client, seed):
    content = client.get("/").content.decode()
    assert has_element(content, "form", class_="listing-controls", method="get", action="/")
    assert 'hx-get="/"' in content and 'hx-push-url="true"' in content
    for label in ("Sort by", "Track", "Experience you have"):
        assert f">{label}:</label>" in content
    assertInHTML('<button class="button" type="submit">Show roles</button>', content)


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
    assert has_element(response.content.decode(), "option", value="backend", selected=None)


def test_a_filter_nothing_matches_explains_and_offers_a_way_out(client, seed):
    content = client.get("/", {"years": "0"}).content.decode()
    assert "No role matches that choice." in content
    assert 'href="/?sort=fastest"' in content


def test_a_beginner_no_role_suits_yet_sees_where_each_path_starts(client, seed):
    response = client.get("/", {"years": "0"})
    steps = response.context["entry_steps"]
    assert len(steps) == 10
    assert (steps[0].role.slug, steps[0].stage.title) == (
        "principal-devops-engineer",
        "Junior DevOps/Cloud/Backend engineer",
    )
    assert all(step.stage == step.role.stages[0] for step in steps)
    content = response.content.decode()
    assert "Where each path starts" in content
    assertInHTML('<a class="button" href="/next-episode/">Find my next step</a>', content)


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
    assert '<a class="button" href="/next-episode/">Find my next step</a>' in main


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
def test_invalid_listing_values_are_sent_to_the_default_view(client, seed, query):
    response = client.get("/?" + query, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert response.status_code == 200
    assert len(response.context["roles"]) == 10
    assert response.context["roles"][0].slug == "principal-devops-engineer"
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "address"),
    [
        ("sort=total", "/"),
        ("sort=base&sort=fastest", "/?sort=fastest"),
        ("track=backend&track=backend", "/?track=backend"),
        ("sort=base&years=7", "/?sort=base"),
        ("track=nope&years=5", "/?years=5"),
        ("years=05", "/"),
        ("sort=junk&utm_source=newsletter", "/"),
        ("sort=base&track=cloud&years=8&page=01", "/?sort=base&track=cloud&years=8&page=1"),
    ],
)
def test_a_listing_address_not_in_its_canonical_form_is_sent_to_the_one_it_shows(
    client, seed, query, address
):
    """One address for each view of the list: a value left at its default is not named, each is
    named once, and one that does not validate falls back to its default on its own."""
    response = client.get("/?" + query)
    assert response.status_code == 302
    assert response["Location"] == address
    assert client.get(address).status_code == 200


@pytest.mark.parametrize(
    "query", ["", "sort=base", "track=backend&years=8", "sort=fastest&page=1", "utm_source=a"]
)
def test_a_canonical_listing_address_is_answered_as_it_is(client, seed, query):
    """Parameters the listing does not read are no reason to redirect (nor kept when one is)."""
    assert client.get("/?" + query).status_code == 200


def test_the_filter_form_without_javascript_ends_on_the_address_of_its_choice(client, seed):
    """The form submits every field, defaults too; the redirect names only the choices made."""
    response = client.get("/", {"sort": "fastest", "track": "security", "years": ""}, follow=True)
    assert response.redirect_chain == [("/?sort=fastest&track=security", 302)]
    assert [role.slug for role in response.context["roles"]] == ["devsecops-engineer"]
    response = client.get("/", {"sort": "total", "track": "", "years": ""}, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert len(response.context["roles"]) == 10


@pytest.mark.parametrize(
    ("query", "address"),
    [
        ({"sort": "fastest", "track": "security", "years": ""}, "/?sort=fastest&track=security"),
        ({"sort": "total", "track": "", "years": ""}, "/"),
        ({"sort": "junk", "years": "1"}, "/"),
        ({"track": "backend", "page": "abc"}, "/?track=backend&page=1"),
    ],
)
def test_htmx_is_never_redirected_and_pushes_the_canonical_address(client, seed, query, address):
    """htmx swaps only a 200. The filter form sends every field, so the address it would push
    (`?sort=total&track=&years=`) is replaced by the one the listing names."""
    response = client.get("/", query, headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert response["HX-Push-Url"] == address


def test_an_htmx_history_restore_of_an_odd_address_is_not_redirected(client, seed):
    headers = HTMX | {"HX-History-Restore-Request": "true"}
    response = client.get("/", {"sort": "junk"}, headers=headers)
    assert response.status_code == 200
    assert "<html" in response.content.decode()


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
    assert has_element(content, "svg", class_="chart__bars", focusable="false")
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
    assert has_element(content, "form", class_="compare-picker", method="get", action="/compare/")
    assert content.count('type="checkbox" id="compare-') == 10
    assert '<label for="compare-cloud-architect">Compare' in content


# Paging: a catalogue longer than one page of the listing (careers.ranking.listing_page).

SHOW_MORE_PAGE_2 = (
    '<p class="show-more"><a class="button" href="/?page=2#more-roles" hx-get="/?page=2" '
    'hx-target="closest .show-more" hx-swap="outerHTML" hx-push-url="true">'
    "Show more roles</a></p>"
)


def card_count(content: str) -> int:
    return content.count('<li class="role-card"')


@pytest.fixture
def long_listing(db) -> list[Role]:
    """45 roles: two pages of 20 and one of 5. The last one built ranks first."""
    return build_catalogue(roles=45)


def test_the_top_ten_is_one_page_with_no_pager_and_its_whole_chart(client, seed):
    response = client.get("/")
    content = response.content.decode()
    assert not response.context["listing"].is_paged
    assert "Show more roles" not in content and "more-roles" not in content
    assert "Each role's typical base salary and total pay, in rank order." in content
    assert "Only the top" not in content
    assert content.count('<p class="chart__label">') == 10


def test_a_listing_longer_than_a_page_shows_the_first_page_then_show_more(client, long_listing):
    response = client.get("/")
    content = response.content.decode()
    assert [role.rank for role in response.context["roles"]] == list(range(1, 21))
    assert card_count(content) == 20
    assert (
        '<p class="results-summary" role="status">Showing 20 of 45 roles: '
        "sorted by total compensation (the ranking).</p>"
    ) in content
    assert SHOW_MORE_PAGE_2 in content
    # The control sits after the list, inside the compare form, so appended cards are ticked
    # and submitted with the rest; htmx appends to this list and updates this count.
    form = content.index('<form class="compare-picker"')
    assert form < content.index('<ol class="role-cards">') < content.index(SHOW_MORE_PAGE_2)
    assert content.index(SHOW_MORE_PAGE_2) < content.index("</form>", form)
    assert content.index('<div id="results"') < content.index('class="results-summary"')
    assert "autofocus" not in content


def test_without_javascript_a_later_page_shows_every_role_up_to_it(client, long_listing):
    response = client.get("/", {"page": "2"})
    content = response.content.decode()
    assert card_count(content) == 40
    assert "Showing 40 of 45 roles" in content
    # The link's #more-roles lands on the first card the page added.
    added = content[content.index('<li class="role-card" id="more-roles">') :]
    assert '<span class="visually-hidden">Rank 21: </span>' in added[: added.index("</li>")]
    rank_21 = response.context["roles"][20]
    checkbox = content.index(f'id="compare-{rank_21.slug}"')
    form = content.index('<form class="compare-picker"')
    assert form < checkbox < content.index("</form>", form)
    assert 'href="/?page=3#more-roles" hx-get="/?page=3"' in content
    last = client.get("/", {"page": "3"}).content.decode()
    assert card_count(last) == 45
    assert "Showing 45 of 45 roles" in last
    assert "Show more roles" not in last


def test_show_more_with_htmx_gets_only_the_next_cards_the_count_and_the_next_link(
    client, long_listing
):
    response = client.get("/", {"page": "2"}, headers=HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and "<h1" not in content
    assert "compare-picker" not in content and 'role="status"' not in content
    assert [role.rank for role in response.context["roles"]] == list(range(21, 41))
    assert (
        '<p hx-swap-oob="innerHTML:#results .results-summary">Showing 40 of 45 roles: '
        "sorted by total compensation (the ranking).</p>"
    ) in content
    assert has_element(content, "ol", hx_swap_oob="beforeend:#results .role-cards")
    assert card_count(content) == content.count('type="checkbox" id="compare-') == 20
    # Focus moves to the first new role, which stands where the pressed control was.
    assert content.count("autofocus") == 1
    assert 'autofocus><span class="visually-hidden">Rank 21: </span>' in content
    assert 'href="/?page=3#more-roles" hx-get="/?page=3"' in content
    assert "HX-Request" in response["Vary"]


def test_the_last_htmx_page_removes_the_show_more_control(client, long_listing):
    content = client.get("/", {"page": "3"}, headers=HTMX).content.decode()
    assert card_count(content) == 5
    assert "Showing 45 of 45 roles" in content
    assert "show-more" not in content


def test_show_more_keeps_the_sort_and_filters(client, long_listing):
    Role.objects.filter(pk__in=[role.pk for role in long_listing[:25]]).update(track=Track.CLOUD)
    data_version.bump()  # a bulk update sends no signal
    query = {"sort": "fastest", "track": "cloud", "years": "5"}
    content = client.get("/", query).content.decode()
    assert "Showing 20 of 25 roles (45 in all): Cloud track, within reach with 5 years" in content
    assert (
        'href="/?sort=fastest&amp;track=cloud&amp;years=5&amp;page=2#more-roles" '
        'hx-get="/?sort=fastest&amp;track=cloud&amp;years=5&amp;page=2"'
    ) in content
    fragment = client.get("/", query | {"page": "2"}, headers=HTMX)
    assert [role.track for role in fragment.context["roles"]] == [Track.CLOUD] * 5
    assert "Showing 25 of 25 roles (45 in all)" in fragment.content.decode()


def test_changing_a_filter_with_htmx_starts_again_from_the_first_page(client, long_listing):
    content = client.get("/", {"sort": "base"}, headers=HTMX).content.decode()
    assert '<p class="results-summary" role="status">Showing 20 of 45 roles' in content
    assert has_element(content, "form", class_="compare-picker")
    assert card_count(content) == 20
    assert 'hx-get="/?sort=base&amp;page=2"' in content


def test_an_htmx_history_restore_of_a_later_page_gets_the_whole_page(client, long_listing):
    headers = HTMX | {"HX-History-Restore-Request": "true"}
    content = client.get("/", {"page": "2"}, headers=headers).content.decode()
    assert "<html" in content
    assert card_count(content) == 40


@pytest.mark.parametrize(
    ("value", "page_number", "shown"),
    [
        ("abc", 1, 20),
        ("", 1, 20),
        ("1e3", 1, 20),
        ("0", 3, 45),
        ("-1", 3, 45),
        ("4", 3, 45),
        ("9" * 400, 3, 45),
    ],
)
def test_a_page_that_is_not_there_is_sent_to_the_page_it_shows(
    client, long_listing, value, page_number, shown
):
    """Django's Paginator.get_page: not a number is the first page; below 1 or past the end,
    the last (and the full page shows every role up to it). Each has one address, so odd
    values cannot fill the page cache with copies."""
    response = client.get("/", {"page": value})
    assert response.status_code == 302
    assert response["Location"] == f"/?page={page_number}"
    page = client.get(response["Location"])
    fragment = client.get("/", {"page": value}, headers=HTMX)
    assert page.status_code == fragment.status_code == 200
    assert card_count(page.content.decode()) == shown


def test_the_page_address_keeps_the_sort_and_filters_when_it_is_corrected(client, long_listing):
    response = client.get("/", {"sort": "base", "track": "backend", "years": "8", "page": "x"})
    assert response["Location"] == "/?sort=base&track=backend&years=8&page=1"


def test_each_page_is_cached_apart(client, long_listing):
    """`page` is declared to the page cache: undeclared, page 2 would be served page 1."""
    client.get("/")
    client.get("/", headers=HTMX)
    assert card_count(client.get("/", {"page": "2"}).content.decode()) == 40
    assert card_count(client.get("/", {"page": "2"}, headers=HTMX).content.decode()) == 20


def test_a_long_catalogue_charts_only_the_top_ten_and_says_so(client, long_listing):
    content = client.get("/").content.decode()
    chart = content[content.index('id="chart-heading"') : content.index('id="tiers-heading"')]
    assert chart.count('<p class="chart__label">') == 10
    assert "Only the top 10 of the 45 roles are charted here" in chart
    assert f'<p class="chart__label">1. {long_listing[-1].title}</p>' in chart
    assert f'<p class="chart__label">10. {long_listing[-10].title}</p>' in chart
    assert "Base and total pay bands of the highest-ranked roles" in chart
    assert "of the ten roles" not in chart


@pytest.mark.django_db
@pytest.mark.parametrize("count", [45, 200])
def test_every_page_of_the_listing_runs_the_queries_of_the_first(
    client, django_assert_num_queries, count
):
    """Paging slices the ranked list in Python: a later page, whole or appended, runs only the
    data version check, as the first does."""
    build_catalogue(roles=count)
    read_model.current()
    steps = [
        ({"page": "2"}, {}),
        ({"page": "3"}, {}),
        ({"page": "2"}, HTMX),
        ({"sort": "base", "track": "backend", "page": "3"}, HTMX),
    ]
    for query, headers in steps:
        with django_assert_num_queries(1):
            assert client.get("/", query, headers=headers).status_code == 200


@pytest.mark.django_db
def test_a_thousand_roles_send_a_first_page_under_100_kb(client, django_assert_num_queries):
    """Before paging, the listing drew every role: about 2.8 MB of HTML for 1,000."""
    build_catalogue(roles=1_000)
    read_model.current()
    with django_assert_num_queries(1):
        response = client.get("/")
    assert len(response.content) < 100_000
    assert len(response.context["roles"]) == 20
    assert response.content.decode().count('<p class="chart__label">') == 10
    with django_assert_num_queries(1):
        fragment = client.get("/", {"page": "50"}, headers=HTMX)
    assert len(fragment.content) < 50_000


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
    assert has_element(content, "ol", class_="stage-list")
    assert "Skills and the AI angle" in content


def test_compare_charts_pay_first_with_its_figures_and_labels_cells_for_stacking(client, seed):
    query = {"roles": "cloud-architect,site-reliability-engineer,mlops-engineer"}
    content = client.get("/compare/", query).content.decode()
    chart = content.index('id="compare-chart-heading"')
    assert chart < content.index('id="compare-chart-table-caption"')
    assert content.index('id="compare-chart-table-caption"') < content.index(
        'id="side-by-side-heading"'
    )
    assertInHTML('<span class="cell-label" aria-hidden="true">MLOps Engineer</span>', content)
    assert 'class="comparison-table"' in content


def test_compare_highlights_shared_skills_and_lists_distinct_ones(client, seed):
    response = client.get("/compare/", {"roles": "cloud-architect,mlops-engineer"})
    content = response.content.decode()
    shared = {skill.slug for skill in response.context["shared"]}
    assert {"linux", "python", "cloud"} <= shared
    assert has_element(content, "a", class_="tag tag--shared", href="/skills/linux/")
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
    assertInHTML('<input type="hidden" name="roles" value="cloud-architect">', content)
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


def test_role_page_has_a_compare_with_control(client, seed):
    content = client.get("/roles/cloud-architect/").content.decode()
    assert has_element(content, "form", class_="compare-with", method="get", action="/compare/")
    assertInHTML('<input type="hidden" name="roles" value="cloud-architect">', content)
    assert has_element(content, "option", value="principal-devops-engineer")
    assert '<option value="cloud-architect">' not in content


def test_role_page_charts_the_role_against_the_experience_tiers(client, seed):
    content = client.get("/roles/principal-devops-engineer/").content.decode()
    assert 'aria-labelledby="tiers-chart-title"' in content
    assertInHTML('<p class="chart__label">Staff/Principal tier, 10+ years</p>', content)
    assert content.count('class="chart__peak"') == 1
    assertInHTML('<th scope="row">Principal DevOps Engineer, 10–15+ years</th>', content)
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


def test_skills_index_groups_skills_by_kind_with_counts_and_fundamentals(client, seed):
    response = client.get("/skills/")
    content = response.content.decode()
    assert response.status_code == 200
    assert [group.label for group in response.context["groups"]][:2] == [
        "Languages",
        "Data and APIs",
    ]
    assert content.index('<h2 id="kind-language">') < content.index('<h2 id="kind-ml">')
    assert has_element(content, "a", href="/skills/iam/")
    assert "3 of 10 roles" in content
    assert content.count('<span class="tag tag--fundamental">Fundamental</span>') == 14


def test_navigation_links_to_the_skills_index(client, seed):
    content = client.get("/skills/").content.decode()
    assertInHTML('<a href="/skills/" aria-current="page">Skills</a>', content)
    assert '<a href="/skills/">Skills</a>' in client.get("/").content.decode()


def test_the_header_marks_only_the_page_shown_and_nothing_on_other_pages(client, seed):
    top = client.get("/").content.decode()
    assert '<a href="/" aria-current="page">Top 10</a>' in top
    assert top.count('aria-current="page"') == 1
    role = client.get("/roles/platform-engineer/").content.decode()
    assert 'aria-current="page"' not in role
    assert "What changed in our pay data</a>" in role  # the footer


def test_specialist_skill_page_shows_the_premium_for_each_role(client, seed):
    content = client.get("/skills/iam/").content.decode()
    assert "3 of the 10 roles ask for" in content
    assert "Specialization premium (estimate)" in content
    assert "about $33,500 – $50,250" in content
    assertInHTML('<a href="/skills/">Skills</a>', content)


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


@pytest.mark.django_db
def test_the_pages_counts_come_from_the_data_and_the_code_not_the_template(
    client, monkeypatch, settings
):
    """Twelve roles and comparisons of two to three: nothing on the pages says ten or four."""
    settings.PAGE_CACHE_SECONDS = 0
    build_catalogue(roles=12)
    monkeypatch.setattr(compare, "MAX_ROLES", 3)
    first = read_model.current().roles[0]
    assertContains(client.get(first.url), "#1 of the Top 12 ·")
    listing = client.get("/")
    assertContains(listing, "Sort and filter the 12 roles")
    assertContains(listing, "Tick two to three roles.")
    assertContains(client.get("/compare/"), "Put two to three roles next to each other")
    card = social_cards.role_card(role=first, ranked=12)
    assert card.eyebrow.startswith("#1 of the Top 12")
