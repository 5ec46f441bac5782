"""Browser tests: Debian's Chromium, driven by Playwright, against the live server.

pytest-django's `live_server` runs Lotse in a thread of the test process, on the
test database. Chromium is Debian's (infra/lib/browser.sh installs it);
Playwright's own browser download is never used.

Each test gets its own Playwright and Chromium, started after the test's pages
are in the database and stopped before the database is flushed. While
Playwright's sync API runs, its event loop counts as running in this thread, and
Django would then refuse the test's database calls (or, with
DJANGO_ALLOW_ASYNC_UNSAFE, quietly hand them other connections). So a test
creates no data once it has a `page`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.e2e import content

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox (tests run as root), and nothing that phones home on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture
def german_pages(transactional_db) -> content.Pages:
    return content.german_guide()


@pytest.fixture
def german(german_pages) -> content.Guide:
    return content.Guide.of(german_pages)


@pytest.fixture
def arabic(german_pages) -> content.Guide:
    return content.Guide.of(content.arabic_guide(german_pages))


@pytest.fixture
def browser(request, german, live_server):
    # A test's Arabic pages, too, go into the database before Playwright starts.
    if "arabic" in request.fixturenames:
        request.getfixturevalue("arabic")
    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Chromium at {CHROMIUM}: run them through infra/test.sh, "
            "or install it with: source infra/lib/browser.sh && ensure_chromium",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser, **options):
    context = browser.new_context(locale="de-DE", **options)
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture
def page(browser):
    return new_page(browser)


@pytest.fixture
def page_without_javascript(browser):
    return new_page(browser, java_script_enabled=False)


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()
