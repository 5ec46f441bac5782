"""The settings modules refuse what they cannot run with, before Django starts."""

import secrets

from tests.processes import clean_env, manage

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "lotse.example.org",
    "DATABASE_URL": "postgres://lotse:secret@127.0.0.1:5432/lotse",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
}


def test_production_settings_pass_the_deployment_check_without_warnings(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env=clean_env(**PRODUCTION, LOTSE_DATA_DIR=str(tmp_path)),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_production_settings_refuse_a_missing_database_url(tmp_path):
    env = clean_env(**PRODUCTION, LOTSE_DATA_DIR=str(tmp_path))
    del env["DATABASE_URL"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr


def test_production_settings_refuse_a_short_secret_key(tmp_path):
    env = clean_env(**{**PRODUCTION, "SECRET_KEY": "short"}, LOTSE_DATA_DIR=str(tmp_path))
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50" in result.stderr


def test_bad_debug_value_stops_the_start_with_a_clear_message(tmp_path):
    result = manage("check", env=clean_env(DEBUG="maybe", LOTSE_DATA_DIR=str(tmp_path)))
    assert result.returncode != 0
    assert "DEBUG='maybe' is not valid: expected true/false" in result.stderr


def test_embedded_default_keeps_its_secret_key_in_the_data_folder(tmp_path):
    env = clean_env(LOTSE_DATA_DIR=str(tmp_path))
    first = manage(
        "shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)", env=env
    )
    again = manage(
        "shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)", env=env
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout
    assert len(first.stdout.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
