"""Relevance on a fixed set: what a participant types, what must come first.

Forty vacancies of the occupations the offices see most, some with near
misses (a "Kochschule" is not a cook's job, a "Lagerleiter" is not a helper's);
each query names the vacancies that must make its top results. Both backends.
"""

from __future__ import annotations

import pytest

from search.query import Query

from .conftest import BACKENDS, make_index
from .test_contract import TODAY, doc

TITLES = {
    1: ("Lagerhelfer (m/w/d)", "Kommissionierung und Verpackung im Lager."),
    2: ("Lagerleiter (m/w/d)", "Führung eines Teams von 20 Lagermitarbeitern."),
    3: ("Gabelstaplerfahrer (m/w/d) im Schichtbetrieb", "Be- und Entladen von Lkw."),
    4: ("Staplerfahrer für Wareneingang", "Staplerschein erforderlich."),
    5: ("Fachkraft für Lagerlogistik", "Ausbildung im Lager, drei Jahre."),
    6: ("Koch / Köchin", "Zubereitung von Speisen in unserer Küche."),
    7: ("Küchenhilfe (m/w/d)", "Spülen, Vorbereiten von Gemüse, Sauberkeit in der Küche."),
    8: ("Verkäufer in unserer Kochschule", "Verkauf von Kochkursen am Telefon."),
    9: ("Beikoch (m/w/d)", "Unterstützung des Küchenteams."),
    10: ("Reinigungskraft (m/w/d)", "Unterhaltsreinigung von Büros."),
    11: ("Gebäudereiniger (m/w/d)", "Glas- und Fassadenreinigung."),
    12: ("Pflegehelfer (m/w/d)", "Grundpflege von Seniorinnen und Senioren."),
    13: ("Pflegefachkraft (m/w/d)", "Behandlungspflege nach ärztlicher Anordnung."),
    14: ("Altenpflegehelferin", "Begleitung im Alltag des Seniorenheims."),
    15: ("Kassierer (m/w/d) im Supermarkt", "Kasse und Kundenservice."),
    16: ("Verkäuferin Bäckerei", "Verkauf von Backwaren, Kasse."),
    17: ("Bäcker (m/w/d)", "Herstellung von Brot und Brötchen, Nachtarbeit."),
    18: ("Berufskraftfahrer C/CE (m/w/d)", "Nahverkehr, Führerschein CE erforderlich."),
    19: ("Paketzusteller (m/w/d)", "Zustellung von Paketen im Stadtgebiet, Führerschein B."),
    20: ("Auslieferungsfahrer Getränke", "Auslieferung an Gastronomie."),
    21: ("Bauhelfer (m/w/d)", "Mithilfe auf der Baustelle."),
    22: ("Maurer (m/w/d)", "Mauerwerksbau im Hochbau."),
    23: ("Maler und Lackierer (m/w/d)", "Innenanstrich und Tapezieren."),
    24: ("Elektriker (m/w/d)", "Elektroinstallation in Neubauten."),
    25: ("Anlagenmechaniker Sanitär-, Heizungs- und Klimatechnik", "Installation von Heizungen."),
    26: ("Erzieher (m/w/d) Kita", "Betreuung von Kindern von 1 bis 6 Jahren."),
    27: ("Kinderbetreuung Minijob", "Betreuung nach der Schule."),
    28: ("Sicherheitsmitarbeiter (m/w/d)", "Objektschutz, Sachkunde nach § 34a."),
    29: ("Gärtner Garten- und Landschaftsbau", "Pflege von Grünanlagen."),
    30: ("Produktionshelfer (m/w/d)", "Maschinenbedienung in der Fertigung."),
    31: ("Zimmermädchen / Roomboy Hotel", "Reinigung der Hotelzimmer."),
    32: ("Rezeptionist (m/w/d) Hotel", "Empfang der Gäste, Englisch."),
    33: ("Schweißer MAG (m/w/d)", "Schweißen von Stahlbauteilen."),
    34: ("Kauffrau für Büromanagement", "Ausbildung, Bürokommunikation."),
    35: ("IT-Support Mitarbeiter (m/w/d)", "Hilfe bei PC-Problemen, Helpdesk."),
    36: ("Dolmetscher Arabisch/Deutsch (m/w/d)", "Begleitung zu Behörden."),
    37: ("Fahrradkurier", "Auslieferung mit dem Lastenrad."),
    38: ("Friseur (m/w/d)", "Haarschnitt, Färben, Beratung."),
    39: ("Servicekraft Restaurant (m/w/d)", "Bedienung der Gäste."),
    40: ("Umschulung zum Berufskraftfahrer", "Weiterbildung mit Führerschein C/CE."),
}

DOCS = [
    doc(i, title, description=text, posted=f"2026-11-{1 + i % 19:02d}")
    for i, (title, text) in TITLES.items()
]

# query -> the vacancies that must all be among its first len(expected) results
CASES = {
    "Lagerhelfer": [1],
    "Lagerhelfr": [1],
    "Staplerfahrer": [4, 3],
    "Gabelstapler": [3],
    "Koch": [6],
    "Köchin": [6],
    "Kuchenhilfe": [7],
    "Reinigung": [10, 11],
    "Pflegehelfer": [12],
    "Pflegehelfr": [12],
    "Kasse": [15],
    "Bäcker": [17],
    "Backer": [17],
    "Berufskraftfahrer": [18, 40],
    "Paketzusteller": [19],
    "Elektriker": [24],
    "Elektrikker": [24],
    "Erzieher": [26],
    "Sicherheit": [28],
    "Schweisser": [33],
    "Dolmetscher Arabisch": [36],
    "Friseur": [38],
    "Friseurin": [38],
    "Hotel Reinigung": [31],
}


@pytest.fixture(scope="module", params=BACKENDS)
def index(request, tmp_path_factory):
    index = make_index(request.param, tmp_path_factory.mktemp("relevance"))
    index.write(DOCS, [])
    index.refresh()
    yield index
    index.drop()


@pytest.mark.parametrize(("text", "expected"), CASES.items(), ids=list(CASES))
def test_expected_vacancies_come_first(index, text, expected):
    top = [hit.id for hit in index.search(Query(text=text, today=TODAY)).hits]
    assert set(expected) <= set(top[: len(expected)]), f"{text!r} ranked {top[:5]}"


def rank(index, text: str, vacancy: int) -> int:
    """Position of the vacancy in the results, or a large number when absent."""
    top = [hit.id for hit in index.search(Query(text=text, today=TODAY)).hits]
    return top.index(vacancy) if vacancy in top else 10_000


@pytest.mark.parametrize(
    ("text", "better", "worse"),
    [("Koch", 6, 8), ("Lagerhelfer", 1, 2), ("Reinigungskraft", 10, 31)],
)
def test_near_misses_rank_below_the_occupation(index, text, better, worse):
    assert rank(index, text, better) < rank(index, text, worse)
