"""/api/v1/: the public vacancy API (search.api) and its OpenAPI schema."""

from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView

from . import api

urlpatterns = [
    path("vacancies/", api.VacancyListView.as_view(), name="vacancy-list"),
    path("vacancies/suggest/", api.VacancySuggestView.as_view(), name="vacancy-suggest"),
    # Any id string reaches the view, so a malformed one is a JSON 404 like an unknown one.
    path("vacancies/<str:id>/", api.VacancyDetailView.as_view(), name="vacancy-detail"),
    path(
        "schema/",
        SpectacularAPIView.as_view(
            renderer_classes=[OpenApiJsonRenderer, OpenApiYamlRenderer],
            authentication_classes=[],
        ),
        name="api-schema",
    ),
]
