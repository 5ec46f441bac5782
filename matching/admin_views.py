"""The coaches' pages in the Wagtail admin: participants, consent, review queue, outcomes.

Scoping: every participant and every suggestion is looked up through
`Participant.objects.visible_to(request.user)`, before any permission check,
so a coach asking for another office's participant gets 404 on every URL,
never a page or a 403 that confirms the record exists. Model permissions
(the "Job coaches" and "Office leads" groups, see migration 0002) then decide
what a visible record may be used for.

Auditing: every page that shows a participant's data and every change calls
`privacy.audit` with the names of the fields, never their values.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from search import query as search_query

from . import privacy
from .forms import (
    RECOGNITION,
    BulkForm,
    ConsentForm,
    DismissForm,
    OutcomeForm,
    ParticipantFilterForm,
    ParticipantForm,
    SnoozeForm,
)
from .models import (
    AVAILABILITY_CHOICES,
    KIND_CHOICES,
    Consent,
    ConsentText,
    FollowUp,
    Outcome,
    Participant,
    Suggestion,
)
from .tasks import rematch_participant

PAGE_SIZE = 50
# Nachbegleitung after a placement: check in after 4 weeks, 3 months and 6 months.
FOLLOW_UP_WEEKS = (4,)
FOLLOW_UP_MONTHS = (3, 6)
FOLLOW_UPS_AHEAD_DAYS = 7  # the due list also shows what comes up within a week

KIND_LABELS = {
    "job": gettext_lazy("Job"),
    "ausbildung": gettext_lazy("Apprenticeship (Ausbildung)"),
    "praktikum": gettext_lazy("Internship (Praktikum)"),
    "weiterbildung": gettext_lazy("Further training (Weiterbildung)"),
}
WORKING_TIME_LABELS = {
    "vollzeit": gettext_lazy("full-time"),
    "teilzeit": gettext_lazy("part-time"),
    "minijob": gettext_lazy("mini-job"),
    "schicht_nacht_wochenende": gettext_lazy("shifts, nights, weekends"),
    "heim_telearbeit": gettext_lazy("working from home"),
}
CONSTRAINT_LABELS = {
    "kind": gettext_lazy("kind of vacancy"),
    "distance": gettext_lazy("distance"),
    "working_time": gettext_lazy("working time"),
    "german": gettext_lazy("German level"),
    "driving_licence": gettext_lazy("driving licence"),
}
NOTE_LABELS = {
    "german_one_level_above": gettext_lazy(
        "The vacancy asks for German one level above the participant's; the score is capped."
    ),
}


# --- pure helpers ----------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has fewer."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def follow_up_dates(placed_on: dt.date) -> list[dt.date]:
    return [placed_on + dt.timedelta(weeks=w) for w in FOLLOW_UP_WEEKS] + [
        add_months(placed_on, m) for m in FOLLOW_UP_MONTHS
    ]


def readable_explanation(explanation: Mapping[str, Any]) -> list[str]:
    """The engine's explanation as sentences in the active (admin) language."""
    lines = []
    occupation = explanation.get("occupation") or {}
    wanted, found = occupation.get("wanted"), occupation.get("found")
    if wanted and found:
        if occupation.get("match") == "related":
            lines.append(
                _("Wanted: %(wanted)s. The vacancy is a related occupation: %(found)s.")
                % {"wanted": wanted, "found": found}
            )
        else:
            lines.append(
                _("Wanted: %(wanted)s. The vacancy is this occupation: %(found)s.")
                % {"wanted": wanted, "found": found}
            )
    if matched := explanation.get("skills_matched"):
        lines.append(_("Skills that fit: %(skills)s.") % {"skills": ", ".join(matched)})
    if missing := explanation.get("skills_missing"):
        lines.append(
            _("Asked for, not in the profile: %(skills)s.") % {"skills": ", ".join(missing)}
        )
    if (km := explanation.get("distance_km")) is not None:
        lines.append(_("%(km)s km from home.") % {"km": number_format(km, 1)})
    if met := explanation.get("constraints_met"):
        names = []
        for constraint in met:
            if constraint.startswith("language:"):
                names.append(_("language %(code)s") % {"code": constraint.split(":", 1)[1]})
            else:
                names.append(str(CONSTRAINT_LABELS.get(constraint, constraint)))
        lines.append(_("Conditions met: %(conditions)s.") % {"conditions": ", ".join(names)})
    for note in explanation.get("notes") or ():
        lines.append(str(NOTE_LABELS.get(note, note)))
    return lines


