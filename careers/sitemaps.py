"""sitemap.xml: every public page with the date its figures were last checked."""

from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from careers import read_model
from careers.read_model import Role, Skill


class SiteUrlSitemap(Sitemap):
    """Addresses on SITE_URL, whatever host the request came in on."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class RoleSitemap(SiteUrlSitemap):
    priority = 0.9

    def items(self):
        return sorted(read_model.current().roles, key=lambda role: role.slug)

    def location(self, role: Role) -> str:
        return role.url

    def lastmod(self, role: Role) -> date:
        return role.pay_as_of


class SkillSitemap(SiteUrlSitemap):
    priority = 0.5

    def items(self):
        return sorted(read_model.current().skills, key=lambda skill: skill.slug)

    def location(self, skill: Skill) -> str:
        return skill.url

    def lastmod(self, skill: Skill) -> date:
        """A skill page shows its roles' pay, so it changes when their figures do."""
        uses = read_model.current().skill_uses.get(skill.slug, ())
        latest_pay = max((use.role.pay_as_of for use in uses), default=None)
        return latest_pay or settings.DATA_SOURCE["updated"]


class PageSitemap(SiteUrlSitemap):
    """Pages with no object of their own; add a URL name here when a public page is added."""

    pages = ("careers:role_list", "careers:next_episode", "careers:faq", "careers:about")

    def items(self):
        return list(self.pages)

    def location(self, name: str) -> str:
        return reverse(name)

    def lastmod(self, name: str) -> date:
        return self.latest_figures

    @cached_property
    def latest_figures(self) -> date:
        latest_pay = read_model.current().pay_as_of
        return max(filter(None, [latest_pay, settings.DATA_SOURCE["updated"]]))


SITEMAPS = {"pages": PageSitemap, "roles": RoleSitemap, "skills": SkillSitemap}
