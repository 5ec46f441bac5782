"""The vacancy search pages at the office PC, under /stellen/ in every language."""

from django.urls import path

from . import views

app_name = "vacancies"

urlpatterns = [
    path("", views.start, name="start"),
    path("suche/", views.results, name="results"),
    path("vorschlaege/", views.suggestions, name="suggestions"),
    path("<int:vacancy_id>/", views.detail, name="detail"),
]
