"""Generated vacancies for the search benchmarks: plausible, varied and the same every time.

`generate(count, today)` makes `count` vacancies as the crawlers would hand
them to the catalogue (`VacancyData`): German occupation titles in the forms
job boards write them ("Lagerhelfer (m/w/d)", "Pflegefachfrau / Pflegefachmann",
"Ausbildung zum Koch / zur Köchin"), employers that post several times, places
in Thuringia and around it with real coordinates and postal codes, kinds,
working times, German levels, posted dates up to four months back and
descriptions of two to five sentences. A few percent are expired, or the same
opening published by a second source (a duplicate: no search hit while its
original is active).

`documents(generated, today)` turns them into index documents through the
catalogue's own mapping and `search.documents.document`, ids 1 to count, so
the benchmarks index exactly what the catalogue would (Django must be set
up). `queries(count)` is a search mix over the same vocabulary, as API query
parameters: free text with typos, inflections and parts of compounds,
filters, distances, sorts and later pages.

Everything comes from `random.Random(seed)`: the same seed, count and day
give the same vacancies and queries.

Run inside Django (DJANGO_SETTINGS_MODULE set) to fill a data folder's
catalogue and index, as the API benchmark's server will serve them:

    python infra/bench/vacancy_data.py --load 20000
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from search.vacancies import (
    AUSBILDUNG,
    HEIM,
    JOB,
    MINIJOB,
    PRAKTIKUM,
    SCHICHT,
    TEILZEIT,
    VOLLZEIT,
    WEITERBILDUNG,
    Place,
    Salary,
    VacancyData,
)

if TYPE_CHECKING:
    from search.documents import Document
    from search.models import Vacancy

SEED = 5  # issue #5

# --- Places ---------------------------------------------------------------------------
# (city, weight, latitude, longitude, postal codes): city centres; the postal codes are
# ones the city really has (tests check them against search/data/postcodes_de.tsv.gz).


@dataclass(frozen=True)
class City:
    name: str
    weight: int
    latitude: float
    longitude: float
    postal_codes: tuple[str, ...]


CITIES = (
    City("Gotha", 14, 50.9489, 10.7018, ("99867",)),
    City("Erfurt", 16, 50.9787, 11.0328, ("99084", "99085", "99086", "99089", "99092", "99096")),
    City("Eisenach", 8, 50.9807, 10.3152, ("99817",)),
    City("Weimar", 7, 50.9795, 11.3235, ("99423", "99425", "99427")),
    City("Jena", 9, 50.9272, 11.5892, ("07743", "07745", "07747")),
    City("Gera", 7, 50.8806, 12.0833, ("07545", "07546", "07548")),
    City("Leipzig", 14, 51.3397, 12.3731, ("04103", "04109", "04177", "04229", "04315")),
    City("Arnstadt", 4, 50.8342, 10.9464, ("99310",)),
    City("Ilmenau", 4, 50.6839, 10.9194, ("98693",)),
    City("Suhl", 3, 50.6106, 10.6931, ("98527", "98529")),
    City("Mühlhausen", 4, 51.2088, 10.4532, ("99974",)),
    City("Nordhausen", 4, 51.5018, 10.7957, ("99734",)),
    City("Sondershausen", 2, 51.3697, 10.8701, ("99706",)),
    City("Altenburg", 3, 50.9876, 12.4368, ("04600",)),
    City("Apolda", 2, 51.0263, 11.5138, ("99510",)),
    City("Sömmerda", 2, 51.1597, 11.1170, ("99610",)),
    City("Bad Langensalza", 2, 51.1085, 10.6466, ("99947",)),
    City("Waltershausen", 2, 50.8960, 10.5580, ("99880",)),
    City("Ohrdruf", 1, 50.8273, 10.7327, ("99885",)),
    City("Meiningen", 3, 50.5679, 10.4150, ("98617",)),
    City("Schmalkalden", 2, 50.7225, 10.4424, ("98574",)),
    City("Saalfeld/Saale", 3, 50.6483, 11.3665, ("07318",)),
    City("Rudolstadt", 2, 50.7203, 11.3399, ("07407",)),
    City("Greiz", 2, 50.6557, 12.1996, ("07973",)),
    City("Sonneberg", 2, 50.3597, 11.1746, ("96515",)),
    City("Hildburghausen", 1, 50.4260, 10.7287, ("98646",)),
    City("Heilbad Heiligenstadt", 2, 51.3769, 10.1380, ("37308",)),
    City("Chemnitz", 8, 50.8278, 12.9214, ("09111", "09112", "09113", "09126")),
    City("Zwickau", 4, 50.7189, 12.4961, ("08056", "08058")),
    City("Plauen", 3, 50.4979, 12.1365, ("08523", "08525")),
    City("Dresden", 10, 51.0504, 13.7373, ("01067", "01069", "01097", "01127")),
    City("Halle (Saale)", 6, 51.4828, 11.9697, ("06108", "06110", "06112")),
)
CITY_WEIGHTS = list(itertools.accumulate(city.weight for city in CITIES))
STREETS = (
    "Bahnhofstraße", "Hauptstraße", "Industriestraße", "Am Markt", "Gewerbepark",
    "Erfurter Straße", "Lindenallee", "Schulstraße", "Gartenstraße", "Friedrich-Ebert-Straße",
    "Am Güterbahnhof", "Kirchplatz", "Mühlweg", "Ringstraße", "Dorfstraße", "Goethestraße",
)  # fmt: skip

# --- Occupations by sector ------------------------------------------------------------
# An occupation is "masculine" or "masculine|feminine" (the feminine's first word alone
# when the rest is the same); without "|" the feminine form adds "in" to the word naming
# the person, and words ending in -kraft, -hilfe and the like stay as they are.


@dataclass(frozen=True)
class Sector:
    name: str  # as a description says it: "im Bereich Logistik"
    weight: int
    occupations: tuple[str, ...]
    employers: tuple[str, ...]  # {name} a family name, {city} the city
    tasks: tuple[str, ...]
    qualifications: tuple[str, ...]
    driving_licence: float  # how often a licence is required


# fmt: off
SECTORS = (
    Sector(
        "Lager und Logistik", 14,
        (
            "Lagerhelfer", "Lagerist", "Fachkraft für Lagerlogistik", "Fachlagerist",
            "Kommissionierer", "Gabelstaplerfahrer", "Staplerfahrer", "Logistikmitarbeiter",
            "Versandmitarbeiter", "Packer", "Lagerleiter", "Disponent",
            "Speditionskaufmann|Speditionskauffrau",
            "Kaufmann für Spedition und Logistikdienstleistung|Kauffrau", "Schichtleiter Logistik",
            "Wareneingangskontrolleur", "Hofarbeiter", "Lagerarbeiter", "Logistikhelfer",
            "Paketzusteller",
        ),
        (
            "{name} Logistik GmbH", "Thüringer Lagerhaus {name} GmbH", "Spedition {name}",
            "{city}er Versandzentrum GmbH", "{name} Transport & Logistik GmbH & Co. KG",
            "Mitteldeutsche Paketdienste GmbH",
        ),
        (
            "die Annahme und Kontrolle von Wareneingängen", "das Kommissionieren von Aufträgen",
            "das Be- und Entladen von Lkw", "die Arbeit mit dem Handscanner",
            "die Pflege des Lagerverwaltungssystems", "das Verpacken von Sendungen", "Inventuren",
            "das Fahren von Flurförderzeugen",
        ),
        (
            "Staplerschein", "Ausbildung als Fachkraft für Lagerlogistik", "",
        ),
        0.25,
    ),
    Sector(
        "Produktion und Industrie", 13,
        (
            "Produktionshelfer", "Produktionsmitarbeiter", "Maschinenbediener", "Anlagenführer",
            "Maschinen- und Anlagenführer", "Industriemechaniker", "Verfahrensmechaniker",
            "Fertigungsmechaniker", "Qualitätsprüfer", "Montagehelfer", "Monteur",
            "Zerspanungsmechaniker", "CNC-Fräser", "CNC-Dreher", "Schweißer",
            "Konstruktionsmechaniker", "Mechatroniker", "Industrieelektriker",
            "Kunststoff- und Kautschuktechnologe", "Werkzeugmechaniker", "Schichtführer",
            "Produktionsleiter", "Lackierer", "Galvaniseur", "Fachkraft für Metalltechnik",
        ),
        (
            "{name} Kunststofftechnik GmbH", "{name} Metallbau GmbH", "{city} Präzisionsteile GmbH",
            "Thüringer Maschinenbau {name} AG", "{name} Automotive GmbH",
            "Mitteldeutsche Gießerei {name} GmbH", "{name} & Söhne Stahlbau KG",
        ),
        (
            "das Einrichten und Bedienen von Maschinen", "die Sichtprüfung von Bauteilen",
            "das Bestücken von Fertigungsanlagen", "die Montage von Baugruppen",
            "die Dokumentation der Produktionsdaten", "kleinere Wartungsarbeiten",
            "das Lesen technischer Zeichnungen", "die Arbeit im Dreischichtsystem",
        ),
        (
            "Ausbildung im Metall- oder Elektrobereich", "technisches Verständnis",
            "Erfahrung in der Produktion", "",
        ),
        0.1,
    ),
    Sector(
        "Pflege und Gesundheit", 12,
        (
            "Pflegefachmann|Pflegefachfrau", "Pflegefachkraft", "Altenpfleger", "Pflegehelfer",
            "Krankenpfleger|Krankenschwester", "Gesundheits- und Krankenpfleger", "Pflegeassistent",
            "Betreuungskraft", "Alltagsbegleiter",
            "Medizinischer Fachangestellter|Medizinische Fachangestellte",
            "Zahnmedizinischer Fachangestellter|Zahnmedizinische Fachangestellte",
            "Physiotherapeut", "Ergotherapeut", "Logopäde|Logopädin", "Rettungssanitäter",
            "Notfallsanitäter", "Heilerziehungspfleger", "Arzt|Ärztin",
            "Stationsleiter|Stationsleiterin", "Praxisanleiter", "Apotheker",
            "Pharmazeutisch-technischer Assistent|Pharmazeutisch-technische Assistentin",
            "Hauswirtschafter",
        ),
        (
            "Pflegedienst {name}", "Seniorenzentrum {city} gGmbH", "Klinikum {city} GmbH",
            "Ambulanter Pflegedienst Sonnenschein", "Diakonie {city} e.V.", "Praxis Dr. {name}",
            "Thüringer Pflegeheim {name} GmbH", "DRK Kreisverband {city} e.V.",
        ),
        (
            "die Grund- und Behandlungspflege", "die Betreuung unserer Bewohnerinnen und Bewohner",
            "die Pflegedokumentation", "die Zusammenarbeit mit Ärzten und Angehörigen",
            "die Begleitung im Alltag", "die Versorgung in der ambulanten Pflege",
            "die Unterstützung bei der Mobilisation",
        ),
        (
            "examinierte Ausbildung in der Pflege", "Pflegebasiskurs", "Erste-Hilfe-Kurs", "",
        ),
        0.3,
    ),
    Sector(
        "Gastronomie und Hotel", 9,
        (
            "Koch|Köchin", "Beikoch|Beiköchin", "Küchenhilfe", "Spülkraft", "Servicekraft",
            "Kellner", "Restaurantfachmann|Restaurantfachfrau", "Hotelfachmann|Hotelfachfrau",
            "Rezeptionist", "Zimmermädchen|Zimmermädchen", "Barkeeper", "Systemgastronom",
            "Fachkraft im Gastgewerbe", "Küchenchef", "Frühstückskraft", "Bäcker", "Konditor",
            "Fleischer", "Fachverkäufer Lebensmittelhandwerk|Fachverkäuferin",
            "Kantinenmitarbeiter",
        ),
        (
            "Hotel am Markt {city}", "Gasthaus {name}", "Restaurant Zur Linde", "Bäckerei {name}",
            "Landhotel {name} GmbH", "Thüringer Kloßwelt GmbH", "{city}er Brauhaus GmbH",
            "Fleischerei {name}", "Kantinen- und Cateringservice {name} GmbH",
        ),
        (
            "die Zubereitung regionaler Gerichte", "die Vorbereitung von Speisen",
            "die Reinigung der Küche", "der Service am Gast", "die Betreuung von Veranstaltungen",
            "die Einhaltung der Hygienevorschriften", "der Frühstücksservice",
        ),
        (
            "Gesundheitszeugnis", "Erfahrung in der Gastronomie", "",
        ),
        0.05,
    ),
    Sector(
        "Handel und Verkauf", 9,
        (
            "Verkäufer", "Kaufmann im Einzelhandel|Kauffrau", "Kassierer", "Regalauffüller",
            "Filialleiter", "Stellvertretender Filialleiter|Stellvertretende Filialleiterin",
            "Verkaufsberater", "Fachberater Baumarkt", "Aushilfe Verkauf", "Mitarbeiter Kasse",
            "Außendienstmitarbeiter", "Handelsvertreter", "Automobilverkäufer", "Florist",
            "Drogist",
        ),
        (
            "{name} Einkaufsmarkt GmbH", "Baumarkt {name} KG", "Autohaus {name} GmbH",
            "Modehaus {name}", "{city} Center Verwaltungs GmbH", "Getränkemarkt {name}",
            "Blumen {name}",
        ),
        (
            "die Beratung unserer Kundinnen und Kunden", "die Warenpräsentation",
            "die Arbeit an der Kasse", "das Auffüllen der Regale", "die Annahme von Lieferungen",
            "die Pflege der Verkaufsfläche",
        ),
        (
            "Erfahrung im Verkauf", "Ausbildung im Einzelhandel", "",
        ),
        0.1,
    ),
    Sector(
        "Bau und Handwerk", 10,
        (
            "Maurer", "Zimmerer", "Dachdecker", "Tischler",
            "Maler und Lackierer|Malerin und Lackiererin", "Fliesenleger",
            "Anlagenmechaniker für Sanitär-, Heizungs- und Klimatechnik|Anlagenmechanikerin",
            "Elektroniker", "Elektroniker für Energie- und Gebäudetechnik|Elektronikerin",
            "Bauhelfer", "Baufacharbeiter", "Straßenbauer", "Tiefbauer", "Metallbauer",
            "Kfz-Mechatroniker", "Bauleiter", "Polier", "Trockenbauer", "Gerüstbauer",
            "Garten- und Landschaftsbauer|Garten- und Landschaftsbauerin", "Installateur",
            "Schornsteinfeger", "Glaser", "Raumausstatter",
        ),
        (
            "{name} Bau GmbH", "Dachdeckerei {name}", "Tischlerei {name}", "Elektro {name} GmbH",
            "Haustechnik {name} GmbH & Co. KG", "{city}er Straßenbau GmbH", "Malerbetrieb {name}",
            "Autohaus {name} GmbH", "GaLaBau {name}",
        ),
        (
            "Arbeiten auf Baustellen in der Region", "die Montage von Heizungsanlagen",
            "Elektroinstallationen in Neubauten", "Reparaturen beim Kunden",
            "das Lesen von Bauplänen", "Sanierungsarbeiten", "Wartung und Inspektion",
        ),
        (
            "abgeschlossene Ausbildung im Handwerk", "Führerschein Klasse B", "",
        ),
        0.55,
    ),
    Sector(
        "Büro und Verwaltung", 8,
        (
            "Bürokaufmann|Bürokauffrau", "Kaufmann für Büromanagement|Kauffrau", "Sachbearbeiter",
            "Buchhalter", "Finanzbuchhalter", "Lohnbuchhalter", "Personalsachbearbeiter",
            "Verwaltungsfachangestellter|Verwaltungsfachangestellte", "Empfangsmitarbeiter",
            "Assistent der Geschäftsführung|Assistentin", "Bürohilfe",
            "Industriekaufmann|Industriekauffrau", "Steuerfachangestellter|Steuerfachangestellte",
            "Kundenberater", "Callcenter-Agent", "Sekretär", "Controller",
        ),
        (
            "Stadtverwaltung {city}", "Steuerbüro {name}", "{name} Consulting GmbH",
            "Landratsamt {city}", "Stadtwerke {city} GmbH", "{name} Versicherungsagentur",
            "Wohnungsbaugenossenschaft {city} eG",
        ),
        (
            "die Bearbeitung des Posteingangs", "die Terminplanung", "die Rechnungsprüfung",
            "die Pflege von Kundendaten", "allgemeine Büroarbeiten", "die Telefonzentrale",
            "die Vorbereitung der Lohnabrechnung",
        ),
        (
            "kaufmännische Ausbildung", "sicherer Umgang mit MS Office", "",
        ),
        0.05,
    ),
    Sector(
        "Transport und Verkehr", 6,
        (
            "Berufskraftfahrer", "Lkw-Fahrer", "Kraftfahrer", "Busfahrer", "Auslieferungsfahrer",
            "Kurierfahrer", "Taxifahrer", "Triebfahrzeugführer", "Zugbegleiter", "Fahrer Klasse CE",
            "Baumaschinenführer", "Fahrlehrer",
        ),
        (
            "{name} Transporte GmbH", "Verkehrsgesellschaft {city} mbH", "Kurierdienst {name}",
            "Taxi {name}", "Thüringer Busreisen {name} GmbH",
        ),
        (
            "Touren im Nah- und Regionalverkehr", "die Auslieferung an unsere Kunden",
            "die Ladungssicherung", "die Pflege des Fahrzeugs", "die Fahrgastbeförderung",
        ),
        (
            "Führerschein Klasse CE", "Führerschein Klasse D", "Fahrerkarte", "Führerschein B",
        ),
        0.95,
    ),
    Sector(
        "Reinigung und Gebäudeservice", 6,
        (
            "Reinigungskraft", "Gebäudereiniger", "Unterhaltsreiniger", "Glasreiniger",
            "Hausmeister", "Objektleiter", "Haustechniker", "Hauswirtschaftshilfe",
            "Reinigungskraft auf Minijob-Basis", "Fachkraft für Gebäudeservice",
        ),
        (
            "{name} Gebäudeservice GmbH", "Reinigungsdienst {name}", "{city}er Facility GmbH",
            "Hausmeisterservice {name}",
        ),
        (
            "die Reinigung von Büroräumen", "die Unterhaltsreinigung", "kleinere Reparaturen",
            "die Pflege der Außenanlagen", "der Winterdienst",
        ),
        (
            "Zuverlässigkeit", "",
        ),
        0.2,
    ),
    Sector(
        "Erziehung und Soziales", 6,
        (
            "Erzieher", "Kinderpfleger", "Sozialpädagoge|Sozialpädagogin", "Sozialarbeiter",
            "Heilpädagoge|Heilpädagogin", "Schulbegleiter", "Tagesmutter|Tagesmutter",
            "Integrationshelfer", "Lehrer", "Dozent", "Jugendbetreuer", "Sprachlehrer",
        ),
        (
            "Kindertagesstätte Sonnenblume", "Kita {name} gGmbH", "Volkshochschule {city}",
            "Jugendhilfe {city} e.V.", "Bildungswerk {name} GmbH", "Caritas {city} e.V.",
        ),
        (
            "die Betreuung von Kindern im Alter von 1 bis 6 Jahren", "die Elternarbeit",
            "die Planung pädagogischer Angebote", "die Begleitung von Jugendlichen",
            "der Unterricht in kleinen Gruppen",
        ),
        (
            "staatliche Anerkennung als Erzieher", "pädagogische Ausbildung", "",
        ),
        0.1,
    ),
    Sector(
        "IT und Technik", 5,
        (
            "Fachinformatiker für Systemintegration|Fachinformatikerin",
            "Fachinformatiker für Anwendungsentwicklung|Fachinformatikerin", "Softwareentwickler",
            "IT-Administrator", "IT-Supporter", "Systemadministrator", "Webentwickler",
            "Datenbankadministrator", "Techniker", "Elektrotechniker", "Ingenieur",
            "Technischer Zeichner|Technische Zeichnerin",
            "Mechatroniker für Kältetechnik|Mechatronikerin",
        ),
        (
            "{name} IT-Systemhaus GmbH", "{city} Software GmbH", "Ingenieurbüro {name}",
            "{name} Elektronik GmbH", "Rechenzentrum Mitteldeutschland GmbH",
        ),
        (
            "die Betreuung unserer IT-Infrastruktur", "der Support für Anwender",
            "die Entwicklung von Webanwendungen", "die Einrichtung von Arbeitsplätzen",
            "die Planung technischer Anlagen",
        ),
        (
            "Studium oder Ausbildung im IT-Bereich", "Erfahrung mit Linux", "",
        ),
        0.15,
    ),
    Sector(
        "Landwirtschaft und Umwelt", 3,
        (
            "Landwirt", "Tierwirt", "Erntehelfer", "Gärtner", "Forstwirt",
            "Fachkraft für Kreislauf- und Abfallwirtschaft", "Melker", "Agrarservicefachkraft",
            "Pferdewirt",
        ),
        (
            "Agrargenossenschaft {city} eG", "Gärtnerei {name}", "Forstbetrieb {name}",
            "Entsorgungsbetrieb {city} GmbH", "Obsthof {name}",
        ),
        (
            "die Versorgung der Tiere", "die Feldarbeit", "die Pflege von Grünanlagen", "die Ernte",
            "die Bedienung landwirtschaftlicher Maschinen",
        ),
        (
            "Führerschein Klasse T", "Erfahrung in der Landwirtschaft", "",
        ),
        0.5,
    ),
    Sector(
        "Sicherheit", 3,
        (
            "Sicherheitsmitarbeiter", "Fachkraft für Schutz und Sicherheit", "Wachmann|Wachfrau",
            "Pförtner", "Servicekraft für Schutz und Sicherheit", "Objektschützer",
        ),
        (
            "{name} Sicherheitsdienst GmbH", "Wach- und Schutzdienst {city}", "Securitas {city}",
        ),
        (
            "der Objektschutz", "Kontrollgänge", "der Empfangsdienst", "die Zugangskontrolle",
            "der Veranstaltungsschutz",
        ),
        (
            "Sachkundeprüfung nach § 34a GewO", "Unterrichtung nach § 34a GewO", "",
        ),
        0.2,
    ),
)
# fmt: on
FAMILY_NAMES = (
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Schmitz",
    "Krause",
    "Meier",
    "Lehmann",
    "Schmid",
    "Schulze",
    "Maier",
    "Köhler",
    "Herrmann",
    "König",
    "Walter",
    "Mayer",
    "Huber",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Lang",
    "Scholz",
    "Möller",
    "Weiß",
    "Jung",
    "Hahn",
    "Schubert",
    "Vogel",
    "Friedrich",
    "Keller",
    "Günther",
    "Frank",
    "Berger",
    "Winkler",
    "Roth",
    "Beck",
    "Lorenz",
    "Baumann",
    "Franke",
    "Albrecht",
    "Schuster",
    "Simon",
    "Ludwig",
    "Böhm",
    "Winter",
    "Kraus",
    "Martin",
    "Schumacher",
    "Krämer",
    "Vogt",
    "Stein",
    "Jäger",
    "Otto",
    "Sommer",
    "Groß",
    "Seidel",
    "Heinrich",
    "Brandt",
    "Haas",
    "Schreiber",
    "Graf",
    "Schulte",
    "Dietrich",
    "Ziegler",
    "Kuhn",
    "Kühn",
    "Pohl",
    "Engel",
    "Horn",
    "Busch",
    "Bergmann",
    "Thomas",
    "Voigt",
    "Sauer",
    "Arnold",
    "Wolff",
    "Pfeiffer",
)  # fmt: skip
BENEFITS = (
    "einen unbefristeten Arbeitsvertrag", "eine übertarifliche Bezahlung", "30 Tage Urlaub",
    "Weihnachts- und Urlaubsgeld", "ein Jobticket", "flexible Arbeitszeiten",
    "eine gründliche Einarbeitung", "Fort- und Weiterbildungen", "ein kollegiales Team",
    "betriebliche Altersvorsorge", "Zuschläge für Nacht- und Wochenendarbeit",
    "kostenlose Getränke und Obst", "ein Dienstfahrrad", "einen sicheren Arbeitsplatz",
)  # fmt: skip
INTROS = (
    "{employer} ist ein {adjective} Unternehmen mit Sitz in {city}.",
    "Für unseren Standort in {city} suchen wir ab sofort Verstärkung.",
    "Seit über {years} Jahren steht {employer} für Qualität in der Region.",
    "Wir sind ein {adjective} Familienbetrieb im Bereich {sector}.",
    "Werden Sie Teil unseres Teams in {city}!",
)
ADJECTIVES = ("mittelständisches", "regional verwurzeltes", "wachsendes", "modernes", "familiäres")
CLOSINGS = (
    "Bewerben Sie sich jetzt online oder per E-Mail.",
    "Wir freuen uns auf Ihre Bewerbung, gern auch ohne Anschreiben.",
    "Fragen beantwortet Ihnen gern Frau {name} telefonisch.",
    "Schwerbehinderte Bewerberinnen und Bewerber werden bei gleicher Eignung bevorzugt.",
)
SOURCES = {
    JOB: ("ba-jobsuche-gotha", "ba-jobsuche-erfurt", "career-pages", "feed-jobs-mitte"),
    AUSBILDUNG: ("ba-jobsuche-gotha", "ba-jobsuche-erfurt", "career-pages"),
    PRAKTIKUM: ("ba-jobsuche-gotha", "career-pages"),
    WEITERBILDUNG: ("ba-weiterbildung",),
}
KIND_WEIGHTS = {JOB: 75, AUSBILDUNG: 12, PRAKTIKUM: 5, WEITERBILDUNG: 8}
WORKING_TIME_CHOICES: tuple[tuple[frozenset[str] | None, int], ...] = (
    (None, 10),
    (frozenset({VOLLZEIT}), 42),
    (frozenset({VOLLZEIT, TEILZEIT}), 15),
    (frozenset({TEILZEIT}), 12),
    (frozenset({VOLLZEIT, SCHICHT}), 10),
    (frozenset({TEILZEIT, SCHICHT}), 2),
    (frozenset({MINIJOB}), 5),
    (frozenset({VOLLZEIT, HEIM}), 3),
    (frozenset({TEILZEIT, HEIM}), 1),
)
GERMAN_LEVELS = (("", 55), ("A2", 8), ("B1", 20), ("B2", 13), ("C1", 4))
GENDER_TAGS = ("(m/w/d)", "(m/w/d)", "(m/w/d)", "(w/m/d)", "(d/m/w)", "(gn*)", "(all genders)")
NEUTRAL_ENDINGS = ("kraft", "hilfe", "personal", "aushilfe", ")", "mädchen")
DUPLICATE_SHARE = 0.03
EXPIRED_SHARE = 0.04
WITHOUT_PLACE_SHARE = 0.04


def forms(occupation: str) -> tuple[str, str]:
    """The masculine and feminine form of an occupation ("Koch|Köchin", "Lagerhelfer")."""
    if "|" in occupation:
        masculine, feminine = occupation.split("|")
        if " " not in feminine:  # "Kaufmann für Büromanagement|Kauffrau": the first word
            feminine = " ".join([feminine, *masculine.split(" ")[1:]])
        return masculine, feminine
    words = occupation.split(" ")
    # The word naming the person: "Schichtleiter Logistik", "Maschinen- und Anlagenführer".
    i = next(i for i, word in enumerate(words) if word != "und" and not word.endswith("-"))
    word = words[i]
    if word.lower().endswith(NEUTRAL_ENDINGS):
        return occupation, occupation
    words[i] = word[:-1] + "in" if word.endswith("e") else word + "in"  # Technologe, -in
    return occupation, " ".join(words)


def title(rng: random.Random, kind: str, occupation: str, sector: Sector) -> str:
    masculine, feminine = forms(occupation)
    tag = rng.choice(GENDER_TAGS)
    if kind == AUSBILDUNG:
        year = rng.choice(("", " 2026", " 2027"))
        if masculine == feminine:  # "Fachkraft", "Küchenhilfe": one word for everyone
            to = f"zur {feminine}" if feminine.lower().endswith(("kraft", "hilfe")) else masculine
        else:
            to = f"zum {masculine} / zur {feminine}"
        return rng.choice(
            (
                f"Ausbildung {to}{year}",
                f"Ausbildung {masculine} {tag}{year}",
                f"Azubi {masculine} {tag}",
            )
        )
    if kind == PRAKTIKUM:
        return rng.choice(
            (
                f"Praktikum als {masculine} {tag}",
                f"Praktikant {tag} im Bereich {sector.name}",
                f"Schülerpraktikum {sector.name}",
            )
        )
    if kind == WEITERBILDUNG:
        return rng.choice(
            (
                f"Umschulung zum {masculine} / zur {feminine}"
                if masculine != feminine
                else f"Umschulung {masculine}",
                f"Weiterbildung {masculine} (IHK)",
                f"Qualifizierung {sector.name} mit Zertifikat",
                f"Teilqualifizierung {masculine} {tag}",
            )
        )
    forms_written = (
        f"{masculine} {tag}",
        f"{masculine} {tag}",
        f"{feminine} / {masculine}",
        f"{masculine} / {feminine} {tag}",
        f"{masculine}*in" if feminine == masculine + "in" else f"{masculine} {tag}",
        f"{masculine}/-in" if feminine == masculine + "in" else f"{feminine} {tag}",
    )
    written = rng.choice(forms_written)
    suffix = rng.choices(
        ("", " in Teilzeit", " – Quereinstieg möglich", " ab sofort", " in Vollzeit"),
        (80, 5, 5, 5, 5),
    )[0]
    return written + suffix


@dataclass(frozen=True)
class Employer:
    name: str
    sector: Sector
    city: City


def _employers(rng: random.Random, count: int) -> list[Employer]:
    found = []
    names: set[str] = set()
    while len(found) < count:
        sector = rng.choices(SECTORS, [s.weight for s in SECTORS])[0]
        city = rng.choices(CITIES, cum_weights=CITY_WEIGHTS)[0]
        pattern = rng.choice(sector.employers)
        name = pattern.format(name=rng.choice(FAMILY_NAMES), city=city.name.split(" ")[0])
        if name in names:  # a second branch of one chain keeps the name, another city
            name = f"{name} – Niederlassung {city.name}"
            if name in names:
                continue
        names.add(name)
        found.append(Employer(name, sector, city))
    return found


def _description(
    rng: random.Random,
    employer: Employer,
    city: City,
    german_level: str,
    driving_licence: bool | None,
) -> str:
    sector = employer.sector
    sentences = [
        rng.choice(INTROS).format(
            employer=employer.name,
            adjective=rng.choice(ADJECTIVES),
            city=city.name,
            years=rng.choice((10, 20, 25, 30, 50, 100)),
            sector=sector.name,
        )
    ]
    task_a, task_b = rng.sample(sector.tasks, 2)
    optional = [f"Zu Ihren Aufgaben gehören {task_a} und {task_b}."]
    requirement = rng.choice(sector.qualifications)
    if german_level:
        optional.append(f"Sie sprechen Deutsch mindestens auf Niveau {german_level}.")
    elif requirement:
        optional.append(f"Wünschenswert: {requirement}. Quereinsteiger sind willkommen.")
    if driving_licence:
        optional.append("Ein Führerschein der Klasse B ist erforderlich.")
    benefits = rng.sample(BENEFITS, 3)
    optional.append(f"Wir bieten Ihnen {benefits[0]}, {benefits[1]} und {benefits[2]}.")
    optional.append(rng.choice(CLOSINGS).format(name=rng.choice(FAMILY_NAMES)))
    # Two to five sentences: the introduction and one to four of the others, in order.
    kept = sorted(rng.sample(range(len(optional)), rng.randint(1, min(4, len(optional)))))
    sentences += [optional[i] for i in kept]
    if rng.random() < 0.3 and len(sentences) > 2:
        items = "".join(f"<li>{escape(s)}</li>" for s in sentences[1:-1])
        return f"<p>{escape(sentences[0])}</p><ul>{items}</ul><p>{escape(sentences[-1])}</p>"
    return "".join(f"<p>{escape(s)}</p>" for s in sentences)


def _posted(rng: random.Random, today: dt.date) -> dt.date | None:
    if rng.random() < 0.08:
        return None  # the source gives no date: the catalogue uses first seen
    # Most postings are recent; a few months at most.
    return today - dt.timedelta(days=min(120, int(rng.expovariate(1 / 25))))


def _place(rng: random.Random, employer: Employer) -> tuple[Place, ...]:
    if rng.random() < WITHOUT_PLACE_SHARE:
        return ()  # "deutschlandweit", remote: no place
    # Mostly at the employer's city, sometimes another branch.
    city = (
        employer.city if rng.random() < 0.85 else rng.choices(CITIES, cum_weights=CITY_WEIGHTS)[0]
    )
    if rng.random() < 0.05:  # a place known by name only
        return (Place(city=city.name),)
    return (
        Place(
            street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            postal_code=rng.choice(city.postal_codes),
            city=city.name,
            # Within a few kilometres of the centre.
            latitude=round(city.latitude + rng.uniform(-0.03, 0.03), 5),
            longitude=round(city.longitude + rng.uniform(-0.045, 0.045), 5),
        ),
    )


@dataclass(frozen=True)
class Generated:
    """One generated vacancy; `duplicate_of` is the id (1-based position) of the original."""

    data: VacancyData
    duplicate_of: int | None = None


def generate(count: int, today: dt.date, seed: int = SEED) -> list[Generated]:
    rng = random.Random(seed)
    employers = _employers(rng, max(20, count // 12))
    kinds = list(KIND_WEIGHTS)
    found: list[Generated] = []
    for number in range(1, count + 1):
        if found and rng.random() < DUPLICATE_SHARE:
            found.append(_duplicate(rng, found, number))
            continue
        kind = rng.choices(kinds, list(KIND_WEIGHTS.values()))[0]
        employer = rng.choice(employers)
        sector = employer.sector
        occupation = rng.choice(sector.occupations)
        if kind == AUSBILDUNG and ("helfer" in occupation or "hilfe" in occupation):
            occupation = rng.choice(sector.occupations)
        places = _place(rng, employer)
        city = next((c for c in CITIES if places and c.name == places[0].city), employer.city)
        german_level = rng.choices(*zip(*GERMAN_LEVELS, strict=True))[0]
        licence = rng.random() < sector.driving_licence
        driving_licence = True if licence else rng.choice((None, None, False))
        posted = _posted(rng, today)
        valid_through = None
        if rng.random() < EXPIRED_SHARE:
            valid_through = today - dt.timedelta(days=rng.randint(1, 30))
        elif rng.random() < 0.5:
            valid_through = today + dt.timedelta(days=rng.randint(7, 120))
        working_time = rng.choices(*zip(*WORKING_TIME_CHOICES, strict=True))[0]
        if kind != JOB and working_time and MINIJOB in working_time:
            working_time = frozenset({VOLLZEIT})
        source = rng.choice(SOURCES[kind])
        external_id = f"{10000 + number % 90000}-{rng.getrandbits(40):012d}-S"
        salary = None
        if kind == JOB and rng.random() < 0.35:
            hourly = Decimal(rng.randint(1300, 2600)) / 100
            salary = Salary(hourly, hourly + Decimal(rng.choice((0, 1, 2))), "HOUR", "EUR")
        found.append(
            Generated(
                VacancyData(
                    source=source,
                    external_id=external_id,
                    kind=kind,
                    title=title(rng, kind, occupation, sector),
                    url=f"https://jobs.example.org/{source}/{external_id}",
                    employer=employer.name,
                    description=_description(rng, employer, city, german_level, driving_licence),
                    places=places,
                    working_time=working_time,
                    salary=salary,
                    posted=posted,
                    valid_through=valid_through,
                    german_level=german_level,
                    driving_licence=driving_licence,
                    qualification=rng.choice(sector.qualifications) if kind == JOB else "",
                    career_changers=rng.choice((None, True, False)),
                )
            )
        )
    return found


def _duplicate(rng: random.Random, found: list[Generated], number: int) -> Generated:
    """The same opening from another source: the catalogue records it as a duplicate."""
    position = rng.randrange(len(found))
    original = found[position]
    while original.duplicate_of is not None:
        position = original.duplicate_of - 1
        original = found[position]
    external_id = f"dup-{number}"
    data = original.data
    return Generated(
        VacancyData(
            **{
                **{f: getattr(data, f) for f in data.__dataclass_fields__},
                "source": "career-pages" if data.source != "career-pages" else "feed-jobs-mitte",
                "external_id": external_id,
                "url": f"https://karriere.example.org/stellen/{external_id}",
            }
        ),
        duplicate_of=position + 1,
    )


# --- Index documents (Django must be set up) -------------------------------------------


def vacancy_rows(
    generated: Iterable[Generated], today: dt.date, now: dt.datetime
) -> Iterator[Vacancy]:
    """Unsaved `Vacancy` rows, ids from 1, with the fields `catalogue.upsert` would store."""
    from search.catalogue import _fields  # the catalogue's own mapping of VacancyData to a row
    from search.models import Vacancy

    made: list[Vacancy] = []
    for pk, item in enumerate(generated, start=1):
        fields = _fields(item.data, today)
        fields["state"] = str(fields["state"])  # plain text, as read back from the database
        row = Vacancy(
            pk=pk,
            source=item.data.source,
            external_id=item.data.external_id,
            # The original itself (made before), so a document needs no database to see it.
            duplicate_of=made[item.duplicate_of - 1] if item.duplicate_of else None,
            first_seen=now,
            last_seen=now,
            changed_at=now,
            **fields,
        )
        made.append(row)
        yield row


def documents(generated: Iterable[Generated], today: dt.date) -> list[Document]:
    """The index documents of the generated vacancies, exactly as the catalogue makes them."""
    from search.documents import document

    now = dt.datetime.combine(today, dt.time(8), tzinfo=dt.UTC)
    return [document(row) for row in vacancy_rows(generated, today, now)]


# --- Queries --------------------------------------------------------------------------

# What people type: occupations and their parts, inflected, misspelt, umlauts left out.
TYPED = (
    "Lagerhelfer", "Lager", "Staplerfahrer", "Gabelstapler", "Kommissionierer", "Logistik",
    "Produktionshelfer", "Produktion", "Maschinenbediener", "Schweißer", "Mechatroniker",
    "Pflege", "Pflegefachkraft", "Altenpfleger", "Pflegehelfer", "Krankenschwester",
    "Koch", "Küchenhilfe", "Kuche", "Servicekraft", "Kellner", "Bäcker", "Verkäufer",
    "Kasse", "Einzelhandel", "Maurer", "Elektriker", "Elektroniker", "Tischler", "Maler",
    "Bauhelfer", "Kfz", "Büro", "Buchhalter", "Sachbearbeiter", "Verwaltung",
    "Berufskraftfahrer", "Fahrer", "Lkw", "Busfahrer", "Reinigung", "Reinigungskraft",
    "Hausmeister", "Erzieher", "Erzieherin", "Kita", "Informatiker", "IT", "Gärtner",
    "Sicherheitsdienst", "Minijob", "Teilzeit", "Quereinstieg", "Ausbildung", "Umschulung",
    "Praktikum", "Helfer", "Monteur", "Lagerhelfers", "Köche", "Pflegekräfte", "Fahrers",
)  # fmt: skip
COMPOUND_PARTS = ("staplerfahrer", "helfer", "pfleger", "fahrer", "mechaniker", "kraft", "reiniger")
SECOND_TERMS = ("Gotha", "Erfurt", "Teilzeit", "Vollzeit", "Schicht", "Jena", "Leipzig", "sofort")


def typo(rng: random.Random, word: str) -> str:
    """One edit as search.query counts it: a letter added, left out, changed, or two swapped."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    edit = rng.randrange(4)
    if edit == 0:
        return word[:i] + word[i + 1 :]
    if edit == 1:
        return word[:i] + rng.choice("aeinrst") + word[i:]
    if edit == 2:
        return word[:i] + rng.choice("aeinrst") + word[i + 1 :]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def queries(count: int, seed: int = SEED) -> list[dict[str, str]]:
    """A mix of searches as API query parameters (search.params), the same for every run.

    About a third free text alone, a fifth text with filters, the rest places
    with a radius, filters alone, sorts and later pages.
    """
    rng = random.Random(seed * 1000 + 1)
    found = []
    for _ in range(count):
        params: dict[str, str] = {}
        roll = rng.random()
        if roll < 0.55:
            word = rng.choice(TYPED)
            style = rng.random()
            if style < 0.15:
                word = typo(rng, word)
            elif style < 0.25:
                word = rng.choice(COMPOUND_PARTS)
            elif style < 0.35:
                word = word.lower()
            elif style < 0.45:
                word = f"{word} {rng.choice(SECOND_TERMS)}"
            params["q"] = word
        if roll >= 0.35 and rng.random() < 0.5:
            params["kind"] = rng.choices(
                ("job", "ausbildung", "praktikum,weiterbildung", "job,ausbildung"), (5, 3, 1, 1)
            )[0]
        if roll >= 0.35 and rng.random() < 0.35:
            params["working_time"] = rng.choice(
                ("vollzeit", "teilzeit", "teilzeit,minijob", "schicht_nacht_wochenende")
            )
        if roll >= 0.45 and rng.random() < 0.5:
            city = rng.choices(CITIES, cum_weights=CITY_WEIGHTS)[0]
            params["postal_code"] = rng.choice(city.postal_codes)
            params["radius_km"] = rng.choice(("5", "10", "25", "50"))
            if rng.random() < 0.4:
                params["sort"] = "distance"
        if rng.random() < 0.1:
            params["german_level_max"] = rng.choice(("A2", "B1", "B2"))
        if rng.random() < 0.08:
            params["no_driving_licence"] = "true"
        if rng.random() < 0.1:
            params["posted_within_days"] = rng.choice(("1", "7", "30"))
        if "sort" not in params and rng.random() < 0.1:
            params["sort"] = "date"
        if rng.random() < 0.12:
            params["page"] = str(rng.randint(2, 5))
        found.append(params)
    return found


# --- Loading a data folder (run inside Django) ------------------------------------------


def load(count: int, today: dt.date, seed: int = SEED) -> dict[str, object]:
    """Write the vacancies into the catalogue in bulk, then rebuild the index from it."""
    import time

    from django.utils import timezone

    from search import sync
    from search.index import get_index
    from search.models import Vacancy

    started = time.monotonic()
    generated = generate(count, today, seed)
    now = timezone.now()
    rows = list(vacancy_rows(generated, today, now))
    # Originals first: a duplicate's foreign key points backwards.
    Vacancy.objects.bulk_create(rows, batch_size=2000)
    catalogue_seconds = time.monotonic() - started
    started = time.monotonic()
    index = get_index()
    index.drop()
    name = sync.rebuild(index)
    return {
        "vacancies": count,
        "index": index.name,
        "live": name,
        "catalogue_seconds": round(catalogue_seconds, 1),
        "index_seconds": round(time.monotonic() - started, 1),
    }


def main() -> None:
    import argparse
    import json

    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load", type=int, required=True, metavar="COUNT")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    django.setup()
    print(json.dumps(load(args.load, args.today, args.seed)))


if __name__ == "__main__":
    main()
