"""The questionnaire and the plan read one catalogue in a fixed number of queries, and the
questionnaire copes without data."""

import pytest
from pytest_django.asserts import assertContains

from careers import read_model
from tests.factories import ExperienceTierFactory, build_catalogue

URL = "/next-episode/"
RESULT = "years=4&background=devops&likes=security&priority=pay"


def test_without_role_data_the_result_says_so_instead_of_failing(client, db):
    response = client.get(f"{URL}?{RESULT}")
    assert response.status_code == 200
    assertContains(response, "has not been loaded yet")


@pytest.mark.parametrize("roles", [10, 200])
def test_the_result_takes_the_same_few_queries_whatever_the_number_of_roles(
    client, db, django_assert_num_queries, roles
):
    """The data version check alone, once the read model is built."""
    ExperienceTierFactory.create_batch(2)
    build_catalogue(roles=roles)
    read_model.current()
    with django_assert_num_queries(1):
        response = client.get(f"{URL}?years=4&background=devops&priority=pay")
    assert len(response.context["storyline"].fits) == 5


@pytest.mark.parametrize("roles", [10, 200])
def test_the_json_result_takes_the_same_few_queries_whatever_the_number_of_roles(
    client, db, django_assert_num_queries, roles
):
    ExperienceTierFactory.create_batch(2)
    build_catalogue(roles=roles)
    read_model.current()
    with django_assert_num_queries(1):
        response = client.get(f"{URL}result.json?years=4&background=devops&priority=pay")
    assert len(response.json()["fits"]) == 5


@pytest.mark.parametrize("roles", [10, 200])
def test_a_plan_takes_the_same_few_queries_whatever_the_number_of_roles(
    client, db, django_assert_num_queries, roles
):
    """The plan reads the questionnaire's catalogue from the read model: the version check."""
    ExperienceTierFactory.create_batch(2)
    created = build_catalogue(roles=roles)
    read_model.current()
    with django_assert_num_queries(1):
        response = client.get(f"/plan/{created[0].slug}/?years=4&background=devops")
    assert response.context["plan"].other_role_count == roles - 1


def test_a_large_catalogues_plan_says_how_many_roles_its_others_list_is_drawn_from(client, db):
    ExperienceTierFactory.create_batch(2)
    roles = build_catalogue(roles=30)
    response = client.get(f"/plan/{roles[0].slug}/?have={roles[1].role_skills.first().skill.slug}")
    assertContains(response, "(the 10 roles your marks cover best, of 29)")
    assertContains(response, "Switch my plan to", count=10)
