import pytest

from careers import read_model
from careers.formatting import pay_range
from careers.models import Role
from tests.factories import RoleFactory, RoleSkillFactory
from tests.head import read_head

ROLE_SLUGS = [
    "principal-devops-engineer",
    "staff-backend-engineer",
    "backend-architect",
    "cloud-architect",
    "site-reliability-engineer",
    "platform-engineer",
    "mlops-engineer",
    "devsecops-engineer",
    "infrastructure-engineer",
    "senior-backend-go-rust",
]


@pytest.fixture
def seed(seed_once, db):
    """These tests only read the article's data: load it once for the module."""


def page_and_json_ld(client, path: str) -> tuple[str, list[dict]]:
    content = client.get(path).content.decode()
    return content, read_head(content).json_ld


@pytest.mark.parametrize("slug", ROLE_SLUGS)
def test_role_page_json_ld_is_an_occupation_with_the_pay_on_the_page(client, seed, slug):
    role = Role.objects.get(slug=slug)
    content, (occupation,) = page_and_json_ld(client, role.get_absolute_url())
    assert occupation["@context"] == "https://schema.org"
    assert occupation["@type"] == "Occupation"
    assert occupation["name"] == role.title
    base, total = occupation["estimatedSalary"]
    for salary, prefix in ((base, "base"), (total, "total")):
        assert salary["@type"] == "MonetaryAmountDistribution"
        assert (salary["currency"], salary["duration"]) == ("USD", "P1Y")
        assert salary["minValue"] == getattr(role, f"{prefix}_min")
        assert salary["maxValue"] == getattr(role, f"{prefix}_max")
        assert pay_range(salary["minValue"], salary["maxValue"]) in content
    assert occupation["occupationLocation"] == [{"@type": "Country", "name": "United States"}]


@pytest.mark.parametrize("slug", ROLE_SLUGS)
def test_role_json_ld_experience_and_skills_match_the_page(client, seed, slug):
    role = Role.objects.get(slug=slug)
    content, (occupation,) = page_and_json_ld(client, role.get_absolute_url())
    experience = occupation["experienceRequirements"]
    assert experience["monthsOfExperience"] == role.experience_min_years * 12
    assert experience["description"] in content
    names = [skill["name"] for skill in occupation["skills"]]
    assert names == [link.skill.name for link in role.role_skills.order_by("order")]
    for skill in occupation["skills"]:
        assert f">{skill['name']}<" in content.replace("&amp;", "&")
        assert skill["url"].startswith("http://127.0.0.1:8000/skills/")


def test_json_ld_states_no_percentile_the_article_does_not_give(client, seed):
    _, (occupation,) = page_and_json_ld(client, "/roles/mlops-engineer/")
    for salary in occupation["estimatedSalary"]:
        assert not {"median", "percentile10", "percentile90"} & salary.keys()


def test_faq_page_json_ld_carries_every_question_and_answer(client, seed):
    content, (faq_page,) = page_and_json_ld(client, "/faq/")
    assert faq_page["@type"] == "FAQPage"
    entries = read_model.current().faq  # figures filled in from the fields
    assert [item["name"] for item in faq_page["mainEntity"]] == [e.question for e in entries]
    for item, entry in zip(faq_page["mainEntity"], entries, strict=True):
        assert item["@type"] == "Question"
        assert item["acceptedAnswer"] == {"@type": "Answer", "text": entry.answer}
        assert entry.question in content


@pytest.mark.parametrize("path", ["/", "/about/", "/skills/kubernetes/"])
def test_pages_without_a_schema_carry_no_json_ld(client, seed, path):
    assert read_head(client.get(path).content.decode()).json_ld == []


@pytest.mark.django_db
def test_json_ld_cannot_be_closed_early_by_the_data(client):
    hostile = "</script><script>alert(1)</script> & <!--"
    role = RoleFactory(summary=hostile)
    RoleSkillFactory(role=role, skill__name="C++ & </script>")
    content, (occupation,) = page_and_json_ld(client, role.get_absolute_url())
    assert "<script>alert(1)" not in content
    assert occupation["description"] == hostile
    assert occupation["skills"][0]["name"] == "C++ & </script>"
