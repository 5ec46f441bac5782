"""Forms of the coaches' admin: a participant's profile, consent, review decisions, outcomes.

Languages and qualifications are lists of small records; the form shows them
as one record a line ("ar C2", "Schweißer | SY | pending"), which needs no
script, survives copy and paste, and tells the coach exactly what was wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    AVAILABILITY_CHOICES,
    CEFR_CHOICES,
    KIND_CHOICES,
    Consent,
    Office,
    Outcome,
    Participant,
)

CEFR_LEVELS = [level for level, _label in CEFR_CHOICES]
RECOGNITION_CHOICES = [
    ("none", _("not recognised")),
    ("pending", _("recognition pending")),
    ("partial", _("partly recognised")),
    ("full", _("fully recognised")),
]
RECOGNITION = dict(RECOGNITION_CHOICES)
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def offices_of(user: Any) -> Any:
    """The offices a user may put participants into: their own (all, for superusers)."""
    if user.is_superuser:
        return Office.objects.all()
    return Office.objects.filter(membership__user=user).distinct()


def languages_as_text(entries: list[dict[str, str]]) -> str:
    return "\n".join(
        f"{entry.get('lang', '')} {entry.get('level', '')}".strip()
        for entry in entries
        if isinstance(entry, dict)
    )


def qualifications_as_text(entries: list[dict[str, str]]) -> str:
    lines = []
    for entry in entries:
        if isinstance(entry, dict):
            parts = [entry.get("title", ""), entry.get("country", ""), entry.get("recognition", "")]
            lines.append(" | ".join(parts))
    return "\n".join(lines)


class LanguagesField(forms.CharField):
    """Languages besides German, one a line: ISO code and CEFR level, e.g. "ar C2"."""

    widget = forms.Textarea(attrs={"rows": 3, "dir": "ltr"})

    def to_python(self, value: Any) -> list[dict[str, str]]:  # type: ignore[override]
        entries = []
        for number, line in enumerate(str(value or "").splitlines(), start=1):
            parts = line.split()
            if not parts:
                continue
            lang = parts[0].lower()
            level = parts[1].upper() if len(parts) > 1 else ""
            if len(parts) > 2 or not _LANGUAGE_CODE.fullmatch(lang):
                raise forms.ValidationError(
                    _(
                        "Line %(number)s: write the language code and the level, "
                        'for example "ar C2" or "uk B1".'
                    ),
                    params={"number": number},
                )
            if level and level not in CEFR_LEVELS:
                raise forms.ValidationError(
                    _("Line %(number)s: the level must be one of A1, A2, B1, B2, C1, C2."),
                    params={"number": number},
                )
            entries.append({"lang": lang, "level": level})
        return entries

    def prepare_value(self, value: Any) -> Any:
        return languages_as_text(value) if isinstance(value, list) else value

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(data) != (initial or [])
        except forms.ValidationError:
            return True


class QualificationsField(forms.CharField):
    """Qualifications, one a line: title | country code | recognition status."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value: Any) -> list[dict[str, str]]:  # type: ignore[override]
        entries = []
        for number, line in enumerate(str(value or "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            title = parts[0]
            country = parts[1].upper() if len(parts) > 1 else ""
            recognition = parts[2].lower() if len(parts) > 2 else "none"
            if not title or len(parts) > 3:
                raise forms.ValidationError(
                    _(
                        "Line %(number)s: write title | country | recognition, "
                        'for example "Elektriker | SY | pending".'
                    ),
                    params={"number": number},
                )
            if country and not _COUNTRY_CODE.fullmatch(country):
                raise forms.ValidationError(
                    _('Line %(number)s: the country is a two-letter code such as "SY" or "UA".'),
                    params={"number": number},
                )
            if recognition not in RECOGNITION:
                raise forms.ValidationError(
                    _("Line %(number)s: the recognition is one of none, pending, partial, full."),
                    params={"number": number},
                )
            entries.append({"title": title, "country": country, "recognition": recognition})
        return entries

    def prepare_value(self, value: Any) -> Any:
        return qualifications_as_text(value) if isinstance(value, list) else value

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(data) != (initial or [])
        except forms.ValidationError:
            return True


class ParticipantForm(forms.ModelForm):
    desired_kinds = forms.MultipleChoiceField(
        label=_("Desired kinds"),
        choices=KIND_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    availability = forms.MultipleChoiceField(
        label=_("Availability"),
        choices=AVAILABILITY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = LanguagesField(
        label=_("Languages besides German"),
        required=False,
        help_text=_('One a line: language code and CEFR level, e.g. "ar C2".'),
    )
    qualifications = QualificationsField(
        label=_("Qualifications"),
        required=False,
        help_text=_(
            "One a line: title | country | recognition (none, pending, partial, full), "
            'e.g. "Elektriker | SY | pending".'
        ),
    )

    class Meta:
        model = Participant
        fields = [
            "office",
            "name",
            "contact",
            "language",
            "desired_kinds",
            "desired_occupations",
            "skills",
            "languages",
            "german_level",
            "driving_licence",
            "home_postal_code",
            "max_distance_km",
            "availability",
            "qualifications",
        ]
        labels = {
            "office": _("Office"),
            "name": _("Name (optional)"),
            "contact": _("Contact (optional)"),
            "language": _("Participant's language"),
            "desired_occupations": _("Desired occupations"),
            "skills": _("Skills"),
            "german_level": _("German level"),
            "driving_licence": _("Driving licence"),
            "home_postal_code": _("Home postal code"),
            "max_distance_km": _("Maximum distance (km)"),
        }
        help_texts = {
            "desired_occupations": _("In any language, as the participant says it; one a line."),
            "skills": _("One skill a line, in any language."),
        }
        widgets = {
            "desired_occupations": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "skills": forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        office = self.fields["office"]
        assert isinstance(office, forms.ModelChoiceField)  # noqa: S101 (narrows the type)
        office.queryset = offices_of(user)
        if office.queryset.count() == 1:
            office.initial = office.queryset.get()

    def clean_home_postal_code(self) -> str:
        code = self.cleaned_data["home_postal_code"].strip()
        if code and not re.fullmatch(r"\d{5}", code):
            raise forms.ValidationError(_("A German postal code has five digits, e.g. 99867."))
        return code

    def clean_max_distance_km(self) -> int:
        km = self.cleaned_data["max_distance_km"]
        if not 1 <= km <= 200:
            raise forms.ValidationError(_("Between 1 and 200 kilometres."))
        return km

    def save(self, commit: bool = True) -> Participant:
        participant = super().save(commit=False)
        if "home_postal_code" in self.changed_data:
            participant.latitude = participant.longitude = None  # geocoded again on save
        now = timezone.now()
        participant.updated_at = participant.last_activity_at = now
        if commit:
            participant.save()
        return participant


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(label=_("Code or name"), required=False)
    office = forms.ModelChoiceField(
        label=_("Office"), queryset=Office.objects.none(), required=False
    )
    consent = forms.ChoiceField(
        label=_("Consent"),
        required=False,
        choices=[("", _("any")), ("yes", _("active consent")), ("no", _("no active consent"))],
    )
    inactive = forms.BooleanField(label=_("Inactive only"), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        office = self.fields["office"]
        assert isinstance(office, forms.ModelChoiceField)  # noqa: S101
        office.queryset = offices_of(user)


class ConsentForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How was consent given?"),
        choices=[
            (Consent.Method.PAPER, _("signed on paper")),
            (Consent.Method.DIGITAL, _("given digitally")),
        ],
        widget=forms.RadioSelect,
    )


class DismissForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Why the vacancy does not fit; required."),
    )


class SnoozeForm(forms.Form):
    until = forms.DateField(label=_("Snooze until"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_until(self) -> dt.date:
        until = self.cleaned_data["until"]
        if until <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date after today."))
        return until


BULK_ACTIONS = [
    ("accept", _("Propose to the participant")),
    ("dismiss", _("Dismiss")),
    ("snooze", _("Snooze")),
]


class BulkForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), choices=BULK_ACTIONS)
    suggestions = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    until = forms.DateField(
        label=_("Snooze until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Which ids are allowed is decided by the view (scoping), not by the form.
        ids = self.data.getlist("suggestions") if hasattr(self.data, "getlist") else []
        field = self.fields["suggestions"]
        assert isinstance(field, forms.TypedMultipleChoiceField)  # noqa: S101
        field.choices = [(i, i) for i in ids]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action")
        if action == "dismiss" and not data.get("reason"):
            self.add_error("reason", _("Give a reason for dismissing."))
        if action == "snooze":
            until = data.get("until")
            if until is None:
                self.add_error("until", _("Choose the date until which to snooze."))
            elif until <= timezone.localdate():
                self.add_error("until", _("Choose a date after today."))
        return data


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (Outcome.Kind.APPLIED, _("applied")),
            (Outcome.Kind.INTERVIEW, _("interview")),
            (Outcome.Kind.PLACED, _("placed")),
            (Outcome.Kind.NOT_TAKEN, _("not taken")),
        ],
    )
    date = forms.DateField(
        label=_("Date"), initial=dt.date.today, widget=forms.DateInput(attrs={"type": "date"})
    )
