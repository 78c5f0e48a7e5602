"""Where to learn each skill (careers.models.LearningResource, fixtures/learning_resources.json)
and the one effort figure the article gives (careers/learning.py)."""

import re
from urllib.parse import urlsplit

import pytest
from django.db import IntegrityError
from pytest_django.asserts import assertContains

from careers.learning import BOOTCAMP_EFFORT
from careers.models import LearningResource, Skill
from tests.test_admin import admin_client  # noqa: F401 (a fixture)
from tests.test_fixtures import ARTICLE

# The hosts each skill may link to: the project's, vendor's or standards body's own sites. A new
# link on another host fails here until someone checks the host and adds it.
OFFICIAL_HOSTS = {
    "python": {"docs.python.org"},
    "go": {"go.dev"},
    "java": {"dev.java", "docs.oracle.com"},
    "rust": {"doc.rust-lang.org"},
    "javascript-node": {"developer.mozilla.org", "nodejs.org"},
    "bash": {"www.gnu.org"},
    "sql": {"dev.mysql.com", "www.postgresql.org"},
    "postgresql": {"www.postgresql.org"},
    "mysql": {"dev.mysql.com"},
    "nosql": {"learn.mongodb.com", "www.mongodb.com"},
    "caching": {"developer.mozilla.org", "redis.io"},
    "message-queues": {"kafka.apache.org", "www.rabbitmq.com"},
    "rest-grpc-apis": {"developer.mozilla.org", "grpc.io"},
    "microservices": {"learn.microsoft.com"},
    "event-driven-design": {"kafka.apache.org", "learn.microsoft.com"},
    "system-design-patterns": {"docs.aws.amazon.com", "learn.microsoft.com"},
    "linux": {"training.linuxfoundation.org", "ubuntu.com"},
    "networking": {"developer.mozilla.org", "www.cloudflare.com"},
    "concurrency-performance": {"doc.rust-lang.org", "go.dev"},
    "git": {"git-scm.com"},
    "ci-cd": {"docs.github.com", "docs.gitlab.com"},
    "github-actions": {"docs.github.com", "skills.github.com"},
    "gitlab-ci": {"docs.gitlab.com", "university.gitlab.com"},
    "jenkins": {"www.jenkins.io"},
    "testing": {"docs.pytest.org", "docs.python.org"},
    "cloud": {"aws.amazon.com", "cloud.google.com", "learn.microsoft.com"},
    "cost-management": {"docs.aws.amazon.com", "www.finops.org"},
    "docker": {"docs.docker.com"},
    "kubernetes": {"kubernetes.io"},
    "infrastructure-as-code": {"developer.hashicorp.com", "docs.ansible.com"},
    "terraform": {"developer.hashicorp.com"},
    "cloudformation": {"docs.aws.amazon.com"},
    "ansible": {"docs.ansible.com"},
    "observability": {"opentelemetry.io", "prometheus.io"},
    "slos-incident-management": {"sre.google"},
    "aiops": {"docs.aws.amazon.com", "learn.microsoft.com"},
    "security-fundamentals": {"cheatsheetseries.owasp.org", "owasp.org"},
    "iam": {"cloud.google.com", "docs.aws.amazon.com"},
    "secrets-management": {"developer.hashicorp.com", "kubernetes.io"},
    "policy-as-code": {"www.openpolicyagent.org"},
    "sast-dast": {"owasp.org", "www.zaproxy.org"},
    "container-security": {"docs.docker.com", "kubernetes.io"},
    "oauth-oidc": {"oauth.net", "openid.net"},
    "owasp-top-10": {"cheatsheetseries.owasp.org", "owasp.org"},
    "cryptography": {"cheatsheetseries.owasp.org", "cryptography.io"},
    "pytorch": {"pytorch.org"},
    "tensorflow": {"www.tensorflow.org"},
    "scikit-learn": {"scikit-learn.org"},
    "mlflow": {"mlflow.org"},
    "kubeflow": {"www.kubeflow.org"},
    "sagemaker": {"docs.aws.amazon.com"},
    "vertex-ai": {"cloud.google.com"},
    "ml-pipelines": {"developers.google.com", "www.kubeflow.org"},
    "llm-integration": {"huggingface.co"},
    "ai-assisted-development": {"docs.github.com"},
    "architecture-leadership": {"docs.aws.amazon.com", "learn.microsoft.com"},
    "developer-experience": {"backstage.io", "tag-app-delivery.cncf.io"},
}


@pytest.fixture
def seed(seed_once, db):
    """The data is only read, so the module loads it once."""


def test_every_skill_has_one_to_three_official_places_to_learn_it(seed):
    for skill in Skill.objects.prefetch_related("learning_resources"):
        links = list(skill.learning_resources.all())
        assert 1 <= len(links) <= 3, skill.slug
        for link in links:
            parts = urlsplit(link.url)
            assert parts.scheme == "https", link.url
            assert parts.hostname in OFFICIAL_HOSTS[skill.slug], (skill.slug, link.url)
            assert not parts.query and not parts.fragment and not parts.username, link.url
            assert parts.port is None, link.url


def test_the_database_refuses_a_link_that_is_not_https(seed):
    with pytest.raises(IntegrityError):
        LearningResource.objects.create(
            skill=Skill.objects.get(slug="docker"),
            title="Docker docs",
            publisher="Docker",
            url="http://docs.docker.com/",
            kind=LearningResource.Kind.DOCS,
        )


def test_the_effort_figure_is_the_articles_own():
    """The closing section: the bootcamp runs "16 weeks, about 10-20 hours per week"."""
    effort = BOOTCAMP_EFFORT
    passage = f"{effort.weeks} weeks, about {effort.hours_low}-{effort.hours_high} hours per week"
    assert passage in ARTICLE.read_text(encoding="utf-8")


def test_a_plan_lists_where_to_learn_each_skill_and_no_other_effort_figure(client, seed):
    response = client.get("/plan/mlops-engineer/?years=2&background=backend&have=git,sql")
    plan = response.context["plan"]
    assert {item.skill.slug for item in plan.where_to_learn} == {
        item.skill.slug for group in plan.checklist for item in group.items
    }
    assert plan.where_to_learn[-1].state == "have"  # what is left to learn comes first
    assertContains(
        response,
        '<a href="https://pytorch.org/tutorials/" hreflang="en">PyTorch tutorials</a>',
        html=True,
    )
    content = response.content.decode()
    section = content[content.index('id="learn-heading"') : content.index('id="others-heading"')]
    figures = re.findall(r"(\d[\d–-]*) (weeks?|hours?|months?|days?)", section)
    assert figures == [("16", "weeks"), ("10–20", "hours")]


def test_a_skill_page_lists_where_to_learn_it(client, seed):
    response = client.get("/skills/kubernetes/")
    assertContains(response, '<h2 id="learn-heading">Where to learn it</h2>', html=True)
    assertContains(
        response,
        '<a href="https://kubernetes.io/docs/tutorials/kubernetes-basics/" hreflang="en">'
        "Kubernetes basics (interactive tutorial)</a>",
        html=True,
    )


def test_editors_find_where_to_learn_in_the_admin(admin_client, seed):  # noqa: F811
    assertContains(admin_client.get("/admin/"), "Learning resources")
    response = admin_client.get("/admin/careers/learningresource/", {"q": "terraform"})
    assertContains(response, "Terraform tutorials")
    assert admin_client.get("/admin/careers/learningresource/add/").status_code == 200
