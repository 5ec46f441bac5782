"""/api/v1/schema/: an OpenAPI 3 description the API keeps, proved by schemathesis.

Schemathesis generates requests from the schema (valid ones and invalid
ones) and sends them to the Django application in-process; every answer must
be a documented status with a body matching its documented schema, and none
may be a server error. The API answers from the embedded index filled with a
few vacancies, so searches find something.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from search import sync
from search.catalogue import mark_removed, upsert
from search.index import get_index
from search.params import PARAMETERS
from search.vacancies import AUSBILDUNG, TEILZEIT, Place

from .builders import vacancy
from .test_api import embedded_index, rest_framework  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Requests per operation and mode: three operations, two modes, some seconds each.
EXAMPLES = 100


def test_the_schema_is_openapi_3_and_generates_without_warnings():
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", "--format=openapi-json", stdout=out)
    schema = json.loads(out.getvalue())
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/vacancies/",
        "/api/v1/vacancies/{id}/",
        "/api/v1/vacancies/suggest/",
    }


def test_the_schema_is_served_as_json(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in response.json()["paths"]["/api/v1/vacancies/"]["get"]["parameters"]
    }
    assert set(parameters) == set(PARAMETERS)
    assert parameters["kind"]["items"]["enum"] == [
        "job",
        "ausbildung",
        "praktikum",
        "weiterbildung",
    ]
    assert parameters["sort"]["enum"] == ["relevance", "date", "distance"]
    assert parameters["german_level_max"]["enum"] == ["A1", "A2", "B1", "B2", "C1", "C2"]


@pytest.fixture
def catalogue() -> list[int]:
    """A few vacancies: an original and its duplicate, one in Erfurt, one removed."""
    ids = [
        upsert(item).vacancy_id
        for item in (
            vacancy(valid_through=None),
            vacancy(source="ba-jobsuche", external_id="1", url="https://ba.example.org/1"),
            vacancy(
                external_id="koch",
                title="Koch (m/w/d)",
                url="https://jobs.example.org/koch",
                kind=AUSBILDUNG,
                working_time=frozenset({TEILZEIT}),
                places=(
                    Place(postal_code="99084", city="Erfurt", latitude=50.98, longitude=11.03),
                ),
                salary=None,
                valid_through=None,
            ),
            vacancy(source="old-feed", external_id="gone", title="Maler", url=""),
        )
    ]
    mark_removed("old-feed", seen_since=timezone.now() + dt.timedelta(seconds=1))
    sync.drain()
    get_index().refresh()
    return ids


@pytest.fixture
def api_schema(catalogue):
    """The schema, its requests sent to the WSGI application in this process.

    Like Django's test client, the requests leave the database connection
    open: closing it at the end of a request would end the test's transaction.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_existing_vacancies_answer_as_documented(api_schema, catalogue):
    detail = api_schema["/api/v1/vacancies/{id}/"]["GET"]
    for pk in catalogue:
        case = detail.Case(path_parameters={"id": pk})
        response = case.call_and_validate(checks=CHECKS)
        assert response.status_code == 200


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_generated_requests_get_documented_answers_and_no_server_error(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 3
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_documented(case):
            case.call_and_validate(checks=CHECKS)

        answers_as_documented()
