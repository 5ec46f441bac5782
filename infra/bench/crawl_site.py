"""A generated career site of N vacancy pages, and a fast loopback server for it.

    python infra/bench/crawl_site.py DIR          # serve DIR on 127.0.0.1, port 0

`generate(folder, pages)` writes robots.txt (allow all), sitemap.xml and one
small page per vacancy with one schema.org JobPosting, modelled on the crawler
fixtures. Its URLs are relative to `{{BASE_URL}}`, which the server fills in
when it loads the tree into memory; it then answers over HTTP/1.1 keep-alive
from that memory, so the file system is not what a benchmark measures. It
prints "serving on http://127.0.0.1:PORT" once it listens.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PLACEHOLDER = "{{BASE_URL}}"

TITLES = (
    "Zerspanungsmechaniker", "Industriemechaniker", "Elektroniker für Betriebstechnik",
    "Lagerhelfer", "Fachkraft für Lagerlogistik", "Berufskraftfahrer CE", "Pflegefachkraft",
    "Pflegehelfer", "Koch", "Servicekraft", "Reinigungskraft", "Verkäufer", "Kassierer",
    "Anlagenmechaniker SHK", "Maler und Lackierer", "Tischler", "Mechatroniker",
    "Kaufmann für Büromanagement", "Erzieher", "Altenpfleger", "Produktionshelfer",
    "Schweißer", "Staplerfahrer", "Maschinenbediener", "Hauswirtschafter", "Gärtner",
    "Bäcker", "Fleischer", "Friseur", "Medizinischer Fachangestellter", "Busfahrer",
    "Kommissionierer", "Elektriker", "Dachdecker", "Hotelfachkraft", "Zimmermädchen",
)  # fmt: skip
QUALIFIERS = (
    "Frühschicht", "Spätschicht", "Teilzeit", "Vollzeit", "Quereinstieg möglich", "ab sofort",
    "unbefristet", "Nachtschicht", "Wochenende", "mit Führerschein", "Team Nord", "Team Süd",
)  # fmt: skip
EMPLOYER_STEMS = (
    "Hörselwerk", "Saalepark", "Wartburg", "Elbtal", "Harzblick", "Mainfranken", "Ilmtal",
    "Rhönland", "Spreewald", "Vogtland", "Unstrut", "Thüringer Wald", "Ostsee", "Weserbergland",
    "Allgäu", "Eifel", "Lausitz", "Altmark", "Uckermark", "Erzgebirge",
)  # fmt: skip
EMPLOYER_KINDS = (
    "GmbH", "Logistik GmbH", "Pflege gGmbH", "Bau KG", "Gastronomie GmbH", "Metall AG",
    "Handel GmbH & Co. KG", "Service GmbH", "Klinikum", "Stadtwerke",
)  # fmt: skip
CITIES = (
    ("99867", "Gotha", "Thüringen", 50.9489, 10.7018),
    ("99084", "Erfurt", "Thüringen", 50.9787, 11.0328),
    ("07743", "Jena", "Thüringen", 50.9271, 11.5892),
    ("04109", "Leipzig", "Sachsen", 51.3397, 12.3731),
    ("01067", "Dresden", "Sachsen", 51.0504, 13.7373),
    ("06108", "Halle (Saale)", "Sachsen-Anhalt", 51.4825, 11.9697),
    ("39104", "Magdeburg", "Sachsen-Anhalt", 52.1205, 11.6276),
    ("10115", "Berlin", "Berlin", 52.5323, 13.3846),
    ("14467", "Potsdam", "Brandenburg", 52.3989, 13.0657),
    ("18055", "Rostock", "Mecklenburg-Vorpommern", 54.0887, 12.1405),
    ("20095", "Hamburg", "Hamburg", 53.5511, 9.9937),
    ("30159", "Hannover", "Niedersachsen", 52.3759, 9.7320),
    ("34117", "Kassel", "Hessen", 51.3127, 9.4797),
    ("60311", "Frankfurt am Main", "Hessen", 50.1109, 8.6821),
    ("90402", "Nürnberg", "Bayern", 49.4521, 11.0767),
    ("80331", "München", "Bayern", 48.1351, 11.5820),
    ("70173", "Stuttgart", "Baden-Württemberg", 48.7758, 9.1829),
    ("50667", "Köln", "Nordrhein-Westfalen", 50.9375, 6.9603),
    ("44135", "Dortmund", "Nordrhein-Westfalen", 51.5136, 7.4653),
    ("28195", "Bremen", "Bremen", 53.0793, 8.8017),
)
STREETS = ("Hauptstraße", "Bahnhofstraße", "Industriestraße", "Am Markt", "Gewerbepark", "Ringweg")
TYPES = ("FULL_TIME", "PART_TIME", "FULL_TIME", "TEMPORARY", ["FULL_TIME", "PART_TIME"])
TASKS = (
    "Bedienen und Überwachen der Anlagen", "Kommissionieren nach Auftrag", "Pflege der Bewohner",
    "Zubereiten der Speisen", "Beraten der Kundschaft", "Prüfen der Ware beim Wareneingang",
    "Wartung und kleine Reparaturen", "Dokumentation der Arbeitsschritte", "Ordnung am Platz",
)  # fmt: skip
OFFERS = (
    "unbefristeter Vertrag", "Zuschuss zum Deutschlandticket", "Kantine am Standort",
    "30 Tage Urlaub", "Einarbeitung im Team", "betriebliche Altersvorsorge", "Jobrad",
)  # fmt: skip
PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – {employer}</title>
<script type="application/ld+json">
{posting}
</script>
</head>
<body>
<header><p class="brand">{employer}</p><nav><a href="/karriere/">Alle Stellen</a></nav></header>
<main>
<article class="job">
<h1>{title}</h1>
<p class="meta">{employer} · {city}</p>
<div class="beschreibung">{description}</div>
<p><a href="#bewerben" class="button">Jetzt bewerben</a></p>
</article>
</main>
<footer><p>Impressum · Datenschutz · Barrierefreiheit</p></footer>
</body>
</html>
"""


