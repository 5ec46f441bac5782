"""URLs of the coaches' pages, under /admin/matching/ (wrapped by Wagtail's admin login)."""

from django.urls import path

from . import admin_views as views

app_name = "matching"

urlpatterns = [
    path("participants/", views.participant_list, name="participant_list"),
    path("participants/new/", views.participant_create, name="participant_create"),
    path("participants/inactive/", views.inactive_list, name="inactive_list"),
    path("participants/<int:pk>/", views.participant_detail, name="participant_detail"),
    path("participants/<int:pk>/edit/", views.participant_edit, name="participant_edit"),
    path("participants/<int:pk>/delete/", views.participant_delete, name="participant_delete"),
    path(
        "participants/<int:pk>/export.json",
        views.participant_export_json,
        name="participant_export_json",
    ),
    path(
        "participants/<int:pk>/export/",
        views.participant_export_print,
        name="participant_export_print",
    ),
    path("participants/<int:pk>/consent/", views.consent, name="consent"),
    path("participants/<int:pk>/consent/print/", views.consent_print, name="consent_print"),
    path(
        "participants/<int:pk>/consent/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("participants/<int:pk>/sheet/", views.participant_sheet, name="participant_sheet"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/bulk/", views.review_bulk, name="review_bulk"),
    path("suggestions/<int:pk>/", views.suggestion_detail, name="suggestion_detail"),
    path("suggestions/<int:pk>/accept/", views.suggestion_accept, name="suggestion_accept"),
    path("suggestions/<int:pk>/dismiss/", views.suggestion_dismiss, name="suggestion_dismiss"),
    path("suggestions/<int:pk>/snooze/", views.suggestion_snooze, name="suggestion_snooze"),
    path("suggestions/<int:pk>/outcome/", views.outcome_add, name="outcome_add"),
    path("follow-ups/", views.follow_ups_due, name="follow_ups"),
    path("follow-ups/<int:pk>/done/", views.follow_up_done, name="follow_up_done"),
]
