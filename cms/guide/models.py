"""The guide (Wegweiser): pages about local help, written in German and translated.

Page tree per locale: HomePage → GuideIndexPage → TopicPage, and
HomePage → OfferIndexPage → OfferPage. An offer (Angebot) is one concrete
help: a course, a consultation hour, a service, with its provider, place,
opening hours, languages and accessibility as data, so the API can filter it.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import constants, serializers
from .blocks import TopicBodyBlock
from .search import LanguageSearchMixin
from .translation import TranslatedPageMixin

# --- Reference lists (the same in every locale) ---------------------------------


class SpokenLanguage(models.Model):
    """A language staff can speak with visitors, named in itself (Українська)."""

    code = models.CharField(max_length=10, primary_key=True)
    native_name = models.CharField(max_length=60)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.native_name


class TargetGroup(models.Model):
    """Who an offer is meant for; labels come from gettext, see constants."""

    code = models.CharField(max_length=40, primary_key=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return str(dict(constants.TARGET_GROUP_CHOICES).get(self.code, self.code))


# --- Translatable snippets --------------------------------------------------------


@register_snippet
class Partner(TranslatableMixin, index.Indexed, models.Model):
    """An organisation that provides offers: Jobcenter, Volkshochschule, ..."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=40, choices=constants.PARTNER_KIND_CHOICES)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


