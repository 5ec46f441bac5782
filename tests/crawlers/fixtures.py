"""The shared crawler fixtures (see its README.md), read straight from disk.

Pages are read as the fixture server would serve them: `{{BASE_URL}}` replaced
and the charset taken from the server's per-path headers, so extraction can be
tested without a server.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path

import pytest

from tests.crawlers.harness import FIXTURES

BASE_URL = "http://127.0.0.1:8765"

AVAILABLE = (FIXTURES / "expected.json").exists()
needs_fixtures = pytest.mark.skipif(
    not AVAILABLE and not os.environ.get("CI"),  # in CI a missing fixture must fail, not skip
    reason=f"crawler fixtures not in {FIXTURES}",
)


@cache
def expected() -> dict:
    """expected.json; empty lists where the fixtures are missing, so collection still works."""
    if not AVAILABLE:
        return {"vacancies": [], "no_vacancy_pages": [], "broken_pages": []}
    return json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def career_vacancies() -> list[dict]:
    return [v for v in expected()["vacancies"] if v["source"] == "career_page"]


def url(path: str) -> str:
    return BASE_URL + path


def file_for(path: str) -> Path:
    """The file the fixture server answers `path` with."""
    relative = path.split("?")[0].lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    if relative.startswith("feeds/"):
        return FIXTURES / relative
    return FIXTURES / "site" / relative


def page(path: str) -> bytes:
    return file_for(path).read_bytes().replace(b"{{BASE_URL}}", BASE_URL.encode())


def charset(path: str) -> str | None:
    """The charset the server's Content-Type header names for `path`, if any."""
    config = json.loads((FIXTURES / "serve_config.json").read_text(encoding="utf-8"))
    content_type = config.get("headers", {}).get(path, {}).get("Content-Type", "")
    match = re.search(r"charset=([\w.-]+)", content_type)
    return match.group(1) if match else None


def site_pages() -> list[str]:
    """Every HTML page of the career site, as a server path."""
    root = FIXTURES / "site"
    if not AVAILABLE:
        return []
    return sorted("/" + str(p.relative_to(root)) for p in root.rglob("*.html"))


def external_id(vacancy_id: str) -> str:
    """`web:/path#n` in expected.json as the external id the extractor gives."""
    return url(vacancy_id.removeprefix("web:"))
