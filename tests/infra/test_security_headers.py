"""Security headers and the Content-Security-Policy on every kind of page, the
cookies' flags, and production's HTTPS settings (HSTS, secure cookies) in force.

The browser's side (no violation reported in Chromium, the admin working under
the policy) is tests/e2e/test_csp_browser.py.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from search.index import get_index
from tests.cms import guide_builders as build
from tests.processes import REPO, clean_env, manage

pytestmark = pytest.mark.django_db

PASSWORD = "a long pass phrase 42"  # noqa: S105

# Every kind of page: the guide, its search, the office-PC vacancy search, the
# APIs, the health report, an error page, the admins' doors.
PUBLIC_PAGES = [
    "/",
    "/en/",
    "/ar/",
    "/angebote-test/",
    "/search/?q=Beratung",
    "/stellen/",
    "/en/stellen/",
    "/ar/stellen/",
    "/stellen/suche/?q=Lager",
    "/api/v1/vacancies/?q=Lager",
    "/api/v1/schema/",
    "/api/v2/pages/",
    "/api/v1/participants/",
    "/healthz",
    "/no-such-page/",
    "/stellen/999999/",
    "/admin/",
    "/admin/login/",
    "/django-admin/login/",
]


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"{response.request['PATH_INFO']} has no Content-Security-Policy"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def site(settings, tmp_path):
    """A guide with a German home page and offers, and an empty embedded index."""
    settings.EMBEDDED_INDEX_PATH = tmp_path / "index" / "vacancies.sqlite3"
    settings.ELASTICSEARCH_URLS = []
    get_index.cache_clear()
    home = build.german_home()
    build.offer_index(home)
    yield home
    get_index.cache_clear()


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_allows_scripts_only_from_lotse_itself(client, site, url):
    response = client.get(url)
    assert response.status_code < 500 or url == "/healthz", (url, response.status_code)
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert not any("unsafe-eval" in source for sources in directives.values() for source in sources)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_sends_the_security_headers(client, site, url):
    response = client.get(url)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # The office-PC pages send none at all (search/views.py): stricter still.
    assert response.headers["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions


@pytest.mark.parametrize("url", ["/", "/stellen/", "/stellen/suche/?q=Lager", "/ar/stellen/"])
def test_the_public_pages_allow_no_inline_style_either(client, site, url):
    assert policy(client.get(url))["style-src"] == ["'self'"]


def test_only_the_admin_and_the_browsable_api_allow_inline_styles(client, site, admin_user):
    client.force_login(admin_user)
    for url in ("/admin/", "/admin/pages/", "/api/v2/pages/"):
        assert policy(client.get(url))["style-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy(client.get(url))["script-src"] == ["'self'"], url


def test_static_files_carry_the_headers_too(client, site):
    response = client.get("/static/search/kiosk.js")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert policy(response)["script-src"] == ["'self'"]


def test_the_csrf_cookie_is_http_only_and_same_site(client, site):
    response = client.get("/admin/login/")
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_the_session_cookie_is_http_only_and_same_site(client, site):
    user = get_user_model().objects.create_user("editor", password=PASSWORD)
    user.is_staff = True
    user.save()
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


# --- Our own templates: nothing a strict policy would block ----------------------
TEMPLATE_ROOTS = [REPO / "cms", REPO / "search", REPO / "matching", REPO / "crawlers"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I)
# Admin templates may set style="" (the admin allows inline styles); pages the
# public sees may not.
ADMIN_TEMPLATES = ("/admin/", "/wagtailadmin/", "/wagtail_localize/", "matching/templates/")


def our_templates() -> list[Path]:
    return sorted(
        path
        for root in TEMPLATE_ROOTS
        for path in root.rglob("*.html")
        if "node_modules" not in path.parts
    )


def test_our_templates_exist_to_be_checked():
    names = {path.name for path in our_templates()}
    assert {"base.html", "base_search.html", "admin_base.html"} <= names


@pytest.mark.parametrize("path", our_templates(), ids=lambda p: str(p.relative_to(REPO)))
def test_our_templates_have_no_inline_script_or_event_handler(path):
    text = path.read_text()
    assert not INLINE_SCRIPT.search(text), "inline <script>: move it to a static file"
    assert not EVENT_HANDLER.search(text), "on...= handler: add the listener in a static file"
    assert not JAVASCRIPT_URL.search(text), "javascript: URL: use a listener in a static file"


@pytest.mark.parametrize(
    "path",
    [p for p in our_templates() if not any(part in str(p) for part in ADMIN_TEMPLATES)],
    ids=lambda p: str(p.relative_to(REPO)),
)
def test_public_templates_have_no_inline_style(path):
    text = path.read_text()
    assert not re.search(r"<style\b|\sstyle\s*=", text, re.I), "inline style: use the CSS file"


# --- Production: HTTPS only ---------------------------------------------------------
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "lotse.example.org",
    "DATABASE_URL": "postgres://lotse:secret@127.0.0.1:5432/lotse",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
}
HTTPS_SETTINGS = (
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_NAME",
    "CONTENT_SECURITY_POLICY",
)


@pytest.fixture(scope="module")
def production_settings(tmp_path_factory) -> dict[str, object]:
    """The HTTPS settings as cms.settings.production makes them, read in a process of its own."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {HTTPS_SETTINGS!r}}}))"
    )
    env = clean_env(**PRODUCTION, LOTSE_DATA_DIR=str(tmp_path_factory.mktemp("data")))
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production(settings, production_settings, site):
    for name, value in production_settings.items():
        setattr(settings, name, tuple(value) if name == "SECURE_PROXY_SSL_HEADER" else value)
    return settings


