from django.contrib import admin
from django.urls import include, path

from careers.views import health, pages

careers_patterns = [
    path("", pages.role_list, name="role_list"),
    path("roles/<slug:slug>/", pages.role_detail, name="role_detail"),
    path("skills/<slug:slug>/", pages.skill_detail, name="skill_detail"),
    path("faq/", pages.faq, name="faq"),
    path("about/", pages.about, name="about"),
]

urlpatterns = [
    path("", include((careers_patterns, "careers"))),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
]
