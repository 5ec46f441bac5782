"""The guide the browser tests walk through: German pages with every block and
field filled in, and their Arabic translations."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page

from cms.guide import constants
from cms.guide.models import (
    HomePage,
    OfferIndexPage,
    OfferPage,
    SpokenLanguage,
    TargetGroup,
    TopicPage,
)
from tests.cms import guide_builders as build


@dataclass
class Pages:
    """The guide's pages in one language."""

    home: HomePage
    topic: TopicPage
    offers: OfferIndexPage
    offer: OfferPage


@dataclass(frozen=True)
class Shown:
    """A page as a browser test needs it, read before the browser starts."""

    url: str
    title: str


@dataclass(frozen=True)
class Guide:
    """What the browser tests visit in one language."""

    home: Shown
    topic: Shown
    offers: Shown
    offer: Shown

    @classmethod
    def of(cls, pages: Pages) -> Guide:
        shown = {name: Shown(url=page.url, title=page.title) for name, page in vars(pages).items()}
        return cls(**shown)


def image(title: str, description: str) -> Image:
    picture = io.BytesIO()
    PillowImage.new("RGB", (800, 450), (11, 79, 108)).save(picture, "PNG")
    return Image.objects.create(
        title=title, description=description, file=ImageFile(picture, name=f"{title}.png")
    )


def topic_body(offer, *, contact, texts: dict) -> list[tuple[str, object]]:
    """A body with every block of a topic page, in the language of `texts`."""
    return [
        ("text", f"<p>{texts['text']}</p>"),
        (
            "steps",
            {
                "heading": texts["steps"],
                "steps": [
                    {"title": texts["step1"], "text": f"<p>{texts['step1_text']}</p>"},
                    {"title": texts["step2"], "text": ""},
                ],
            },
        ),
        (
            "faq",
            {
                "heading": texts["faq"],
                "questions": [
                    {"question": texts["question"], "answer": f"<p>{texts['answer']}</p>"}
                ],
            },
        ),
        (
            "documents",
            {"heading": texts["documents"], "documents": texts["papers"], "note": texts["note"]},
        ),
        (
            "contact",
            {
                "partner": contact,
                "name": texts["person"],
                "phone": "03621 000000",
                "email": "kurs@example.org",
                "address": "Erfurter Straße 1\n99867 Gotha",
                "hours": texts["hours"],
            },
        ),
        ("offers", {"heading": texts["offers"], "offers": [offer]}),
    ]


GERMAN_TEXTS = {
    "text": "Deutsch lernen lohnt sich: im Alltag, bei Ämtern und bei der Arbeit.",
    "steps": "So geht es",
    "step1": "Termin machen",
    "step1_text": "Rufen Sie die Volkshochschule an.",
    "step2": "Zum Einstufungstest gehen",
    "faq": "Häufige Fragen",
    "question": "Kostet das etwas?",
    "answer": "Nein, mit Berechtigung ist der Kurs kostenlos.",
    "documents": "Bitte mitbringen",
    "papers": ["Pass", "Aufenthaltstitel", "Berechtigungsschein"],
    "note": "Bringen Sie Kopien mit, wenn Sie können.",
    "person": "Frau Beispiel",
    "hours": "Mo–Do 9–12 Uhr",
    "offers": "Angebote dazu",
}

ARABIC_TEXTS = {
    "text": "تعلم اللغة الألمانية مفيد: في الحياة اليومية وفي الدوائر الرسمية وفي العمل.",
    "steps": "كيف تسير الأمور",
    "step1": "حدد موعدًا",
    "step1_text": "اتصل بمركز تعليم الكبار.",
    "step2": "اذهب إلى اختبار تحديد المستوى",
    "faq": "أسئلة شائعة",
    "question": "هل يكلف ذلك شيئًا؟",
    "answer": "لا، الدورة مجانية لمن لديه استحقاق.",
    "documents": "يرجى إحضار",
    "papers": ["جواز السفر", "تصريح الإقامة", "شهادة الاستحقاق"],
    "note": "أحضر نسخًا إن استطعت.",
    "person": "السيدة بايشبيل",
    "hours": "الاثنين–الخميس 9–12",
    "offers": "عروض مناسبة",
}


