from django.contrib import admin
from django.urls import include, path

from careers import views

careers_patterns = [
    path("", views.role_list, name="role_list"),
    path("roles/<slug:slug>/", views.role_detail, name="role_detail"),
    path("skills/<slug:slug>/", views.skill_detail, name="skill_detail"),
    path("faq/", views.faq, name="faq"),
    path("about/", views.about, name="about"),
]

urlpatterns = [
    path("", include((careers_patterns, "careers"))),
    path("admin/", admin.site.urls),
]
