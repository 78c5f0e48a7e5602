import pytest

from careers import read_model
from careers.models import Role
from careers.ranking import role_place
from tests.factories import RoleFactory

ARTICLE_ORDER = [
    "principal-devops-engineer",
    "staff-backend-engineer",
    "backend-architect",
    "cloud-architect",
    "site-reliability-engineer",
    "mlops-engineer",
    "platform-engineer",
    "devsecops-engineer",
    "infrastructure-engineer",
    "senior-backend-go-rust",
]


def test_seed_data_ranks_in_the_articles_order(seed):
    roles = list(Role.objects.ranked())
    assert [role.slug for role in roles] == ARTICLE_ORDER
    assert [role.rank for role in roles] == list(range(1, 11))


def test_equal_total_midpoints_are_broken_by_base_midpoint(seed):
    # Backend Architect and Cloud Architect share a $350,000 total-comp midpoint.
    ranked = {role.slug: role.rank for role in Role.objects.ranked()}
    assert ranked["backend-architect"] < ranked["cloud-architect"]


def test_a_salary_edit_reranks_the_roles(seed):
    Role.objects.filter(slug="senior-backend-go-rust").update(total_min=700_000, total_max=900_000)
    assert list(Role.objects.ranked())[0].slug == "senior-backend-go-rust"


@pytest.mark.django_db
def test_role_place_gives_rank_and_neighbours():
    created = [
        RoleFactory(total_min=low, total_max=low + 100_000) for low in (100_000, 200_000, 300_000)
    ]
    data = read_model.build()
    low, middle, high = (data.role_by_slug[role.slug] for role in created)
    place = role_place(role=middle, ranking=data.roles)
    assert (place.rank, place.previous, place.next) == (2, high, low)
    assert role_place(role=high, ranking=data.roles).previous is None
    assert role_place(role=low, ranking=data.roles).next is None
