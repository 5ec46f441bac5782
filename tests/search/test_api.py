"""/api/v1/vacancies/: search, detail and suggestions over the embedded index, end to end."""

from __future__ import annotations

import datetime as dt
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.test import Client

from search import sync
from search.catalogue import mark_removed, upsert
from search.index import get_index
from search.vacancies import AUSBILDUNG, JOB, TEILZEIT, VOLLZEIT, Place

from .builders import vacancy

pytestmark = pytest.mark.django_db

GOTHA = Place(postal_code="99867", city="Gotha", latitude=50.95, longitude=10.70)
ERFURT = Place(postal_code="99084", city="Erfurt", latitude=50.98, longitude=11.03)


def rest_framework(rate: str) -> dict[str, object]:
    return {**django_settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"vacancies": rate}}


@pytest.fixture(autouse=True)
def embedded_index(settings, tmp_path):
    """The embedded index in a folder of this test's own, behind get_index()."""
    settings.ELASTICSEARCH_URLS = []
    settings.EMBEDDED_INDEX_PATH = tmp_path / "index" / "vacancies.sqlite3"
    settings.REST_FRAMEWORK = rest_framework("100000/minute")
    get_index.cache_clear()
    yield
    get_index.cache_clear()


@pytest.fixture
def client() -> Client:
    # A loopback address of its own: the throttle counts per address in a shared cache.
    return Client(REMOTE_ADDR=f"127.0.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}")


def load(*items) -> list[int]:
    ids = [upsert(item).vacancy_id for item in items]
    sync.drain()
    get_index().refresh()
    return ids


