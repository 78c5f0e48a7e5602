from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from careers.page_cache import public_page
from careers.sitemaps import SITEMAPS
from careers.views import cards, changes, compare, data, health, pages, plan, questionnaire, seo

# Django's sitemap view, declared for the page cache here (ours carry @public_page themselves):
# every query parameter it reads, so only those enter its cache key.
cached_sitemap = public_page(query=("p",))(sitemap)

careers_patterns = [
    path("", pages.role_list, name="role_list"),
    path("roles/<slug:slug>/", pages.role_detail, name="role_detail"),
    path("compare/", compare.role_comparison, name="compare"),
    path("skills/", pages.skill_list, name="skill_list"),
    path("skills/<slug:slug>/", pages.skill_detail, name="skill_detail"),
    path("faq/", pages.faq, name="faq"),
    path("about/", pages.about, name="about"),
    path("changes/", changes.change_list, name="change_list"),
    path("next-episode/", questionnaire.next_episode, name="next_episode"),
    path("next-episode/result.json", questionnaire.next_episode_json, name="next_episode_json"),
    path("plan/<slug:slug>/", plan.plan, name="plan"),
    path("plan/<slug:slug>/card.png", plan.plan_card, name="plan_card"),
    path("card.png", cards.listing_card, name="listing_card"),
    path("roles/<slug:slug>/card.png", cards.role_card, name="role_card"),
    path("next-episode/card.png", cards.result_card, name="result_card"),
    path("data/roles.json", data.roles_json, name="roles_json"),
    path("data/roles.csv", data.roles_csv, name="roles_csv"),
]

urlpatterns = [
    path("", include((careers_patterns, "careers"))),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("sitemap.xml", cached_sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
]
