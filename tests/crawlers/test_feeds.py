"""Reading RSS 2.0 and Atom job feeds, without network."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from crawlers.feeds import FeedResult, vacancies_from_feed
from search.vacancies import AUSBILDUNG, JOB, PRAKTIKUM, VOLLZEIT, WEITERBILDUNG
from tests.crawlers.ba_fixtures import (
    BASE_URL,
    as_of,
    expected,
    expected_vacancies,
    feed,
    match_report,
    needs_fixtures,
)

SOURCE = "feed-test"
FEED_URL = "https://stellen.example/feeds/stellen.rss"


def rss(items: str, channel: str = "<language>de-de</language>") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Stellen</title><link>https://stellen.example/</link>{channel}"
        f"{items}</channel></rss>"
    ).encode()


ITEM = """<item>
<title>Koch (m/w/d) &amp; Beikoch</title>
<link>https://stellen.example/anzeigen/koch.html</link>
<guid isPermaLink="false">st-1</guid>
<pubDate>Tue, 03 Nov 2026 00:30:00 +0100</pubDate>
<dc:creator>Gasthaus Zur Alten Mühle</dc:creator>
<category domain="art">Arbeit</category>
<category domain="arbeitsort">4177 Leipzig</category>
<description><![CDATA[<p>Frisch kochen in Vollzeit.</p><script>alert(1)</script>]]></description>
</item>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
<title>Stellen</title><id>urn:stellen</id><updated>2026-11-18T12:00:00Z</updated>
<entry>
<title>Ausbildung Tischler (m/w/d)</title>
<id>urn:stellen:42</id>
<link href="/anzeigen/tischler.html"/>
<published>2026-11-10T23:30:00-05:00</published>
<updated>2026-11-12T08:00:00Z</updated>
<author><name>Plagwitzer Handwerkerhof eG</name></author>
<category scheme="art" term="Ausbildung"/>
<category scheme="arbeitsort" term="04229 Leipzig"/>
<content type="html">&lt;p&gt;Drei Jahre Holz.&lt;/p&gt;</content>
</entry>
</feed>"""


def read(content: bytes, url: str = FEED_URL) -> FeedResult:
    return vacancies_from_feed(content, url, source=SOURCE)


# --- against the fixture feed ---------------------------------------------------------


def fixture_feed() -> FeedResult:
    return read(feed("feeds/stellen.rss"), BASE_URL + "/feeds/stellen.rss")


@needs_fixtures
def test_fixture_feed_matches_the_ground_truth_field_by_field():
    built = {f"feed:{v.external_id}": v for v in fixture_feed().vacancies}
    share, mismatches = match_report(expected_vacancies("feed"), built, as_of())
    assert share >= 0.98, f"{share:.1%} of fields match:\n" + "\n".join(mismatches)


@needs_fixtures
def test_fixture_feed_yields_exactly_the_expected_items():
    built = sorted(f"feed:{v.external_id}" for v in fixture_feed().vacancies)
    assert built == sorted(expected()["feeds"][0]["vacancy_ids"])


@needs_fixtures
def test_broken_fixture_item_is_reported_not_fatal():
    problems = fixture_feed().problems
    for broken in expected()["feeds"][0]["broken_items"]:
        assert any(broken["guid"] in problem for problem in problems), problems


@needs_fixtures
def test_fixture_item_links_point_at_the_server():
    for vacancy in fixture_feed().vacancies:
        assert vacancy.url.startswith(BASE_URL + "/")


# --- RSS 2.0 ---------------------------------------------------------------------------


def test_rss_item_becomes_a_vacancy():
    (vacancy,) = read(rss(ITEM)).vacancies
    assert (vacancy.external_id, vacancy.title, vacancy.employer, vacancy.kind) == (
        "st-1",
        "Koch (m/w/d) & Beikoch",
        "Gasthaus Zur Alten Mühle",
        JOB,
    )
    assert (vacancy.place.postal_code, vacancy.place.city) == ("04177", "Leipzig")
    assert vacancy.url == "https://stellen.example/anzeigen/koch.html"
    assert vacancy.language == "de"


def test_date_is_the_calendar_date_written():
    (vacancy,) = read(rss(ITEM)).vacancies
    assert vacancy.posted == dt.date(2026, 11, 3)  # 23:30 UTC on the 2nd, but written the 3rd


def test_description_is_sanitised():
    (vacancy,) = read(rss(ITEM)).vacancies
    assert vacancy.description == "<p>Frisch kochen in Vollzeit.</p>"


def test_working_time_from_the_words_used():
    (vacancy,) = read(rss(ITEM)).vacancies
    assert vacancy.working_time == frozenset({VOLLZEIT})


def test_working_time_unknown_when_not_mentioned():
    item = ITEM.replace(" in Vollzeit", "")
    (vacancy,) = read(rss(item)).vacancies
    assert vacancy.working_time is None


def test_kind_by_art_category():
    arts = {"Ausbildung": AUSBILDUNG, "Praktikum": PRAKTIKUM, "Weiterbildung": WEITERBILDUNG}
    for art, kind in arts.items():
        item = ITEM.replace(">Arbeit<", f">{art}<")
        assert read(rss(item)).vacancies[0].kind == kind


def test_kind_by_title_without_art_category():
    item = ITEM.replace('<category domain="art">Arbeit</category>', "").replace(
        "Koch (m/w/d) &amp; Beikoch", "Umschulung zum Koch"
    )
    assert read(rss(item)).vacancies[0].kind == WEITERBILDUNG


def test_place_from_the_description_without_arbeitsort_category():
    item = ITEM.replace('<category domain="arbeitsort">4177 Leipzig</category>', "").replace(
        "Frisch kochen in Vollzeit.", "Arbeitsort: 99867 Gotha"
    )
    place = read(rss(item)).vacancies[0].place
    assert (place.postal_code, place.city) == ("99867", "Gotha")


def test_link_is_the_id_without_guid():
    item = ITEM.replace('<guid isPermaLink="false">st-1</guid>', "")
    assert read(rss(item)).vacancies[0].external_id == "https://stellen.example/anzeigen/koch.html"


def test_item_without_title_and_link_is_reported():
    item = '<item><guid isPermaLink="false">st-9</guid><description>folgt</description></item>'
    result = read(rss(ITEM + item))
    assert len(result.vacancies) == 1
    assert result.problems == ["Item 2 (guid st-9) has neither title nor link; skipped."]


def test_item_with_link_but_no_title_is_reported():
    item = "<item><link>https://stellen.example/x.html</link></item>"
    result = read(rss(item))
    assert result.vacancies == []
    assert "has no title" in result.problems[0]


def test_html_page_is_not_a_feed():
    result = read(b"<!DOCTYPE html><html><body><p>Kein Feed</p></body></html>")
    assert result.vacancies == []
    assert result.problems


# --- Atom ------------------------------------------------------------------------------


def test_atom_entry_becomes_a_vacancy():
    (vacancy,) = read(ATOM).vacancies
    assert (vacancy.external_id, vacancy.kind, vacancy.employer) == (
        "urn:stellen:42",
        AUSBILDUNG,
        "Plagwitzer Handwerkerhof eG",
    )
    assert vacancy.url == "https://stellen.example/anzeigen/tischler.html"
    assert (vacancy.place.postal_code, vacancy.place.city) == ("04229", "Leipzig")
    assert vacancy.description == "<p>Drei Jahre Holz.</p>"


def test_atom_published_date_as_written():
    (vacancy,) = read(ATOM).vacancies
    assert vacancy.posted == dt.date(2026, 11, 10)


# --- robustness -------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: rss(t)))
def test_any_input_gives_a_result_never_an_exception(content):
    result = read(content)
    assert isinstance(result, FeedResult)