def vacancy_page(number: int, rng: random.Random, today: dt.date) -> tuple[str, str]:
    """The path and HTML of vacancy `number`."""
    title = f"{rng.choice(TITLES)} (m/w/d) {rng.choice(QUALIFIERS)} {number}"
    employer = f"{rng.choice(EMPLOYER_STEMS)} {rng.choice(EMPLOYER_KINDS)}"
    code, city, region, lat, lon = rng.choice(CITIES)
    # Vary the postal code within the town so the catalogue's duplicate check
    # sees realistic neighbourhoods, not 5,000 vacancies in one code.
    postal_code = f"{int(code) + rng.randrange(0, 40):05d}"
    posted = today - dt.timedelta(days=rng.randrange(0, 60))
    low = round(rng.uniform(12.82, 24.0), 2)
    description = (
        f"<p>{html.escape(employer)} sucht Verstärkung in {html.escape(city)}.</p>"
        "<h3>Ihre Aufgaben</h3><ul>"
        + "".join(f"<li>{task}</li>" for task in rng.sample(TASKS, 3))
        + "</ul><h3>Ihr Profil</h3><ul><li>Deutschkenntnisse ab "
        + rng.choice(("A2", "B1", "B2"))
        + "</li><li>Zuverlässigkeit</li></ul><h3>Wir bieten</h3><ul>"
        + "".join(f"<li>{offer}</li>" for offer in rng.sample(OFFERS, 3))
        + "</ul>"
    )
    path = f"/karriere/stelle-{number:05d}.html"
    salary = (
        {"minValue": low, "maxValue": round(low + rng.uniform(0.5, 4), 2), "unitText": "HOUR"}
        if rng.random() < 0.7
        else {"minValue": rng.randrange(2400, 4200, 50), "unitText": "MONTH"}
    )
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "description": description,
        "datePosted": posted.isoformat(),
        "validThrough": (posted + dt.timedelta(days=rng.randrange(90, 180))).isoformat(),
        "employmentType": rng.choice(TYPES),
        "hiringOrganization": {"@type": "Organization", "name": employer},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": f"{rng.choice(STREETS)} {rng.randrange(1, 120)}",
                "postalCode": postal_code,
                "addressLocality": city,
                "addressRegion": region,
                "addressCountry": "DE",
            },
            "geo": {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon},
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {"@type": "QuantitativeValue", **salary},
        },
        "identifier": {"@type": "PropertyValue", "name": employer, "value": f"BENCH-{number:05d}"},
        "url": PLACEHOLDER + path,
    }
    page = PAGE.format(
        title=html.escape(title),
        employer=html.escape(employer),
        city=html.escape(city),
        description=description,
        posting=json.dumps(posting, ensure_ascii=False, indent=2).replace("</", "<\\/"),
    )
    return path, page


def generate(folder: Path, pages: int, seed: int = 5000) -> list[str]:
    """Write the site into folder; return the vacancy paths."""
    rng = random.Random(seed)
    today = dt.date.today()
    paths = []
    for number in range(1, pages + 1):
        path, page = vacancy_page(number, rng, today)
        target = folder / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        paths.append(path)
    links = "".join(f'<li><a href="{path}">Stelle {path[-10:-5]}</a></li>' for path in paths[:20])
    (folder / "karriere" / "index.html").write_text(
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Karriere</title>'
        f"</head><body><h1>Alle Stellen</h1><ul>{links}</ul></body></html>\n",
        encoding="utf-8",
    )
    (folder / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {PLACEHOLDER}/sitemap.xml\n"
    )
    entries = "".join(f"<url><loc>{PLACEHOLDER}{path}</loc></url>\n" for path in paths)
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n"
    )
    return paths


CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain",
}


def load(folder: Path, base_url: str) -> dict[str, tuple[bytes, str]]:
    files = {}
    for path in folder.rglob("*"):
        if path.is_file():
            body = path.read_text(encoding="utf-8").replace(PLACEHOLDER, base_url).encode()
            kind = CONTENT_TYPES.get(path.suffix, "application/octet-stream")
            files["/" + path.relative_to(folder).as_posix()] = (body, kind)
    return files


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body in one segment, sent at once: with the stdlib's
    # unbuffered writes, Nagle and delayed ACKs add 40 ms to every answer.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True
    files: dict[str, tuple[bytes, str]] = {}

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        found = self.files.get(path + "index.html" if path.endswith("/") else path)
        body, kind = found or (b"not found", "text/plain")
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    Handler.files = load(folder, base_url)
    print(f"serving on {base_url}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