def text_direction(language: str) -> str:
    try:
        return "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def qr_svg(url: str) -> SafeString:
    """An inline SVG QR code of `url`, made on the server (segno), no outside service."""
    svg = segno.make(url, error="m", micro=False).svg_inline(scale=3, border=4)
    label = escape(_("QR code of the vacancy's web address"))
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


# --- scoping and permissions -------------------------------------------------


def visible_participants(request: HttpRequest) -> QuerySet[Participant]:
    return Participant.objects.visible_to(request.user).select_related("office")


def visible_suggestions(request: HttpRequest) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(participant__in=Participant.objects.visible_to(request.user))


def participant_or_404(request: HttpRequest, pk: int) -> Participant:
    return get_object_or_404(visible_participants(request), pk=pk)


def suggestion_or_404(request: HttpRequest, pk: int) -> Suggestion:
    return get_object_or_404(visible_suggestions(request).select_related("participant"), pk=pk)


def require(request: HttpRequest, *permissions: str) -> None:
    if not request.user.has_perms([f"matching.{p}" for p in permissions]):
        raise PermissionDenied


def touched(participant: Participant) -> None:
    """Something was done for the participant: they are not inactive."""
    Participant.objects.filter(pk=participant.pk).update(last_activity_at=timezone.now())


def queue_rematch(participant: Participant) -> None:
    pk = participant.pk
    transaction.on_commit(lambda: rematch_participant.delay(pk))


def vacancy_cards(suggestions: Iterable[Suggestion]) -> list[dict[str, Any]]:
    suggestions = list(suggestions)
    records = search_query.vacancies([s.vacancy_id for s in suggestions])
    cards = []
    for suggestion in suggestions:
        record = records.get(suggestion.vacancy_id)
        cards.append(
            {
                "suggestion": suggestion,
                "vacancy": record,
                "kind": KIND_LABELS.get(record.kind, record.kind) if record else "",
                "working_times": [WORKING_TIME_LABELS.get(w, w) for w in record.working_times]
                if record
                else [],
                "explanation": readable_explanation(suggestion.explanation),
            }
        )
    return cards


def _choice_labels(values: Iterable[str], choices: list[tuple[str, str]]) -> list[str]:
    labels = dict(choices)
    return [labels.get(v, v) for v in values]


# --- participants --------------------------------------------------------------


def participant_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_participant")
    form = ParticipantFilterForm(request.GET or None, user=request.user)
    participants = visible_participants(request).annotate(
        consenting=Exists(Consent.objects.filter(participant=OuterRef("pk"), withdrawn_at=None))
    )
    if form.is_valid():
        if text := form.cleaned_data["q"].strip():
            participants = participants.filter(Q(code__icontains=text) | Q(name__icontains=text))
        if office := form.cleaned_data["office"]:
            participants = participants.filter(office=office)
        if form.cleaned_data["consent"] == "yes":
            participants = participants.filter(consenting=True)
        elif form.cleaned_data["consent"] == "no":
            participants = participants.filter(consenting=False)
        if form.cleaned_data["inactive"]:
            participants = participants.filter(last_activity_at__lt=inactive_cutoff())
    page = Paginator(participants, PAGE_SIZE).get_page(request.GET.get("p"))
    return render(
        request,
        "matching/participant_list.html",
        {"form": form, "page": page, "can_add": request.user.has_perm("matching.add_participant")},
    )


def inactive_cutoff() -> dt.datetime:
    return timezone.now() - dt.timedelta(days=settings.LOTSE_PARTICIPANT_INACTIVE_DAYS)


def inactive_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_participant")
    stale = privacy.inactive(among=Participant.objects.visible_to(request.user))
    return render(
        request,
        "matching/inactive_list.html",
        {"participants": stale, "days": settings.LOTSE_PARTICIPANT_INACTIVE_DAYS},
    )


def participant_create(request: HttpRequest) -> HttpResponse:
    require(request, "add_participant")
    form = ParticipantForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            participant = form.save()
            privacy.audit(request.user, "created", participant, form.changed_data)
        messages.success(request, _("Participant %(code)s created.") % {"code": participant.code})
        return redirect("matching:participant_detail", pk=participant.pk)
    return render(request, "matching/participant_form.html", {"form": form, "participant": None})