@register_snippet
class Topic(TranslatableMixin, models.Model):
    """A theme of the guide (language courses, recognition, debts, ...)."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        max_length=60, help_text=_("The same in every language; used in links and filters.")
    )
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    # The slug identifies the topic across languages, so it is never translated.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def validate_postal_code(value: str) -> None:
    if value and not (len(value) == 5 and value.isdigit()):
        raise ValidationError(_("A German postal code has five digits, e.g. 99867."))


# --- Pages -------------------------------------------------------------------------


class HomePage(TranslatedPageMixin, LanguageSearchMixin, Page):
    """The start page of the guide in one language."""

    intro = RichTextField(blank=True, help_text=_("A few plain sentences: who this guide is for."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        *LanguageSearchMixin.language_search_fields(),
    ]
    api_fields = [APIField("intro", serializer=serializers.RichTextHTMLField())]
    subpage_types = ["guide.GuideIndexPage", "guide.OfferIndexPage"]
    max_count_per_parent = 1


class GuideIndexPage(TranslatedPageMixin, LanguageSearchMixin, Page):
    """Lists the topic pages."""

    intro = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        *LanguageSearchMixin.language_search_fields(),
    ]
    api_fields = [APIField("intro", serializer=serializers.RichTextHTMLField())]
    parent_page_types = ["guide.HomePage"]
    subpage_types = ["guide.TopicPage"]


class TopicPage(TranslatedPageMixin, LanguageSearchMixin, Page):
    """Plain-language help on one topic: steps, questions, documents, contacts, offers."""

    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(blank=True, help_text=_("One or two short sentences."))
    body = StreamField(TopicBodyBlock(), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    api_fields = [
        APIField("topic", serializer=serializers.TopicField()),
        APIField("summary"),
        APIField("image", serializer=ImageRenditionField("fill-800x450")),
        APIField("body"),
    ]
    search_fields = [
        *Page.search_fields,
        *LanguageSearchMixin.language_search_fields(),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]
    parent_page_types = ["guide.GuideIndexPage"]
    subpage_types: list[str] = []


class OfferIndexPage(TranslatedPageMixin, LanguageSearchMixin, Page):
    """Lists all offers (Angebote)."""

    intro = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *LanguageSearchMixin.language_search_fields()]
    api_fields = [APIField("intro", serializer=serializers.RichTextHTMLField())]
    parent_page_types = ["guide.HomePage"]
    subpage_types = ["guide.OfferPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        languages = SpokenLanguage.objects.all()
        topics = Topic.objects.filter(locale=self.locale)
        # Unknown values from a hand-edited URL are ignored rather than failing.
        filters = {
            "topic": request.GET.get("topic", "")
            if topics.filter(slug=request.GET.get("topic", "")).exists()
            else "",
            "language": request.GET.get("language", "")
            if languages.filter(code=request.GET.get("language", "")).exists()
            else "",
            "open_now": request.GET.get("open_now") == "true",
        }
        offers = (
            OfferPage.objects.child_of(self)
            .live()
            .filter(alias_of__isnull=True)
            .matching(**filters)
            .order_by("title")
        )
        context.update(filters=filters, offers=list(offers), topics=topics, languages=languages)
        return context


class OfferPageQuerySet(PageQuerySet):
    def open_at(self, moment: dt.datetime) -> OfferPageQuerySet:
        """Offers with a time slot covering `moment` (local time) and not closed."""
        local = timezone.localtime(moment)
        return self.filter(
            temporarily_closed=False,
            opening_slots__weekday=local.weekday(),
            opening_slots__opens__lte=local.time(),
            opening_slots__closes__gt=local.time(),
        ).distinct()

    def matching(
        self, *, topic: str = "", language: str = "", open_now: bool = False
    ) -> OfferPageQuerySet:
        """The filters the offer list and the API share; empty means no filter."""
        offers = self
        if topic:
            offers = offers.filter(topics__slug=topic)
        if language:
            offers = offers.filter(staff_languages__code=language)
        if open_now:
            offers = offers.open_at(timezone.now())
        return offers.distinct()

    def valid_on(self, day: dt.date) -> OfferPageQuerySet:
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day),
        )


class OfferPage(TranslatedPageMixin, LanguageSearchMixin, Page):
    """One concrete offer of help, with its details as data."""

    provider = models.ForeignKey(
        Partner, null=True, blank=True, on_delete=models.SET_NULL, related_name="offers"
    )
    summary = models.TextField(help_text=_("What the offer is, in one or two short sentences."))
    description = RichTextField(blank=True)
    topics = ParentalManyToManyField(Topic, blank=True, related_name="offers")
    target_groups = ParentalManyToManyField(TargetGroup, blank=True)
    staff_languages = ParentalManyToManyField(
        SpokenLanguage, blank=True, help_text=_("Languages the staff speak with visitors.")
    )

    street = models.CharField(max_length=200, blank=True)
    postal_code = models.CharField(
        max_length=5,
        blank=True,
        validators=[validate_postal_code],
    )
    city = models.CharField(max_length=100, blank=True)
    latitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )

    appointment_only = models.BooleanField(
        default=False, help_text=_("Visits only with an appointment.")
    )
    temporarily_closed = models.BooleanField(default=False)
    opening_notes = models.TextField(
        blank=True, help_text=_("E.g. 'Closed during school holidays'.")
    )

    cost = models.CharField(
        max_length=20, choices=constants.COST_CHOICES, default=constants.COST_FREE
    )
    cost_note = models.CharField(max_length=200, blank=True)

    step_free_entrance = models.BooleanField(default=False)
    lift = models.BooleanField(default=False)
    accessible_toilet = models.BooleanField(default=False)
    hearing_loop = models.BooleanField(default=False)
    sign_language = models.BooleanField(default=False)
    easy_language_material = models.BooleanField(default=False)
    accessibility_note = models.TextField(blank=True)

    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    appointment_url = models.URLField(blank=True, help_text=_("Link to book an appointment."))

    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PageManager.from_queryset(OfferPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("provider"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("description"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("staff_languages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("opening_slots", label=_("Opening hours")),
                FieldPanel("appointment_only"),
                FieldPanel("temporarily_closed"),
                FieldPanel("opening_notes"),
            ],
            heading=_("Opening hours"),
        ),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_note")], heading=_("Cost")),
        MultiFieldPanel(
            [FieldPanel(name) for name, _label in constants.ACCESSIBILITY_FEATURES]
            + [FieldPanel("accessibility_note")],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldPanel("appointment_url"),
            ],
            heading=_("Contact"),
        ),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Valid")),
    ]
    search_fields = [
        *Page.search_fields,
        *LanguageSearchMixin.language_search_fields(),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("city"),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.FilterField("temporarily_closed"),
    ]
    api_fields = [
        APIField("provider", serializer=serializers.PartnerSerializer()),
        APIField("summary"),
        APIField("description", serializer=serializers.RichTextHTMLField()),
        APIField("image", serializer=ImageRenditionField("fill-800x450")),
        APIField("topics", serializer=serializers.OfferTopicsField()),
        APIField("target_groups", serializer=serializers.TargetGroupsField()),
        APIField("staff_languages", serializer=serializers.StaffLanguagesField()),
        APIField("address", serializer=serializers.AddressField()),
        APIField("opening_hours", serializer=serializers.OpeningHoursField()),
        APIField("cost", serializer=serializers.CostField()),
        APIField("accessibility", serializer=serializers.AccessibilityField()),
        APIField("contact", serializer=serializers.ContactField()),
        APIField("valid_from"),
        APIField("valid_until"),
    ]
    parent_page_types = ["guide.OfferIndexPage"]
    subpage_types: list[str] = []

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The offer cannot end before it starts.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["accessibility"] = [
            {"label": label, "present": getattr(self, name)}
            for name, label in constants.ACCESSIBILITY_FEATURES
        ]
        return context

    @property
    def accessibility(self) -> dict[str, bool]:
        return {name: getattr(self, name) for name, _label in constants.ACCESSIBILITY_FEATURES}

    def is_open_at(self, moment: dt.datetime) -> bool:
        if self.temporarily_closed:
            return False
        local = timezone.localtime(moment)
        return any(
            slot.weekday == local.weekday() and slot.opens <= local.time() < slot.closes
            for slot in self.opening_slots.all()
        )


class OpeningSlot(Orderable):
    """One weekly time slot of an offer, e.g. Tuesday 9:00–12:00."""

    offer = ParentalKey(OfferPage, on_delete=models.CASCADE, related_name="opening_slots")
    weekday = models.PositiveSmallIntegerField(choices=constants.WEEKDAY_CHOICES)
    opens = models.TimeField()
    closes = models.TimeField()
    by_appointment = models.BooleanField(default=False)

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("by_appointment"),
    ]

    class Meta(Orderable.Meta):
        pass

    def clean(self) -> None:
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("A slot must close after it opens.")})

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
