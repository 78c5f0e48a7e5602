import pytest

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
    low = RoleFactory(total_min=100_000, total_max=200_000)
    middle = RoleFactory(total_min=200_000, total_max=300_000)
    high = RoleFactory(total_min=300_000, total_max=400_000)
    place = role_place(role=middle, ranking=list(Role.objects.ranked()))
    assert (place.rank, place.previous, place.next) == (2, high, low)
    assert role_place(role=high, ranking=list(Role.objects.ranked())).previous is None
    assert role_place(role=low, ranking=list(Role.objects.ranked())).next is None