def migrated_base() -> None:
    """What the migrations put in the database and a transactional test's flush removes:
    the roots of the page tree and of the image collections, the reference lists."""
    german, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=german))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for code, native_name in constants.SPOKEN_LANGUAGE_CHOICES:
        SpokenLanguage.objects.update_or_create(code=code, defaults={"native_name": native_name})
    for code, _label in constants.TARGET_GROUP_CHOICES:
        TargetGroup.objects.get_or_create(code=code)


def german_guide() -> Pages:
    """Home, a topic page with every block, and an offer with every field, in German."""
    migrated_base()
    home = build.german_home()
    # As on a real installation (cms.setup), Wagtail's placeholder page is gone.
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    home.intro = "<p>Hilfe in Gotha-West: Sprache, Arbeit, Wohnen und Beratung.</p>"
    home.save_revision().publish()
    vhs = build.partner("Volkshochschule Gotha", kind="adult_education")
    offers = build.offer_index(home)
    offer = build.offer(
        "Integrationskurs",
        parent=offers,
        topics=[build.topic("sprache", "Deutsch lernen")],
        languages=["ar", "uk", "de"],
        slots=[(0, "09:00", "12:00"), (2, "13:00", "16:00")],
        summary="Deutschkurs mit Orientierungskurs für Neuzugewanderte.",
        provider=vhs,
        description="<p>Der Kurs hat <b>700 Stunden</b> und endet mit einer Prüfung.</p>",
        street="Erfurter Straße 1",
        postal_code="99867",
        city="Gotha",
        appointment_only=False,
        opening_notes="In den Schulferien geschlossen.",
        cost="reduced",
        cost_note="Mit Berechtigung kostenlos",
        step_free_entrance=True,
        lift=True,
        accessible_toilet=True,
        accessibility_note="Der Eingang ist auf der Rückseite.",
        phone="03621 000000",
        email="kurs@example.org",
        website="https://vhs.example.org/kurse",
        appointment_url="https://vhs.example.org/termin",
        valid_from=dt.date(2025, 1, 1),
        valid_until=dt.date(2030, 12, 31),
        image=image("kursraum", "Ein heller Kursraum mit Tischen"),
    )
    offer.target_groups = list(TargetGroup.objects.filter(code__in=["newcomers", "refugees"]))
    offer.save_revision().publish()
    guide_index = build.guide_index(home)
    topic = build.topic_page(
        "Deutsch lernen",
        parent=guide_index,
        summary="Kurse in Gotha, für Anfänger und Fortgeschrittene.",
        body=topic_body(offer, contact=vhs, texts=GERMAN_TEXTS),
        image=image("lernen", "Menschen lernen gemeinsam Deutsch"),
    )
    return Pages(home=home, topic=topic, offers=offers, offer=offer)


def arabic_guide(german: Pages) -> Pages:
    """The Arabic translation of every page of `german`, parents first, all published."""
    home = build.translate(
        german.home,
        "ar",
        title="الدليل التجريبي",
        intro="<p>مساعدة في غوتا الغربية: اللغة والعمل والسكن والاستشارة.</p>",
    )
    build.translate(german.topic.get_parent(), "ar", title="الدليل")
    topic = build.translate(
        german.topic,
        "ar",
        title="تعلم الألمانية",
        summary="دورات في غوتا للمبتدئين والمتقدمين.",
        body=topic_body(german.offer, contact=None, texts=ARABIC_TEXTS),
    )
    offers = build.translate(german.offers, "ar", title="العروض")
    offer = build.translate(
        german.offer,
        "ar",
        title="دورة الاندماج",
        summary="دورة لغة ألمانية مع دورة توجيهية للقادمين الجدد.",
        description="<p>تتكون الدورة من <b>700 ساعة</b> وتنتهي بامتحان.</p>",
        opening_notes="مغلق خلال العطل المدرسية.",
        cost_note="مجاني مع الاستحقاق",
        accessibility_note="المدخل في الجهة الخلفية.",
    )
    return Pages(home=home, topic=topic, offers=offers, offer=offer)