HTTPS = {"x-forwarded-proto": "https"}


def test_production_redirects_plain_http_to_https(client, production):
    response = client.get("/stellen/")
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://")


def test_production_sends_hsts_for_a_year_with_subdomains(client, production):
    response = client.get("/stellen/", headers=HTTPS)
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


def test_production_upgrades_insecure_requests(client, production):
    response = client.get("/stellen/", headers=HTTPS)
    assert "upgrade-insecure-requests" in policy(response)
    assert policy(response)["script-src"] == ["'self'"]


def test_production_cookies_are_secure_host_only_http_only_and_same_site(client, production):
    get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    csrf = client.get("/admin/login/", headers=HTTPS).cookies["__Host-csrftoken"]
    login = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD},
        headers=HTTPS,
    )
    session = login.cookies["__Host-sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"]
        assert cookie["httponly"]
        assert cookie["samesite"] == "Lax"
        assert cookie["path"] == "/"
        assert not cookie["domain"]


# --- The admin's own pages: no executable inline script in what Wagtail renders ---
EXECUTABLE_INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S
)


@pytest.fixture
def editor_pages(site):
    """An offer with opening hours (inline panel, time pickers, choosers) and a
    topic page with a synced Ukrainian translation (wagtail-localize's editor)."""
    from tests.cms import translation_builders as translations

    offer = build.offer(
        "Jobcoaching",
        parent=site.get_children().get().specific,
        slots=[(0, "09:00", "12:00")],
    )
    topic = translations.german_topic_page("Sprachkurse")
    translations.translate(topic, "uk")
    return {
        "offer": f"/admin/pages/{offer.pk}/edit/",
        "topic": f"/admin/pages/{topic.pk}/edit/",
        "translation": f"/admin/pages/{translations.translated(topic, 'uk').pk}/edit/",
        "submit": f"/admin/localize/submit/page/{topic.pk}/",
        "explore": f"/admin/pages/{site.pk}/",
    }


def test_the_admin_renders_wagtails_widgets_without_inline_script(client, admin_user, editor_pages):
    client.force_login(admin_user)
    for name, url in editor_pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = response.content.decode()
        inline = [body.strip()[:80] for body in EXECUTABLE_INLINE.findall(html)]
        assert inline == [], f"{name}: {inline}"
    offer = client.get(editor_pages["offer"]).content.decode()
    # ... and starts them from data instead (cms/static/cms/admin-init.js).
    assert "cms/admin-init.js" in offer
    for start in ('"construct": "InlinePanel"', '"call": "initTimeChooser"', '"ImageChooser"'):
        assert start in offer
