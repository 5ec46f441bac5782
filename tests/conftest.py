"""Shared test machinery: service-backed tests and named people.

A test that needs a real server carries `@pytest.mark.services("redis", ...)`.
Without that server configured it is skipped; with `--require-services` (what
.ci/run passes) the same situation is a failure, so CI can never go green
while quietly skipping the tests that matter.
"""

from __future__ import annotations

import os

import pytest
from django.conf import settings

SERVICES = ("postgres", "redis", "elasticsearch")


def configured_services() -> set[str]:
    found = set()
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        found.add("postgres")
    if settings.CELERY_BROKER_URL.startswith("redis"):
        found.add("redis")
    if settings.ELASTICSEARCH_URLS:
        found.add("elasticsearch")
    return found


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--require-services",
        action="store_true",
        default=os.environ.get("LOTSE_REQUIRE_SERVICES") == "1",
        help="Fail (instead of skip) every test whose real service is not configured.",
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers(name="services"):
        unknown = set(marker.args) - set(SERVICES)
        if unknown:
            pytest.fail(f"unknown service(s) {sorted(unknown)}; known: {SERVICES}")
        missing = sorted(set(marker.args) - configured_services())
        if not missing:
            continue
        message = (
            f"needs {', '.join(missing)}: start the services with infra/services/up.sh "
            "and export what it prints"
        )
        if item.config.getoption("--require-services"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in German: a request to /ar/ must not leave Arabic on."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def client():
    """Django's test client; its force_login also confirms the second factor (tests/staff.py)."""
    from tests.staff import StaffClient

    return StaffClient()