def test_search_answers_a_page_of_hits_with_facets(client):
    lager, koch = load(
        vacancy(external_id="lager", title="Lagerhelfer (m/w/d)", valid_through=None),
        vacancy(
            external_id="koch",
            title="Koch",
            url="https://jobs.example.org/koch",
            kind=AUSBILDUNG,
            working_time=frozenset({TEILZEIT}),
            places=(ERFURT,),
            valid_through=None,
        ),
    )
    response = client.get("/api/v1/vacancies/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert (body["count"], body["page"], body["page_size"], body["pages"]) == (2, 1, 20, 1)
    assert (body["next"], body["previous"]) == (None, None)
    assert {hit["id"] for hit in body["results"]} == {lager, koch}
    assert body["facets"] == {
        "kind": {"job": 1, "ausbildung": 1},
        "working_time": {"vollzeit": 1, "teilzeit": 1},
    }
    hit = next(hit for hit in body["results"] if hit["id"] == lager)
    assert hit["title"] == "Lagerhelfer (m/w/d)"
    assert hit["kind"] == JOB
    assert hit["employer"] == "Seelogistik GmbH"
    assert (hit["postal_code"], hit["city"]) == ("99867", "Gotha")
    assert hit["working_times"] == [VOLLZEIT]
    assert hit["posted"] == "2026-11-01"
    assert hit["url"] == "https://jobs.example.org/lagerhelfer"
    assert hit["distance_km"] is None
    assert hit["detail_url"] == f"http://testserver/api/v1/vacancies/{lager}/"


def test_filters_text_and_distance_reach_the_index(client):
    lager, _ = load(
        vacancy(external_id="lager", title="Lagerhelfer", places=(GOTHA,), valid_through=None),
        vacancy(
            external_id="koch",
            title="Koch",
            url="https://jobs.example.org/koch",
            places=(ERFURT,),
            valid_through=None,
        ),
    )
    body = client.get("/api/v1/vacancies/?q=Lagerhelfr&postal_code=99867&radius_km=5").json()
    assert [hit["id"] for hit in body["results"]] == [lager]
    hit = body["results"][0]
    assert hit["distance_km"] == pytest.approx(0, abs=1)
    assert "<mark>" in hit["highlights"]["title"]


def test_pagination_links_are_absolute_and_keep_the_other_parameters(client):
    load(
        *(
            vacancy(
                external_id=title,
                title=title,
                url=f"https://jobs.example.org/{number}",
                employer=f"{title} & Söhne",
                posted=dt.date(2026, 11, number),
                valid_through=None,
            )
            for number, title in enumerate(("Koch", "Bäcker", "Gärtner", "Maler", "Fahrer"), 1)
        )
    )
    first = client.get("/api/v1/vacancies/?kind=job&page_size=2").json()
    assert (first["count"], first["pages"], first["previous"]) == (5, 3, None)
    next_url = urlsplit(first["next"])
    assert (next_url.scheme, next_url.netloc, next_url.path) == (
        "http",
        "testserver",
        "/api/v1/vacancies/",
    )
    assert parse_qs(next_url.query) == {"kind": ["job"], "page_size": ["2"], "page": ["2"]}

    last = client.get("/api/v1/vacancies/?kind=job&page_size=2&page=3").json()
    assert last["next"] is None
    assert parse_qs(urlsplit(last["previous"]).query)["page"] == ["2"]
    assert len(last["results"]) == 1
    seen = [hit["id"] for page in (first, last) for hit in page["results"]]
    assert len(set(seen)) == 3


def test_an_invalid_parameter_is_a_400_naming_it(client):
    response = client.get("/api/v1/vacancies/?page_size=500")
    assert response.status_code == 400
    assert response.json() == {"errors": {"page_size": "a whole number from 1 to 100, not 500"}}


@pytest.mark.parametrize(
    ("query_string", "parameter"),
    [
        ("kind=jobs", "kind"),
        ("working_time=nachts", "working_time"),
        ("postal_code=00000", "postal_code"),
        ("lat=50", "lon"),
        ("radius_km=5", "radius_km"),
        ("posted_within_days=-1", "posted_within_days"),
        ("german_level_max=B3", "german_level_max"),
        ("no_driving_licence=maybe", "no_driving_licence"),
        ("active_only=maybe", "active_only"),
        ("sort=distance", "sort"),
        ("page=0", "page"),
        ("page=1&page=2", "page"),
    ],
)
def test_every_invalid_parameter_is_named_in_the_400(client, query_string, parameter):
    response = client.get(f"/api/v1/vacancies/?{query_string}")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [parameter]


def test_unknown_parameters_are_ignored(client):
    assert client.get("/api/v1/vacancies/?colour=blue").status_code == 200


def test_the_detail_comes_from_the_catalogue_with_every_public_field(client):
    (pk,) = load(vacancy(career_changers=True, german_level="B1", driving_licence=False))
    response = client.get(f"/api/v1/vacancies/{pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == pk
    assert body["state"] == "active"
    assert body["title"] == "Lagerhelfer (m/w/d)"
    assert body["description_html"] == "<p>Wir suchen Verstärkung im Lager.</p>"
    assert body["place"] == {
        "street": "Am Hafen 1",
        "postal_code": "99867",
        "city": "Gotha",
        "latitude": 50.95,
        "longitude": 10.7,
    }
    assert body["working_times"] == [VOLLZEIT]
    assert body["salary"] == {"min": 14.5, "max": 16.0, "unit": "HOUR", "currency": "EUR"}
    assert (body["german_level"], body["driving_licence"], body["career_changers"]) == (
        "B1",
        False,
        True,
    )
    assert (body["posted"], body["valid_through"]) == ("2026-11-01", "2026-12-31")
    assert body["url"] == "https://jobs.example.org/lagerhelfer"
    assert body["source"] == "career-pages"
    assert (body["duplicate_of"], body["also_seen_at"]) == (None, [])


def test_a_vacancy_without_salary_or_stated_working_time_says_null(client):
    (pk,) = load(vacancy(salary=None, working_time=None))
    body = client.get(f"/api/v1/vacancies/{pk}/").json()
    assert (body["salary"], body["working_times"]) == (None, None)


def test_the_detail_lists_where_else_the_same_opening_was_seen(client):
    original, duplicate = load(
        vacancy(),
        vacancy(source="ba-jobsuche", external_id="10001", url="https://ba.example.org/10001"),
    )
    of_original = client.get(f"/api/v1/vacancies/{original}/").json()
    of_duplicate = client.get(f"/api/v1/vacancies/{duplicate}/").json()
    assert of_duplicate["duplicate_of"] == original
    assert of_original["also_seen_at"] == ["https://ba.example.org/10001"]
    assert of_duplicate["also_seen_at"] == ["https://jobs.example.org/lagerhelfer"]


def test_a_removed_vacancy_is_still_answered_with_its_state(client):
    (pk,) = load(vacancy())
    mark_removed("career-pages", seen_since=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1))
    response = client.get(f"/api/v1/vacancies/{pk}/")
    assert response.status_code == 200
    assert response.json()["state"] == "removed"


@pytest.mark.parametrize("id", ["999999", "0", "abc", "-1", "99999999999999999999999"])
def test_an_unknown_or_malformed_id_is_a_json_404(client, id):
    response = client.get(f"/api/v1/vacancies/{id}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_suggestions_complete_a_title(client):
    load(vacancy(title="Lagerhelfer (m/w/d)"))
    response = client.get("/api/v1/vacancies/suggest/?q=Lager")
    assert response.status_code == 200
    assert response.json() == {"suggestions": ["Lagerhelfer"]}


def test_a_prefix_of_one_letter_suggests_nothing(client):
    assert client.get("/api/v1/vacancies/suggest/?q=L").json() == {"suggestions": []}


def test_a_bad_suggestion_limit_is_a_400(client):
    response = client.get("/api/v1/vacancies/suggest/?q=Lager&limit=0")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["limit"]


def test_too_many_requests_are_a_429_with_retry_after(client, settings):
    settings.REST_FRAMEWORK = rest_framework("3/minute")
    statuses = [client.get("/api/v1/vacancies/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get(f"/api/v1/vacancies/{1}/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "detail" in refused.json()


class BrokenIndex:
    name = "broken"

    def search(self, query):
        raise ConnectionError("connection refused")

    def suggest(self, prefix, limit):
        raise ConnectionError("connection refused")


@pytest.mark.parametrize("path", ["/api/v1/vacancies/?q=Koch", "/api/v1/vacancies/suggest/?q=Ko"])
def test_an_index_that_cannot_answer_is_a_503_not_a_500(client, monkeypatch, path):
    monkeypatch.setattr("search.index.get_index", lambda: BrokenIndex())
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "try again" in response.json()["detail"]


def test_invalid_parameters_are_reported_before_the_index_is_asked(client, monkeypatch):
    monkeypatch.setattr("search.index.get_index", lambda: BrokenIndex())
    assert client.get("/api/v1/vacancies/?page=0").status_code == 400


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/vacancies/", "/api/v1/vacancies/1/"])
def test_the_api_is_read_only(client, method, path):
    response = getattr(client, method)(path, data={}, content_type="application/json")
    assert response.status_code == 405


def test_no_cookie_is_set(client):
    (pk,) = load(vacancy())
    for path in ("/api/v1/vacancies/", f"/api/v1/vacancies/{pk}/", "/api/v1/schema/"):
        response = client.get(path)
        assert response.status_code == 200
        assert not response.cookies
