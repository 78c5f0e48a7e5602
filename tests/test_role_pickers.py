"""Role pickers past PICKER_LIMIT roles (careers/compare.py): the role page's "Compare with"
shortlist and the compare page's search, with and without htmx.

Up to the limit both pickers are drawn as they always were: tests/test_browse_views.py holds
that markup with the article's data. This module's data is its own, a catalogue past the limit.
"""

import re

import pytest
from pytest_django.asserts import assertInHTML

from careers import data_version, read_model
from careers.compare import PICKER_LIMIT
from careers.models import Role
from tests.factories import RoleSkillFactory, SkillFactory, build_catalogue
from tests.test_html_validity import as_document, run_checker

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
OPTION = re.compile(r'<option value="([^"]+)">')


@pytest.fixture
def ranked() -> list[read_model.Role]:
    """45 roles in rank order, two of them with "Reliability" in their titles."""
    build_catalogue(roles=45)
    titles = {5: "Site Reliability Lead", 30: "Principal Site Reliability Engineer"}
    for index, title in titles.items():
        Role.objects.filter(slug=read_model.current().roles[index].slug).update(title=title)
    data_version.bump()  # a bulk update sends no signal
    return list(read_model.current().roles)


def options(content: str, select_id: str) -> list[str]:
    """The values of a select's options, in order."""
    select = content[content.index(f'<select id="{select_id}"') :]
    return OPTION.findall(select[: select.index("</select>")])


def was_rendered(response) -> bool:
    """A response drawn from the cache never ran a template, so the test client saw none."""
    return response.context is not None


# The role page: a shortlist and a way to any role.


def test_past_the_limit_the_role_page_offers_its_shortlist_and_the_compare_page(client, ranked):
    role, kindred = ranked[10], ranked[40]
    shared = SkillFactory()
    RoleSkillFactory(role=Role.objects.get(slug=role.slug), skill=shared)
    RoleSkillFactory(role=Role.objects.get(slug=kindred.slug), skill=shared)
    content = client.get(role.url).content.decode()
    offered = options(content, "compare-with")
    # Every role shares the catalogue's four skills; only the kindred role shares a fifth.
    expected = [other.slug for other in ranked if other not in (role, kindred)]
    assert offered == [kindred.slug, *expected[: PICKER_LIMIT - 1]]
    assert '<select id="compare-with" name="roles" aria-describedby="compare-with-note">' in content
    assert "Listed are the 20 roles that share the most skills with this one." in content
    assertInHTML(
        f'<a href="/compare/?roles={role.slug}">Compare it with any other role</a>', content
    )


def test_up_to_the_limit_the_pickers_list_every_role(client):
    """One role more than the limit: the role page lists the other 20 and, once one role is
    chosen, so does the compare page; with none chosen it searches the 21."""
    roles = build_catalogue(roles=PICKER_LIMIT + 1)
    content = client.get(roles[0].get_absolute_url()).content.decode()
    assert len(options(content, "compare-with")) == PICKER_LIMIT
    assert "compare-with-note" not in content
    content = client.get("/compare/", {"roles": roles[0].slug}).content.decode()
    assert len(options(content, "add-role")) == PICKER_LIMIT
    assert 'name="find"' not in content
    assert 'name="find"' in client.get("/compare/").content.decode()


# The compare page: a search by title.


def test_past_the_limit_the_compare_page_lists_the_highest_ranked_and_a_search(client, ranked):
    content = client.get("/compare/").content.decode()
    assert (
        '<form class="compare-find" method="get" action="/compare/" role="search" '
        'hx-get="/compare/" hx-target="#role-matches" '
        'hx-trigger="submit, input changed delay:300ms">'
    ) in content
    assertInHTML('<label for="find-role">Find a role by title</label>', content)
    assert 'name="roles"' not in content[: content.index('id="role-matches"')]
    assert options(content, "add-role") == [role.slug for role in ranked[:PICKER_LIMIT]]
    assert (
        "The 20 highest-ranked of the 45 roles you can add are listed: "
        "search by title for any other."
    ) in content


def test_without_javascript_a_search_lists_the_roles_whose_title_contains_it(client, ranked):
    response = client.get("/compare/", {"roles": ranked[0].slug, "find": "RELIABILITY"})
    content = response.content.decode()
    assert response.status_code == 200
    assert options(content, "add-role") == [ranked[5].slug, ranked[30].slug]
    assert "2 roles match “RELIABILITY”." in content
    assert 'value="RELIABILITY"' in content
    # The search keeps the chosen role; adding one sends it with the choice.
    assertInHTML(f'<input type="hidden" name="roles" value="{ranked[0].slug}">', content)
    assertInHTML('<label for="add-role">Add a role</label>', content)


def test_a_search_matching_more_than_the_limit_says_how_many_more_match(client, ranked):
    content = client.get("/compare/", {"find": "engineer"}).content.decode()
    # 44 titles hold "engineer": all but "Site Reliability Lead".
    assert len(options(content, "add-role")) == PICKER_LIMIT
    assert (
        "44 roles match “engineer”. The first 20 are listed; 24 more match: refine your search "
        "to see them."
    ) in content


def test_a_search_matching_nothing_says_so_and_offers_no_list(client, ranked):
    content = client.get("/compare/", {"find": "<b>zebra"}).content.decode()
    assert (
        "No role's title contains “&lt;b&gt;zebra”. Try a shorter or a different word." in content
    )
    assert 'id="add-role"' not in content


