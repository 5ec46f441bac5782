"""Labels and plain words for the vacancy pages at the office PC.

The vacancy texts stay as their sources published them; what Lotse adds
around them (kinds, working times, dates, distances) is translated here.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats, timezone
from django.utils.translation import get_language_info, gettext_lazy, ngettext, pgettext_lazy
from django.utils.translation import gettext as _

from search.vacancies import (
    AUSBILDUNG,
    HEIM,
    JOB,
    MINIJOB,
    PRAKTIKUM,
    SCHICHT,
    TEILZEIT,
    VOLLZEIT,
    WEITERBILDUNG,
)

register = template.Library()

KIND_LABELS = {
    JOB: pgettext_lazy("vacancy kind", "Job"),
    AUSBILDUNG: pgettext_lazy("vacancy kind", "Vocational training"),
    PRAKTIKUM: pgettext_lazy("vacancy kind", "Internship"),
    WEITERBILDUNG: pgettext_lazy("vacancy kind", "Further training"),
}
WORKING_TIME_LABELS = {
    VOLLZEIT: gettext_lazy("Full-time"),
    TEILZEIT: gettext_lazy("Part-time"),
    SCHICHT: gettext_lazy("Shifts, nights or weekends"),
    HEIM: gettext_lazy("Work from home"),
    MINIJOB: gettext_lazy("Mini-job"),
}


@register.filter
def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


@register.filter
def working_time_label(working_time: str) -> str:
    return str(WORKING_TIME_LABELS.get(working_time, working_time))


def posted_words(posted: dt.date | None, today: dt.date | None = None) -> str:
    """When a vacancy was posted, as people say it: "posted 3 days ago"."""
    if posted is None:
        return ""
    today = today or timezone.localdate()
    days = (today - posted).days
    if days <= 0:
        return _("Posted today")
    if days == 1:
        return _("Posted yesterday")
    if days < 14:
        return ngettext("Posted %(count)d day ago", "Posted %(count)d days ago", days) % {
            "count": days
        }
    if days < 60:
        weeks = days // 7
        return ngettext("Posted %(count)d week ago", "Posted %(count)d weeks ago", weeks) % {
            "count": weeks
        }
    return _("Posted on %(date)s") % {"date": formats.date_format(posted, "SHORT_DATE_FORMAT")}


@register.filter
def posted(value: dt.date | None) -> str:
    return posted_words(value)


def distance_words(km: float | None) -> str:
    """ "3 km away"; below one kilometre "less than 1 km away"."""
    if km is None:
        return ""
    if km < 1:
        return _("less than 1 km away")
    shown = formats.number_format(round(km) if km >= 10 else round(km, 1), use_l10n=True)
    return _("%(distance)s km away") % {"distance": shown}


@register.filter
def distance(km: float | None) -> str:
    return distance_words(km)


@register.inclusion_tag("guide/includes/language_picker.html", takes_context=True)
def vacancy_language_picker(context: template.Context) -> dict[str, object]:
    """This very page (search terms and all) in every interface language."""
    request = context["request"]
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    links: list[dict[str, object]] = []
    for code, native_name in settings.LANGUAGES:
        links.append(
            {
                "code": code,
                "name": native_name,
                "url": translate_url(request.get_full_path(), code),
                "dir": "rtl" if get_language_info(code)["bidi"] else "ltr",
                "current": code == current,
            }
        )
    return {"links": links}
