from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from careers.views import (
    about,
    compare,
    decide,
    health,
    open_data,
    pay_changes,
    plan,
    questionnaire,
    ranking,
    roles,
    sitemaps,
    skills,
    social_cards,
)

careers_patterns = [
    path("", ranking.role_list, name="role_list"),
    path("roles/<slug:slug>/", roles.role_detail, name="role_detail"),
    path("compare/", compare.role_comparison, name="compare"),
    path("decide/", decide.decide_between, name="decide"),
    path("skills/", skills.skill_list, name="skill_list"),
    path("skills/<slug:slug>/", skills.skill_detail, name="skill_detail"),
    path("faq/", about.faq, name="faq"),
    path("about/", about.about, name="about"),
    path("changes/", pay_changes.change_list, name="change_list"),
    path("changes/roles.json", pay_changes.role_changes_json, name="role_changes_json"),
    path("next-episode/", questionnaire.next_episode, name="next_episode"),
    path("next-episode/result.json", questionnaire.next_episode_json, name="next_episode_json"),
    path("plan/<slug:slug>/", plan.plan, name="plan"),
    path("my-plans/", plan.my_plans, name="my_plans"),
    path("plan/<slug:slug>/card.png", plan.plan_card, name="plan_card"),
    path("card.png", social_cards.listing_card, name="listing_card"),
    path("roles/<slug:slug>/card.png", social_cards.role_card, name="role_card"),
    path("next-episode/card.png", social_cards.result_card, name="result_card"),
    path("data/roles.json", open_data.roles_json, name="roles_json"),
    path("data/roles.csv", open_data.roles_csv, name="roles_csv"),
]

urlpatterns = [
    path("", include((careers_patterns, "careers"))),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
]