def test_with_htmx_a_search_swaps_only_the_roles_found_and_their_count(client, ranked):
    query = {"roles": ranked[0].slug, "find": "reliability"}
    response = client.get("/compare/", query, headers=HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and "comparison-table" not in content
    assert "compare-find" not in content
    assert options(content, "add-role") == [ranked[5].slug, ranked[30].slug]
    assert '<form class="compare-add" method="get" action="/compare/" hx-get="/compare/"' in content
    assertInHTML('<label for="add-role">Add a role</label>', content)  # one role is chosen
    assertInHTML(
        '<p hx-swap-oob="innerHTML:#role-match-status">2 roles match “reliability”.</p>', content
    )
    # Typing goes on in the search field: nothing takes focus, and the address stays.
    assert "autofocus" not in content
    assert not response.has_header("HX-Push-Url")


def test_an_htmx_search_does_not_work_out_the_comparison_on_each_keystroke(
    client, ranked, monkeypatch
):
    def comparison_context(**kwargs):
        raise AssertionError("the comparison was worked out for a search")

    monkeypatch.setattr("careers.views.compare.comparison_context", comparison_context)
    query = {"roles": ranked[0].slug, "find": "reliability"}
    assert client.get("/compare/", query, headers=HTMX).status_code == 200


def test_adding_a_role_with_htmx_gives_focus_back_to_the_search(client, ranked):
    query = {"roles": [ranked[0].slug, ranked[1].slug]}
    response = client.get("/compare/", query, headers=HTMX)
    content = response.content.decode()
    assert (
        'name="find" value="" autocomplete="off" aria-describedby="role-match-status" autofocus>'
        in (content)
    )
    assert '<select id="add-role" name="roles">' in content
    assert response["HX-Push-Url"] == f"/compare/?roles={ranked[0].slug},{ranked[1].slug}"


@pytest.mark.parametrize(
    ("query", "address"),
    [
        ("roles={0}&roles={1}&find=reliability", "/compare/?roles={0},{1}&find=reliability"),
        ("roles={0}&find=+++reliability+", "/compare/?roles={0}&find=reliability"),
        ("find=site&find=lead", "/compare/?find=lead"),
        ("roles={0}&find=", "/compare/?roles={0}"),
        ("roles={0},{1},{2},{3}&find=lead", "/compare/?roles={0},{1},{2},{3}"),
        ("find=" + "x" * 150, "/compare/?find=" + "x" * 100),
        ("find=" + "x" * 99 + "+y", "/compare/?find=" + "x" * 99),
        ("find=site+%26+lead&utm_source=a", "/compare/?find=site+%26+lead"),
    ],
)
def test_a_search_is_redirected_to_its_canonical_address_once(client, ranked, query, address):
    """The text is kept, trimmed and cut short; an empty search, or one the page does not run
    (four roles chosen), is dropped. The address it is sent to is answered without another."""
    slugs = [role.slug for role in ranked[:4]]
    response = client.get("/compare/?" + query.format(*slugs), follow=True)
    assert response.redirect_chain == [(address.format(*slugs), 302)]
    assert response.status_code == 200


def test_a_search_the_page_does_not_run_is_dropped_from_the_address(client):
    roles = build_catalogue(roles=PICKER_LIMIT)
    response = client.get("/compare/", {"roles": roles[0].slug, "find": "engineer"})
    assert response["Location"] == f"/compare/?roles={roles[0].slug}"


def test_an_htmx_search_the_page_no_longer_runs_lists_every_role(client):
    """A search typed on a page drawn before the catalogue shrank to the limit."""
    roles = build_catalogue(roles=PICKER_LIMIT)
    response = client.get("/compare/", {"find": "engineer"}, headers=HTMX)
    content = response.content.decode()
    assert len(options(content, "add-role")) == PICKER_LIMIT
    assertInHTML('<p hx-swap-oob="innerHTML:#role-match-status"></p>', content)
    assert roles[0].slug in content


# The page cache: the search text is declared.


def test_a_search_is_not_answered_with_the_cached_page_without_it(client, ranked):
    """`find` is declared to the page cache; undeclared, the bare page would answer it."""
    client.get("/compare/")
    assert not was_rendered(client.get("/compare/"))
    search = client.get("/compare/?find=reliability")
    assert was_rendered(search)
    assert options(search.content.decode(), "add-role") == [ranked[5].slug, ranked[30].slug]


# Sizes and queries.


def test_a_thousand_roles_send_a_role_page_of_a_quarter_its_old_size(
    client, django_assert_num_queries
):
    """Listing the other 999 roles made the page about 60 KB (73 KB for one of the article's
    roles among 1,000); the shortlist keeps it near 16 KB."""
    roles = build_catalogue(roles=1_000)
    read_model.current()
    with django_assert_num_queries(1):
        response = client.get(roles[500].get_absolute_url())
    assert len(response.content) < 20_000
    assert len(options(response.content.decode(), "compare-with")) == PICKER_LIMIT
    with django_assert_num_queries(1):
        response = client.get("/compare/")
    assert len(response.content) < 10_000


def test_the_pickers_markup_is_valid_html(client, ranked, tmp_path):
    """The quality gate checks every page with the article's ten roles, too few for these."""
    pages = {
        "role": ranked[3].url,
        "search": f"/compare/?roles={ranked[0].slug}&find=engineer",
        "no-match": "/compare/?find=zebra",
    }
    for name, path in pages.items():
        (tmp_path / f"{name}.html").write_bytes(client.get(path).content)
    fragment = client.get("/compare/", {"find": "reliability"}, headers=HTMX).content.decode()
    (tmp_path / "search-fragment.html").write_text(as_document(fragment))
    errors = run_checker(tmp_path)
    assert not any(errors.values()), errors
