"""From the office PC nobody reaches the admin: the kiosk pages link to none of
it, and every admin address answers an anonymous visitor with the login page
(or 403/404), as does the participants API.

The admin addresses are not listed by hand: they are read from the URL
configuration, so an admin view added later is checked too.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from search import sync
from search.catalogue import upsert
from search.index import get_index
from tests.cms import guide_builders as build
from tests.search.builders import vacancy

pytestmark = pytest.mark.django_db

ADMIN_PREFIXES = ("admin/", "django-admin/")
PRIVATE = re.compile(r"^/(?:[a-z]{2}(?:-x-ls)?/)?(?:admin|django-admin|api/v1/participants)(?:/|$)")
LOGIN = re.compile(r"^/(?:django-)?admin/login/")
# Admin addresses a visitor without login must be able to open: the login and
# its password reset, logging out, and the admin's own icons, scripts' texts
# and styles.
OPEN_TO_EVERYONE = re.compile(
    r"^/admin/(login|logout|password_reset|jsi18n|sprite|localize/jsi18n)/"
    r"|^/django-admin/(login|logout)/"
)


@pytest.fixture
def index(settings, tmp_path):
    settings.EMBEDDED_INDEX_PATH = tmp_path / "index" / "vacancies.sqlite3"
    settings.ELASTICSEARCH_URLS = []
    get_index.cache_clear()
    yield get_index()
    get_index.cache_clear()


@pytest.fixture
def vacancy_id(index) -> int:
    build.offer(
        "Jobcoaching",
        parent=build.offer_index(build.german_home()),
        slug=settings.LOTSE_COACHING_OFFER_SLUG,
        street="Am Westpark 4",
        postal_code="99867",
        city="Gotha",
    )
    found = upsert(vacancy(external_id="lager", title="Lagerhelfer (m/w/d)")).vacancy_id
    sync.drain()
    return found


def kiosk_pages(vacancy_id: int) -> list[str]:
    pages = []
    for code, _name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        pages += [
            f"{prefix}/stellen/",
            f"{prefix}/stellen/suche/?q=Lagerhelfer",
            f"{prefix}/stellen/suche/?q=Lagerhelfer&kind=job&radius=any",
            f"{prefix}/stellen/suche/?q=nichtsdergleichen",
            f"{prefix}/stellen/{vacancy_id}/",
            f"{prefix}/stellen/vorschlaege/?q=Lag",
        ]
    return pages


ADDRESS = re.compile(r"""\b(?:href|src|action|formaction|data-[\w-]*url)\s*=\s*["']([^"']*)["']""")


def addresses_on(html: str) -> list[str]:
    return [urlsplit(found).path for found in ADDRESS.findall(html)]


def test_no_kiosk_page_in_any_language_links_to_the_admin(client, vacancy_id):
    checked = 0
    for url in kiosk_pages(vacancy_id):
        response = Client().get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert (
            "Lagerhelfer" in html
            or "vorschlaege" in url
            or "nichts" in url
            or url.endswith("/stellen/")
        )
        private = [found for found in addresses_on(html) if PRIVATE.match(found)]
        assert not private, f"{url} links to {private}"
        assert "/admin" not in html, f"{url} names the admin"
        checked += 1
    assert checked == 6 * len(settings.LANGUAGES)


def _concrete(route: str) -> str | None:
    """A path that matches route, with 1 for every number and x for every word."""
    route = re.sub(r"<int:[^>]+>", "1", route)
    route = re.sub(r"<(?:str:|slug:|path:)?[^>]+>", "x", route)
    route = route.removeprefix("^").removesuffix("$").removesuffix("\\Z")
    route = re.sub(r"\(\?P<\w+>\\d\+\)", "1", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "x", route)
    if re.search(r"[\\()\[\]?*+^$|]", route):
        return None  # a regular expression too intricate to fill in
    return route


def admin_paths() -> list[str]:
    """Every address under /admin/ and /django-admin/, filled in with example values."""
    found: set[str] = set()

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            route = _concrete(str(pattern.pattern))
            if route is None:
                continue
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                found.add("/" + prefix + route)

    walk(
        [p for p in get_resolver().url_patterns if str(p.pattern).startswith(ADMIN_PREFIXES)],
        "",
    )
    return sorted(found)


def test_the_admin_paths_include_the_coaches_pages_and_the_page_editor():
    paths = admin_paths()
    assert len(paths) > 200
    for expected in (
        "/admin/",
        "/admin/matching/participants/",
        "/admin/matching/participants/1/export.json",
        "/admin/matching/review/",
        "/admin/pages/1/edit/",
        "/django-admin/",
    ):
        assert expected in paths


def refused(response) -> bool:
    if response.status_code in (401, 403, 404, 405):
        return True
    return response.status_code == 302 and bool(
        LOGIN.match(urlsplit(response.headers["Location"]).path)
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_admin_address_sends_a_visitor_without_login_to_the_login(method):
    client = Client()
    opened = []
    for path in admin_paths():
        if OPEN_TO_EVERYONE.match(path):
            continue
        response = getattr(client, method)(path)
        if not refused(response):
            opened.append((path, response.status_code))
    assert not opened, f"open without login: {opened}"


def test_the_coaches_pages_redirect_to_the_admin_login():
    client = Client()
    for path in ("/admin/matching/participants/", "/admin/matching/review/", "/admin/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith(f"/admin/login/?next={path}")


@pytest.mark.parametrize("method", ["get", "post", "put", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/participants/", "/api/v1/participants/1/"])
def test_the_participants_api_refuses_anonymous_requests(method, path):
    response = getattr(Client(), method)(path, content_type="application/json")
    assert response.status_code in (401, 403), (path, response.status_code)
