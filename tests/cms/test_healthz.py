"""/healthz: 200 when database, broker and index work; 503 naming what does not."""

import subprocess
import sys

import pytest
from django.conf import settings

from cms.celery import app as celery_app
from tests.processes import REPO, clean_env, free_port, health, wait_for

pytestmark = pytest.mark.django_db


def control(service: str, action: str) -> None:
    """Stop or start one of the real services through the infra scripts."""
    result = subprocess.run(
        ["bash", str(REPO / "infra" / "services" / f"{service}.sh"), action],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"{service}.sh {action} failed:\n{result.stderr[-2000:]}"


def test_healthz_answers_200_when_every_service_works(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert set(body["checks"]) == {"database", "broker", "index"}
    assert all(check["ok"] for check in body["checks"].values())


def test_healthz_is_never_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]


@pytest.mark.services("postgres")
def test_healthz_reports_postgresql_as_the_database(client):
    assert client.get("/healthz").json()["checks"]["database"]["detail"] == "postgresql answers"


@pytest.mark.services("elasticsearch")
def test_healthz_names_the_index_while_elasticsearch_is_stopped(client):
    assert "Elasticsearch cluster" in client.get("/healthz").json()["checks"]["index"]["detail"]
    control("elasticsearch", "stop")
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["failing"] == ["index"]
    finally:
        control("elasticsearch", "start")
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()


@pytest.mark.services("redis")
def test_healthz_names_the_broker_while_redis_is_stopped(client):
    control("redis", "stop")
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["failing"] == ["broker"]
    finally:
        control("redis", "start")
    assert client.get("/healthz").status_code == 200


def test_healthz_names_a_broker_folder_that_cannot_be_written(client, tmp_path, monkeypatch):
    missing = tmp_path / "gone"
    options = {**celery_app.conf.broker_transport_options, "data_folder_in": str(missing)}
    # Celery prefers the environment's CELERY_BROKER_URL to its configuration.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    monkeypatch.setattr(celery_app.conf, "broker_url", "filesystem://")
    monkeypatch.setattr(celery_app.conf, "broker_transport_options", options)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]


@pytest.mark.slow
def test_healthz_names_the_database_when_it_does_not_answer(tmp_path):
    """A real server whose PostgreSQL is unreachable answers 503 naming the database."""
    port, dead_port = free_port(), free_port()
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        LOTSE_DATA_DIR=str(tmp_path),
        DATABASE_URL=f"postgres://lotse:lotse@127.0.0.1:{dead_port}/lotse",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", status=503, seconds=60, process=server)
        status, body = health(f"http://127.0.0.1:{port}/healthz")
        assert status == 503
        assert body["failing"] == ["database"]
        assert "worker_last_seen" not in body
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_healthz_detail_never_shows_service_addresses(client):
    text = client.get("/healthz").content.decode()
    for url in [*settings.ELASTICSEARCH_URLS, settings.CELERY_BROKER_URL]:
        if "//" in url and url.split("//", 1)[1]:
            assert url.split("//", 1)[1] not in text
