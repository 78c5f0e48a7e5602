import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertInHTML

from careers import read_model
from tests.factories import FaqEntryFactory, SkillFactory, SourceFactory


def test_home_lists_the_top_10_with_pay_and_skills(client, seed):
    response = client.get("/")
    assert response.status_code == 200
    roles = response.context["roles"]
    assert len(roles) == 10
    content = response.content.decode()
    assert "Principal DevOps Engineer" in content
    assert "$200,000 – $280,000" in content
    assert "$400,000 – $600,000+" in content
    assert "10–15+ years" in content
    assert content.index("Principal DevOps Engineer") < content.index("Staff Backend Engineer")
    assert 'href="/roles/principal-devops-engineer/"' in content


def test_home_shows_the_tier_table_fundamentals_and_credit(client, seed):
    content = client.get("/").content.decode()
    for figure in ("$75,000 – $95,000", "$90,000 – $140,000", "$170,000 – $250,000+"):
        assert figure in content
    assert "$300,000 – $600,000+" in content
    assert 'href="/skills/linux/"' in content
    assert "Irene Holden" in content
    assert "January 15, 2026" in content


def test_role_page_shows_quick_facts_sections_stages_and_sources(client, seed):
    response = client.get("/roles/principal-devops-engineer/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "#1 of the Top 10" in content
    assert "up to $750,000" in content
    assert "Season 6-8" in content
    for anchor in ('id="what"', 'id="salary"', 'id="skills"', 'id="path"', 'id="sources"'):
        assert anchor in content
    timeline = content[content.index('<ol class="timeline"') :]
    assert timeline.index("0–2 years") < timeline.index("3–5 years") < timeline.index("10+ years")
    assert "Glassdoor" in content
    assert 'rel="next" href="/roles/staff-backend-engineer/"' in content
    assert 'rel="prev"' not in content


def test_role_page_pay_table_includes_comparison_rows(client, seed):
    content = client.get("/roles/mlops-engineer/").content.decode()
    assert "AI/ML Engineer" in content
    assert "about $187,000 on average" in content
    assert "Varies by level" in content


def test_role_page_pay_table_shows_focus_under_focus_not_typical_experience(client, seed):
    content = client.get("/roles/principal-devops-engineer/").content.decode()
    table = content[content.index('id="pay-table-caption"') : content.index("</table>")]
    assert '<th scope="col">Focus</th>' in table
    assert "Organization-wide infrastructure, delivery and reliability standards" in table
    assert "Typical experience" not in table


def test_every_role_page_asks_is_this_my_next_episode(client, seed):
    content = client.get("/roles/cloud-architect/").content.decode()
    path = content[content.index('id="path"') : content.index('id="sources"')]
    assert "Is this the right path for me?" in path
    assert '<a class="button" href="/next-episode/">Find my next step</a>' in path


def test_role_without_a_table_in_the_article_shows_its_own_row(client, seed):
    response = client.get("/roles/backend-architect/")
    assert "$150,000 – $200,000" in response.content.decode()
    assert "about 10 years" in response.content.decode()


def test_last_role_links_back_but_not_forward(client, seed):
    content = client.get("/roles/senior-backend-go-rust/").content.decode()
    assert 'rel="prev" href="/roles/infrastructure-engineer/"' in content
    assert 'rel="next"' not in content


@pytest.mark.parametrize("path", ["/roles/no-such-role/", "/skills/no-such-skill/", "/nowhere/"])
def test_unknown_addresses_get_the_sites_404_page(client, seed, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_error_pages_ask_not_to_be_indexed_and_name_no_canonical_address(client, seed):
    content = client.get("/roles/no-such-role/").content.decode()
    assertInHTML('<meta name="robots" content="noindex">', content)
    assert 'rel="canonical"' not in content
    assert "og:url" not in content


def test_reading_pages_refuse_post(client, seed):
    assert client.post("/").status_code == 405


def test_skill_page_lists_the_roles_that_need_it(client, seed):
    response = client.get("/skills/kubernetes/")
    assert response.status_code == 200
    assert 'href="/roles/platform-engineer/"' in response.content.decode()


def test_faq_answers_about_where_to_start_offer_the_questionnaire(client, seed):
    content = client.get("/faq/").content.decode()
    assert content.count('<a class="button" href="/next-episode/">') == 1
    start = content[content.index('id="what-to-learn-first"') :]
    assert start.index("Find my next step") < start.index("</section>")
    first = content[content.index('id="top-paying-role"') :]
    assert "Find my next step" not in first[: first.index("</section>")]


def test_faq_page_lists_every_entry(client, seed):
    response = client.get("/faq/")
    assert response.status_code == 200
    assert len(response.context["entries"]) == 5
    assert "$750,000" in response.content.decode()


def test_about_page_explains_the_data_and_lists_sources(client, seed):
    content = client.get("/about/").content.decode()
    assert "How the ranking is computed" in content
    assert "Total compensation" in content
    assert "Robert Half" in content
    assert "20–30%" in content


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 50])
def test_faq_and_about_run_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    FaqEntryFactory.create_batch(count)
    SourceFactory.create_batch(count)
    SkillFactory.create_batch(count)
    read_model.current()
    with django_assert_num_queries(1):
        client.get(reverse("careers:faq"))
    with django_assert_num_queries(1):
        client.get(reverse("careers:about"))


def test_without_role_data_the_result_says_so_instead_of_failing(client, db):
    response = client.get("/next-episode/?years=4&background=devops&likes=security&priority=pay")
    assert response.status_code == 200
    assertContains(response, "has not been loaded yet")
