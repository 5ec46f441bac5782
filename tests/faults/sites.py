"""Career sites on 127.0.0.1 that behave as asked: well, slowly, with 500s, or with garbage.

Each site lists its vacancies at /jobs/ and serves one schema.org JobPosting
page per vacancy at /jobs/<n>.html. The server runs in a thread of the test
process; the crawl subprocess reaches it over loopback.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GARBAGE = b"\x00\xff<<<html>>\x89PNG\r\n \xfe" * 64


@dataclass
class Site:
    """What one site does; change the fields while it serves."""

    name: str
    vacancies: int = 3
    behaviour: str = "ok"  # ok | slow | error | garbage
    delay: float = 0.0  # seconds before each vacancy page (behaviour "slow")
    retry_after: int | None = None  # sent with every 500 when set
    requests: list[tuple[float, str, int]] = field(default_factory=list)  # (time, path, status)

    def posting(self, number: int) -> bytes:
        data = {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": f"Lagerhelfer (m/w/d) Nr. {number} bei {self.name}",
            "description": "<p>Waren annehmen, Regale einräumen, Bestellungen packen.</p>",
            "datePosted": "2026-11-01",
            "validThrough": "2099-12-31",
            "employmentType": "FULL_TIME",
            "hiringOrganization": {"@type": "Organization", "name": f"{self.name} GmbH"},
            "jobLocation": {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": "Bahnhofstraße 1",
                    "postalCode": "99867",
                    "addressLocality": "Gotha",
                    "addressCountry": "DE",
                },
            },
        }
        return (
            '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
            f"<title>{data['title']}</title>"
            f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
            f"<body><h1>{data['title']}</h1></body></html>"
        ).encode()

    def listing(self) -> bytes:
        links = "".join(
            f'<li><a href="/{self.name}/jobs/{n}.html">Stelle {n}</a></li>'
            for n in range(1, self.vacancies + 1)
        )
        return f"<!DOCTYPE html><html><body><ul>{links}</ul></body></html>".encode()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            return self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
        parts = self.path.strip("/").split("/")
        site = self.server.sites.get(parts[0])
        if site is None:
            return self._send(404, b"not found", "text/plain")
        status = self._answer(site, parts[1:])
        site.requests.append((time.monotonic(), self.path, status))

    def _answer(self, site: Site, rest: list[str]) -> int:
        if site.behaviour == "error":
            headers = {"Retry-After": str(site.retry_after)} if site.retry_after else {}
            return self._send(500, b"<h1>Internal Server Error</h1>", "text/html", headers)
        if site.behaviour == "garbage":
            return self._send(200, GARBAGE, "text/html; charset=utf-8")
        if rest == ["jobs", ""] or rest == ["jobs"]:
            return self._send(200, site.listing(), "text/html; charset=utf-8")
        if len(rest) == 2 and rest[0] == "jobs" and rest[1].removesuffix(".html").isdigit():
            number = int(rest[1].removesuffix(".html"))
            if 1 <= number <= site.vacancies:
                if site.behaviour == "slow":
                    time.sleep(site.delay)
                return self._send(200, site.posting(number), "text/html; charset=utf-8")
        return self._send(404, b"not found", "text/plain")

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> int:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler gave up on us (or was killed)
        return status


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    sites: dict[str, Site]


@contextmanager
def serve(*sites: Site) -> Iterator[str]:
    """Serve the sites on a free loopback port; yields the base URL.

    A site's start URL is <base URL>/<name>/jobs/.
    """
    server = _Server(("127.0.0.1", 0), _Handler)
    server.sites = {site.name: site for site in sites}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
