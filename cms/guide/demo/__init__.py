"""Demo content: a realistic guide for one district, so a new installation is not empty.

The content is plain Python data (`gotha_west.py`). Every text sits next to
its translations as a `Text`; `loader.py` turns the data into German pages and
snippets and their synced wagtail-localize translations. This module holds
the small types the data is written in; it imports nothing from Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

# The languages every demo text is translated into, besides German.
TRANSLATED_LANGUAGES = ("en", "uk", "ar")

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


class Text(NamedTuple):
    """One text in German and in English, Ukrainian and Arabic.

    Inside rich text it may use inline HTML (<b>), the same in every language.
    """

    de: str
    en: str
    uk: str
    ar: str

    def translated(self, language: str) -> str:
        return str(getattr(self, language))


def slug(german: str, translated: str) -> Text:
    """A page slug; the translations share one Latin slug, easy to type on any keyboard."""
    return Text(german, translated, translated, translated)


@dataclass(frozen=True)
class BulletList:
    items: tuple[Text, ...]


@dataclass(frozen=True)
class Heading:
    text: Text
    level: int = 2


@dataclass(frozen=True)
class RichText:
    """Rich text as paragraphs (Text), bullet lists and headings."""

    parts: tuple[Text | BulletList | Heading, ...]


def rich(*parts: Text | BulletList | Heading) -> RichText:
    return RichText(parts)


def bullets(*items: Text) -> BulletList:
    return BulletList(items)


@dataclass(frozen=True)
class Slot:
    """A weekly opening slot; weekday 0 is Monday."""

    weekday: int
    opens: dt.time
    closes: dt.time
    by_appointment: bool = False


def slot(weekday: int, opens: str, closes: str, *, by_appointment: bool = False) -> Slot:
    return Slot(
        weekday, dt.time.fromisoformat(opens), dt.time.fromisoformat(closes), by_appointment
    )


@dataclass(frozen=True)
class DaysFromLoad:
    """A date relative to the day the demo is loaded, so a course is always running."""

    days: int


def days_from_load(days: int) -> DaysFromLoad:
    return DaysFromLoad(days)
