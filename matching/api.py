"""/api/v1/participants/: a read-only JSON view of the participants a coach may see.

For the offices' own tools (a spreadsheet export, a local dashboard), signed in
through the admin: session authentication only, never public, not in the
public OpenAPI schema. The same rules as the admin pages hold: the queryset is
`Participant.objects.visible_to(request.user)` (another office's participant
is 404), the model permission `matching.view_participant` is required, and
reading one participant's profile is audited. The list shows no profile
content, only codes and states.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import privacy
from .models import Consent, Participant

PAGE_SIZE = 100


class MayViewParticipants(BasePermission):
    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user.has_perm("matching.view_participant"))


class ParticipantAPIView(APIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated, MayViewParticipants]
    schema = None  # private: left out of the public OpenAPI schema of /api/v1/

    def visible(self, request: Request) -> Any:
        active = Consent.objects.filter(participant=OuterRef("pk"), withdrawn_at=None)
        return (
            Participant.objects.visible_to(request.user)
            .select_related("office")
            .annotate(consenting=Exists(active))
        )


def summary(participant: Participant) -> dict[str, object]:
    return {
        "id": participant.pk,
        "code": participant.code,
        "office": participant.office.code,
        "language": participant.language,
        "has_consent": participant.consenting,  # type: ignore[attr-defined]
        "updated_at": participant.updated_at.isoformat(),
        "last_activity_at": participant.last_activity_at.isoformat(),
    }


class ParticipantListView(ParticipantAPIView):
    """Codes and states of the visible participants; ?q= code, ?office= code, ?consent=yes|no."""

    def get(self, request: Request) -> Response:
        participants = self.visible(request)
        if text := request.query_params.get("q", "").strip():
            participants = participants.filter(Q(code__icontains=text) | Q(name__icontains=text))
        if office := request.query_params.get("office", "").strip():
            participants = participants.filter(office__code__iexact=office)
        consent = request.query_params.get("consent")
        if consent in ("yes", "no"):
            participants = participants.filter(consenting=consent == "yes")
        page = Paginator(participants, PAGE_SIZE).get_page(request.query_params.get("page"))
        return Response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "results": [summary(p) for p in page.object_list],
            }
        )


class ParticipantDetailView(ParticipantAPIView):
    """One participant's profile and consent state; the read is audited."""

    def get(self, request: Request, pk: int) -> Response:
        participant = get_object_or_404(self.visible(request), pk=pk)
        privacy.audit(request.user, "viewed_api", participant)
        consent = participant.active_consent
        return Response(
            {
                **summary(participant),
                **privacy.profile(participant),
                "consent": None
                if consent is None
                else {
                    "version": consent.version,
                    "method": consent.method,
                    "given_at": consent.given_at.isoformat(),
                },
            }
        )
