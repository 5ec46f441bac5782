"""Serializer fields of the guide's API: structured offer data, languages, rich text as HTML.

Models name these in their `api_fields`; they import nothing from the API
views, so models can use them without loading Wagtail's API app first.
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import get_language_info
from rest_framework.fields import Field
from wagtail.models import Page
from wagtail.rich_text import expand_db_html


def text_direction(language_code: str) -> str:
    return "rtl" if get_language_info(language_code)["bidi"] else "ltr"


def _live_versions(translation_keys):
    return Page.objects.filter(
        translation_key__in=translation_keys, live=True, alias_of__isnull=True
    ).values_list("translation_key", "locale__language_code")


def available_languages(page: Page) -> list[str]:
    """Language codes of the live, real (non-alias) versions of this page."""
    cached = getattr(page, "_available_languages", None)
    if cached is not None:
        return cached
    return sorted({code for _key, code in _live_versions([page.translation_key])})


def attach_available_languages(pages: list[Page]) -> None:
    """Look up the languages of a whole page of results in one query."""
    languages: dict[object, set[str]] = {}
    for key, code in _live_versions({page.translation_key for page in pages}):
        languages.setdefault(key, set()).add(code)
    for page in pages:
        page._available_languages = sorted(languages.get(page.translation_key, ()))


class AvailableLanguagesField(Field):
    def get_attribute(self, instance: Page) -> Page:
        return instance

    def to_representation(self, page: Page) -> list[str]:
        return available_languages(page)


class TextDirectionField(Field):
    def get_attribute(self, instance: Page) -> Page:
        return instance

    def to_representation(self, page: Page) -> str:
        return text_direction(page.locale.language_code)


class DistanceField(Field):
    """Kilometres from the point given with ?near=, when one was given."""

    def get_attribute(self, instance: Page) -> float | None:
        distance = getattr(instance, "distance_km", None)
        return None if distance is None else round(distance, 2)

    def to_representation(self, value: float | None) -> float | None:
        return value


class RichTextHTMLField(Field):
    """Rich text as HTML, with Wagtail's internal links turned into real ones."""

    def to_representation(self, value: str) -> str:
        return expand_db_html(value or "")


class PageDataField(Field):
    """A read-only field computed from the whole page."""

    def get_attribute(self, instance: Page) -> Page:
        return instance


def _localized(obj, locale):
    """The snippet's version in the page's locale, else the original."""
    return obj.get_translation_or_none(locale) or obj


class TopicField(PageDataField):
    def to_representation(self, page) -> dict[str, str] | None:
        if page.topic is None:
            return None
        return {"slug": page.topic.slug, "name": page.topic.name}


class OfferTopicsField(PageDataField):
    def to_representation(self, page) -> list[dict[str, str]]:
        topics = (
            topic if topic.locale_id == page.locale_id else _localized(topic, page.locale)
            for topic in page.topics.all()
        )
        return [{"slug": topic.slug, "name": topic.name} for topic in topics]


class TargetGroupsField(PageDataField):
    def to_representation(self, page) -> list[dict[str, str]]:
        with translation.override(page.locale.language_code):
            return [{"code": g.code, "name": str(g)} for g in page.target_groups.all()]


class StaffLanguagesField(PageDataField):
    def to_representation(self, page) -> list[dict[str, str]]:
        return [
            {"code": language.code, "native_name": language.native_name}
            for language in page.staff_languages.all()
        ]


class AddressField(PageDataField):
    def to_representation(self, page) -> dict[str, object]:
        return {
            "street": page.street,
            "postal_code": page.postal_code,
            "city": page.city,
            "latitude": page.latitude,
            "longitude": page.longitude,
        }


class OpeningHoursField(PageDataField):
    def to_representation(self, page) -> dict[str, object]:
        return {
            "slots": [
                {
                    "weekday": slot.weekday,
                    "opens": slot.opens.strftime("%H:%M"),
                    "closes": slot.closes.strftime("%H:%M"),
                    "by_appointment": slot.by_appointment,
                }
                for slot in page.opening_slots.all()
            ],
            "appointment_only": page.appointment_only,
            "temporarily_closed": page.temporarily_closed,
            "notes": page.opening_notes,
            "open_now": page.is_open_at(timezone.now()),
        }


class CostField(PageDataField):
    def to_representation(self, page) -> dict[str, str]:
        return {"kind": page.cost, "note": page.cost_note}


class AccessibilityField(PageDataField):
    def to_representation(self, page) -> dict[str, object]:
        return {**page.accessibility, "note": page.accessibility_note}


class ContactField(PageDataField):
    def to_representation(self, page) -> dict[str, str]:
        return {
            "phone": page.phone,
            "email": page.email,
            "website": page.website,
            "appointment_url": page.appointment_url,
        }


class PartnerSerializer(Field):
    def to_representation(self, partner) -> dict[str, str]:
        return {
            "name": partner.name,
            "kind": partner.kind,
            "description": partner.description,
            "website": partner.website,
            "phone": partner.phone,
            "email": partner.email,
        }
