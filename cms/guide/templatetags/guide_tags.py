"""Template helpers for the public guide pages."""

from django import template
from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

register = template.Library()


@register.inclusion_tag("guide/includes/language_picker.html", takes_context=True)
def language_picker(context):
    """Links to this page in every language it exists in, named in that language.

    Pages without a version in a language link to that language's home page,
    so nobody lands on German content labelled as their language.
    """
    page = context.get("page")
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().filter(alias_of=None):
            translations[translation.locale.language_code] = translation.url
    homes = {home.locale.language_code: home.url for home in _homes()}
    available = set(Locale.objects.values_list("language_code", flat=True))
    links = []
    for code, native_name in settings.LANGUAGES:
        url = translations.get(code) or homes.get(code)
        if code not in available or url is None:
            continue
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": native_name,
                "url": url,
                "dir": "rtl" if info["bidi"] else "ltr",
                "current": code == current,
            }
        )
    return {"links": links}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The guide's home page in the current language, else the German one."""
    language = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    homes = {home.locale.language_code: home for home in _homes()}
    home = homes.get(language) or homes.get(settings.LANGUAGE_CODE)
    return home.url if home else "/"


def _homes():
    from cms.guide.models import HomePage

    return HomePage.objects.live().filter(alias_of=None).select_related("locale")
