"""/api/v1/participants/: the read-only participants API (matching.api), signed-in coaches only."""

from django.urls import path

from . import api

urlpatterns = [
    path("", api.ParticipantListView.as_view(), name="participant-list"),
    path("<int:pk>/", api.ParticipantDetailView.as_view(), name="participant-detail"),
]