def participant_detail(request: HttpRequest, pk: int) -> HttpResponse:
    participant = participant_or_404(request, pk)
    require(request, "view_participant")
    privacy.audit(request.user, "viewed", participant)
    suggestions = participant.suggestions.all()
    context = {
        "participant": participant,
        "consent": participant.active_consent,
        "consents": participant.consents.all(),
        "kinds": _choice_labels(participant.desired_kinds, KIND_CHOICES),
        "availability": _choice_labels(participant.availability, AVAILABILITY_CHOICES),
        "qualifications": [
            {**q, "recognition_label": RECOGNITION.get(q.get("recognition", ""), "")}
            for q in participant.qualifications
            if isinstance(q, dict)
        ],
        "counts": {
            status: sum(1 for s in suggestions if s.status == status)
            for status in Suggestion.Status.values
        },
        "proposed": vacancy_cards(s for s in suggestions if s.status == Suggestion.Status.PROPOSED),
        "can": {
            "change": request.user.has_perm("matching.change_participant"),
            "delete": request.user.has_perm("matching.delete_participant"),
        },
    }
    return render(request, "matching/participant_detail.html", context)


def participant_edit(request: HttpRequest, pk: int) -> HttpResponse:
    participant = participant_or_404(request, pk)
    require(request, "change_participant")
    form = ParticipantForm(request.POST or None, instance=participant, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                if form.has_changed():
                    form.save()
                    privacy.audit(request.user, "changed", participant, form.changed_data)
                    queue_rematch(participant)
            messages.success(request, _("Profile of %(code)s saved.") % {"code": participant.code})
            return redirect("matching:participant_detail", pk=participant.pk)
    else:
        privacy.audit(request.user, "viewed_for_edit", participant)
    return render(
        request, "matching/participant_form.html", {"form": form, "participant": participant}
    )


def participant_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Art. 17: erase the participant and everything derived, after a confirmation."""
    participant = participant_or_404(request, pk)
    require(request, "delete_participant")
    if request.method == "POST":
        if request.POST.get("confirm_code", "").strip().upper() != participant.code:
            messages.error(request, _("Type the participant's code to confirm the deletion."))
        else:
            code = participant.code
            privacy.erase(participant, by=request.user)
            messages.success(request, _("All data of %(code)s deleted.") % {"code": code})
            return redirect("matching:participant_list")
    return render(request, "matching/participant_delete.html", {"participant": participant})


def participant_export_json(request: HttpRequest, pk: int) -> HttpResponse:
    """Art. 15: everything held on the participant, as a JSON download."""
    participant = participant_or_404(request, pk)
    require(request, "view_participant")
    data = privacy.export(participant, by=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="lotse-{participant.code}.json"'
    response["Cache-Control"] = "no-store"
    return response


def participant_export_print(request: HttpRequest, pk: int) -> HttpResponse:
    """Art. 15: the same data as a page to print and hand over."""
    participant = participant_or_404(request, pk)
    require(request, "view_participant")
    data = privacy.export(participant, by=request.user)
    return _in_language(
        request,
        translation.get_language(),
        "matching/print_export.html",
        {
            "participant": participant,
            "data": data,
            "profile": data["participant"],
            "as_json": json.dumps(data, ensure_ascii=False, indent=2),
        },
    )


# --- consent -------------------------------------------------------------------


def _consent_text(participant: Participant) -> ConsentText | None:
    try:
        return privacy.consent_text(language=participant.language)
    except ConsentText.DoesNotExist:
        return None


def consent(request: HttpRequest, pk: int) -> HttpResponse:
    participant = participant_or_404(request, pk)
    require(request, "change_participant")
    text = _consent_text(participant)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and text is not None and form.is_valid():
        privacy.give_consent(participant, by=request.user, method=form.cleaned_data["method"])
        touched(participant)
        messages.success(request, _("Consent of %(code)s recorded.") % {"code": participant.code})
        return redirect("matching:participant_detail", pk=participant.pk)
    return render(
        request,
        "matching/consent.html",
        {
            "participant": participant,
            "text": text,
            "form": form,
            "active": participant.active_consent,
            "text_dir": text_direction(text.language) if text else "ltr",
        },
    )


def consent_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The consent text on paper, in the participant's language, to sign."""
    participant = participant_or_404(request, pk)
    require(request, "view_participant")
    text = _consent_text(participant)
    if text is None:
        raise Http404("no consent text has been published yet")
    privacy.audit(request.user, "consent_printed", participant)
    return _in_language(
        request,
        text.language,
        "matching/print_consent.html",
        {"participant": participant, "text": text},
    )


def consent_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    participant = participant_or_404(request, pk)
    require(request, "change_participant")
    if request.method == "POST":
        privacy.withdraw_consent(participant, by=request.user)
        touched(participant)
        messages.success(
            request,
            _("Consent of %(code)s withdrawn; their suggestions are deleted.")
            % {"code": participant.code},
        )
        return redirect("matching:participant_detail", pk=participant.pk)
    return render(
        request,
        "matching/consent_withdraw.html",
        {"participant": participant, "active": participant.active_consent},
    )


# --- printed sheet -------------------------------------------------------------


def vacancy_url(request: HttpRequest, vacancy_id: int) -> str:
    """The public page of the vacancy, in the active language, as an absolute address."""
    try:
        path = reverse("vacancies:detail", kwargs={"vacancy_id": vacancy_id})
    except NoReverseMatch:
        path = f"/stellen/{vacancy_id}/"
    return request.build_absolute_uri(path)


def _in_language(
    request: HttpRequest, language: str, template: str, context: dict[str, Any]
) -> HttpResponse:
    with translation.override(language):
        html = render_to_string(
            template,
            {
                **context,
                "lang": language,
                "dir": "rtl" if translation.get_language_bidi() else "ltr",
            },
            request=request,
        )
    response = HttpResponse(html)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    return response


def participant_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposed vacancies on paper, labelled in the participant's language."""
    participant = participant_or_404(request, pk)
    require(request, "view_participant")
    privacy.audit(request.user, "sheet_printed", participant)
    proposed = participant.suggestions.filter(status=Suggestion.Status.PROPOSED)
    with translation.override(participant.language):
        cards = vacancy_cards(proposed)
        for card in cards:
            if card["vacancy"] is not None:
                url = vacancy_url(request, card["vacancy"].id)
                card["url"], card["qr"] = url, qr_svg(url)
    return _in_language(
        request,
        participant.language,
        "matching/print_sheet.html",
        {"participant": participant, "cards": cards, "today": timezone.localdate()},
    )


# --- review queue ----------------------------------------------------------------


def due_suggestions(request: HttpRequest) -> QuerySet[Suggestion]:
    """New suggestions, and snoozed ones whose date has come, of consenting participants."""
    today = timezone.localdate()
    consenting = Participant.objects.visible_to(request.user).with_active_consent()
    return (
        Suggestion.objects.filter(participant__in=consenting)
        .filter(
            Q(status=Suggestion.Status.NEW)
            | Q(status=Suggestion.Status.SNOOZED, snoozed_until__lte=today)
        )
        .select_related("participant")
        .order_by("-score", "-created_at", "pk")
    )


def review_queue(request: HttpRequest) -> HttpResponse:
    require(request, "view_suggestion")
    page = Paginator(due_suggestions(request), PAGE_SIZE).get_page(request.GET.get("p"))
    return render(
        request,
        "matching/review_queue.html",
        {
            "page": page,
            "cards": vacancy_cards(page.object_list),
            "bulk_form": BulkForm(),
            "min_snooze": timezone.localdate() + dt.timedelta(days=1),
        },
    )


def _decide(suggestion: Suggestion, user: Any, status: str, **fields: Any) -> None:
    suggestion.status = status
    suggestion.reason = fields.get("reason", "")
    suggestion.snoozed_until = fields.get("snoozed_until")
    suggestion.decided_by = user
    suggestion.updated_at = timezone.now()
    suggestion.save(update_fields=["status", "reason", "snoozed_until", "decided_by", "updated_at"])
    changed = ["status", *(name for name in fields if fields[name])]
    privacy.audit(user, f"suggestion_{status}", suggestion.participant, changed)
    touched(suggestion.participant)


def suggestion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = suggestion_or_404(request, pk)
    require(request, "view_suggestion")
    privacy.audit(request.user, "suggestion_viewed", suggestion.participant)
    return _suggestion_page(request, suggestion)


def _suggestion_page(
    request: HttpRequest,
    suggestion: Suggestion,
    dismiss_form: DismissForm | None = None,
    snooze_form: SnoozeForm | None = None,
    outcome_form: OutcomeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "matching/suggestion_detail.html",
        {
            "card": vacancy_cards([suggestion])[0],
            "suggestion": suggestion,
            "participant": suggestion.participant,
            "outcomes": suggestion.outcomes.all(),
            "follow_ups": suggestion.follow_ups.all(),
            "dismiss_form": dismiss_form or DismissForm(),
            "snooze_form": snooze_form or SnoozeForm(),
            "outcome_form": outcome_form or OutcomeForm(),
            "min_snooze": timezone.localdate() + dt.timedelta(days=1),
        },
        status=status,
    )


@require_POST
def suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = suggestion_or_404(request, pk)
    require(request, "change_suggestion")
    with transaction.atomic():
        _decide(suggestion, request.user, Suggestion.Status.PROPOSED)
    messages.success(request, _("Proposed to %(code)s.") % {"code": suggestion.participant.code})
    return redirect("matching:review_queue")


@require_POST
def suggestion_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = suggestion_or_404(request, pk)
    require(request, "change_suggestion")
    form = DismissForm(request.POST)
    if not form.is_valid():
        return _suggestion_page(request, suggestion, dismiss_form=form, status=400)
    with transaction.atomic():
        _decide(
            suggestion,
            request.user,
            Suggestion.Status.DISMISSED,
            reason=form.cleaned_data["reason"],
        )
    messages.success(request, _("Suggestion dismissed."))
    return redirect("matching:review_queue")


@require_POST
def suggestion_snooze(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = suggestion_or_404(request, pk)
    require(request, "change_suggestion")
    form = SnoozeForm(request.POST)
    if not form.is_valid():
        return _suggestion_page(request, suggestion, snooze_form=form, status=400)
    with transaction.atomic():
        _decide(
            suggestion,
            request.user,
            Suggestion.Status.SNOOZED,
            snoozed_until=form.cleaned_data["until"],
        )
    messages.success(request, _("Snoozed until %(date)s.") % {"date": form.cleaned_data["until"]})
    return redirect("matching:review_queue")


@require_POST
def review_bulk(request: HttpRequest) -> HttpResponse:
    """One decision for several suggestions; any id out of scope fails the whole request."""
    require(request, "change_suggestion")
    form = BulkForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("matching:review_queue")
    ids = set(form.cleaned_data["suggestions"])
    chosen = list(visible_suggestions(request).filter(pk__in=ids).select_related("participant"))
    if len(chosen) != len(ids):
        raise Http404("no such suggestion")
    action = form.cleaned_data["action"]
    with transaction.atomic():
        for suggestion in chosen:
            if action == "accept":
                _decide(suggestion, request.user, Suggestion.Status.PROPOSED)
            elif action == "dismiss":
                _decide(
                    suggestion,
                    request.user,
                    Suggestion.Status.DISMISSED,
                    reason=form.cleaned_data["reason"],
                )
            else:
                _decide(
                    suggestion,
                    request.user,
                    Suggestion.Status.SNOOZED,
                    snoozed_until=form.cleaned_data["until"],
                )
    messages.success(request, _("%(count)d suggestions updated.") % {"count": len(chosen)})
    return redirect("matching:review_queue")


# --- outcomes and follow-ups -------------------------------------------------------


@require_POST
def outcome_add(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = suggestion_or_404(request, pk)
    require(request, "add_outcome")
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        return _suggestion_page(request, suggestion, outcome_form=form, status=400)
    kind, day = form.cleaned_data["kind"], form.cleaned_data["date"]
    with transaction.atomic():
        Outcome.objects.create(suggestion=suggestion, kind=kind, date=day, recorded_by=request.user)
        fields = ["outcome"]
        if kind == Outcome.Kind.PLACED and not suggestion.follow_ups.exists():
            FollowUp.objects.bulk_create(
                FollowUp(suggestion=suggestion, due=due) for due in follow_up_dates(day)
            )
            fields.append("follow_ups")
        privacy.audit(request.user, f"outcome_{kind}", suggestion.participant, fields)
        touched(suggestion.participant)
    messages.success(request, _("Outcome recorded."))
    return redirect("matching:suggestion_detail", pk=suggestion.pk)


def follow_ups_due(request: HttpRequest) -> HttpResponse:
    require(request, "view_followup")
    horizon = timezone.localdate() + dt.timedelta(days=FOLLOW_UPS_AHEAD_DAYS)
    due = (
        FollowUp.objects.filter(
            suggestion__in=visible_suggestions(request), done_at=None, due__lte=horizon
        )
        .select_related("suggestion__participant")
        .order_by("due", "pk")
    )
    return render(
        request,
        "matching/follow_ups.html",
        {"follow_ups": due, "today": timezone.localdate(), "ahead": FOLLOW_UPS_AHEAD_DAYS},
    )


@require_POST
def follow_up_done(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_object_or_404(
        FollowUp.objects.filter(suggestion__in=visible_suggestions(request)).select_related(
            "suggestion__participant"
        ),
        pk=pk,
    )
    require(request, "change_followup")
    with transaction.atomic():
        follow_up.done_at = timezone.now()
        follow_up.save(update_fields=["done_at"])
        privacy.audit(request.user, "follow_up_done", follow_up.suggestion.participant, ["done_at"])
        touched(follow_up.suggestion.participant)
    messages.success(request, _("Follow-up marked as done."))
    return redirect("matching:follow_ups")
