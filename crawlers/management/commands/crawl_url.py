"""Fetch one page and show the vacancies Lotse finds on it (nothing is stored)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import urllib.error
import urllib.request
import urllib.robotparser
from decimal import Decimal
from email.message import Message
from urllib.parse import urlsplit, urlunsplit

from django.core.management.base import BaseCommand, CommandError

from crawlers.extract import extract_vacancies
from crawlers.scrapy_settings import user_agent

TIMEOUT = 30
MAX_BYTES = 10 * 1024 * 1024


def to_json(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot show {type(value).__name__} as JSON")


def open_http(url: str, agent: str):
    """urlopen for http(s) only; the caller has checked the scheme."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"{url} is not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": agent})  # noqa: S310
    return urllib.request.urlopen(request, timeout=TIMEOUT)  # noqa: S310


def robots_allow(url: str, agent: str) -> bool:
    """Whether the site's robots.txt lets us fetch url; no robots.txt means yes."""
    parts = urlsplit(url)
    robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
    parser = urllib.robotparser.RobotFileParser()
    try:
        with open_http(robots_url, agent) as response:
            parser.parse(response.read(MAX_BYTES).decode("utf-8", "replace").splitlines())
    except urllib.error.HTTPError as error:
        # As robotparser itself does: an access-denied robots.txt means the site is off limits.
        return error.code not in (401, 403)
    except (urllib.error.URLError, TimeoutError):
        return True
    return parser.can_fetch(agent, url)


class Command(BaseCommand):
    help = "Fetch one page (obeying robots.txt) and print the vacancies found on it."

    def add_arguments(self, parser) -> None:
        parser.add_argument("url")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--source", default="crawl-url", help="source key for the records")

    def handle(self, *args, url: str, json: bool, source: str, **options) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            raise CommandError(f"{url} is not an http(s) URL; give the full address.")
        agent = user_agent()
        if not robots_allow(url, agent):
            raise CommandError(f"robots.txt of {urlsplit(url).netloc} forbids fetching {url}.")
        try:
            with open_http(url, agent) as response:
                body = response.read(MAX_BYTES)
                final_url = response.geturl()
                headers: Message = response.headers
        except urllib.error.HTTPError as error:
            raise CommandError(f"{url} answered {error.code} {error.reason}.") from error
        except (urllib.error.URLError, TimeoutError) as error:
            raise CommandError(f"could not fetch {url}: {error}") from error
        extraction = extract_vacancies(
            body, final_url, source=source, encoding=headers.get_content_charset()
        )
        vacancies = [dataclasses.asdict(v) for v in extraction.vacancies]
        if json:
            self.stdout.write(
                _dumps({"url": final_url, "vacancies": vacancies, "problems": extraction.problems})
            )
            return
        for vacancy in extraction.vacancies:
            self.stdout.write(f"{vacancy.kind:<13} {vacancy.title} – {vacancy.employer}")
        for problem in extraction.problems:
            self.stdout.write(self.style.WARNING(problem))
        self.stdout.write(f"{len(vacancies)} vacancies, {len(extraction.problems)} problems")


def _dumps(data: object) -> str:
    return json.dumps(data, default=to_json, ensure_ascii=False, indent=2)
