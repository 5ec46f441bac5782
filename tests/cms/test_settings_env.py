import json
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import (
    EnvError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_optional,
    env_str,
    env_url,
    env_urls,
)
from tests.processes import REPO


@pytest.mark.parametrize("word", ["true", "True", "1", "yes", "ON"])
def test_env_bool_reads_true_words(word):
    assert env_bool("DEBUG", False, environ={"DEBUG": word}) is True


@pytest.mark.parametrize("word", ["false", "0", "no", "Off"])
def test_env_bool_reads_false_words(word):
    assert env_bool("DEBUG", True, environ={"DEBUG": word}) is False


def test_env_bool_uses_default_when_unset_or_blank():
    assert env_bool("DEBUG", True, environ={}) is True
    assert env_bool("DEBUG", False, environ={"DEBUG": "  "}) is False


def test_env_bool_refuses_maybe_naming_variable_and_allowed_values():
    with pytest.raises(EnvError) as error:
        env_bool("DEBUG", False, environ={"DEBUG": "maybe"})
    message = str(error.value)
    assert "DEBUG" in message
    assert "'maybe'" in message
    assert "true" in message and "false" in message


def test_env_error_is_an_improperly_configured_error():
    with pytest.raises(ImproperlyConfigured):
        env_bool("DEBUG", False, environ={"DEBUG": "maybe"})


def test_env_int_reads_numbers_within_bounds():
    assert env_int("N", 3, minimum=1, maximum=10, environ={"N": "7"}) == 7


@pytest.mark.parametrize("value", ["seven", "0", "11", "2.5"])
def test_env_int_refuses_non_numbers_and_numbers_out_of_bounds(value):
    with pytest.raises(
        EnvError, match=r"N='.*' is not valid: expected a whole number from 1 to 10"
    ):
        env_int("N", 3, minimum=1, maximum=10, environ={"N": value})


def test_env_list_splits_on_commas_and_trims():
    assert env_list("HOSTS", [], environ={"HOSTS": "a.example, b.example"}) == [
        "a.example",
        "b.example",
    ]


def test_env_list_refuses_empty_items():
    with pytest.raises(EnvError, match="without empty items"):
        env_list("HOSTS", [], environ={"HOSTS": "a.example,,b.example"})


def test_env_str_without_default_demands_the_variable():
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        env_str("SECRET_KEY", environ={})


def test_env_choice_refuses_values_outside_the_choices():
    with pytest.raises(EnvError, match="one of DEBUG, INFO"):
        env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO"), environ={"LOG_LEVEL": "LOUD"})


def test_env_urls_accepts_a_cluster_of_urls():
    urls = env_urls(
        "ELASTICSEARCH_URL",
        ("http", "https"),
        environ={"ELASTICSEARCH_URL": "http://es1:9200,https://es2:9200"},
    )
    assert urls == ["http://es1:9200", "https://es2:9200"]


@pytest.mark.parametrize("value", ["es1:9200", "ftp://es1", "http://", "http://es1:port"])
def test_env_urls_refuses_malformed_urls(value):
    with pytest.raises(EnvError, match="ELASTICSEARCH_URL"):
        env_urls("ELASTICSEARCH_URL", ("http", "https"), environ={"ELASTICSEARCH_URL": value})


def test_env_url_refuses_several_urls_where_one_is_meant():
    with pytest.raises(EnvError, match="a single URL"):
        env_url(
            "DATABASE_URL", ("postgres",), environ={"DATABASE_URL": "postgres://a,postgres://b"}
        )


# --- Secrets from files (NAME_FILE) ------------------------------------------------


def secret_file(tmp_path, text, name="secret"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_secret_is_read_from_the_file_its_file_variable_names(tmp_path):
    path = secret_file(tmp_path, "k" * 50 + "\n")
    assert env_str("SECRET_KEY", environ={"SECRET_KEY_FILE": path}) == "k" * 50


def test_a_url_from_a_file_is_checked_like_one_from_the_environment(tmp_path):
    path = secret_file(tmp_path, "  postgres://lotse:s3cret@db:5432/lotse\n")
    environ = {"DATABASE_URL_FILE": path}
    assert env_url("DATABASE_URL", ("postgres",), environ=environ) == (
        "postgres://lotse:s3cret@db:5432/lotse"
    )


def test_an_optional_key_comes_from_its_file(tmp_path):
    path = secret_file(tmp_path, "abc:fx")
    assert env_optional("DEEPL_API_KEY", environ={"DEEPL_API_KEY_FILE": path}) == "abc:fx"


def test_the_variable_and_its_file_variable_together_are_refused(tmp_path):
    path = secret_file(tmp_path, "from-file")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY and SECRET_KEY_FILE are both set"):
        env_str("SECRET_KEY", environ={"SECRET_KEY": "from-env", "SECRET_KEY_FILE": path})


def test_a_missing_secret_file_is_refused_naming_the_file(tmp_path):
    missing = str(tmp_path / "nope")
    with pytest.raises(ImproperlyConfigured) as error:
        env_optional("REDIS_URL", environ={"REDIS_URL_FILE": missing})
    assert f"REDIS_URL_FILE={missing!r} cannot be read (No such file or directory)" in str(
        error.value
    )


def test_an_unreadable_secret_file_is_refused(tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(ImproperlyConfigured, match=r"CELERY_BROKER_URL_FILE=.* cannot be read"):
        env_url("CELERY_BROKER_URL", ("redis",), environ={"CELERY_BROKER_URL_FILE": str(folder)})


def test_an_empty_secret_file_is_refused(tmp_path):
    path = secret_file(tmp_path, " \n")
    with pytest.raises(ImproperlyConfigured, match="names an empty file"):
        env_str("SECRET_KEY", environ={"SECRET_KEY_FILE": path})


def test_a_bad_value_in_a_secret_file_is_reported_without_the_secret(tmp_path):
    path = secret_file(tmp_path, "mysql://lotse:hunter2@db/lotse")
    with pytest.raises(EnvError) as error:
        env_url("DATABASE_URL", ("postgres",), environ={"DATABASE_URL_FILE": path})
    message = str(error.value)
    assert f"DATABASE_URL in {path} is not valid: expected URLs starting with postgres://" in (
        message
    )
    assert "hunter2" not in message


def test_a_blank_variable_beside_its_file_variable_counts_as_unset(tmp_path):
    path = secret_file(tmp_path, "redis://cache:6379/1")
    environ = {"REDIS_URL": "", "REDIS_URL_FILE": path}
    assert env_url("REDIS_URL", ("redis",), environ=environ) == "redis://cache:6379/1"


def test_the_missing_variable_message_mentions_the_file_variable():
    with pytest.raises(ImproperlyConfigured, match=r"or SECRET_KEY_FILE, naming a file"):
        env_str("SECRET_KEY", environ={})


SECRET_VARIABLES = [
    "SECRET_KEY",
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "DEEPL_API_KEY",
    "LIBRETRANSLATE_API_KEY",
    "LOTSE_BA_API_KEY",
    "LOTSE_BA_WEITERBILDUNG_KEY",
]


def test_production_settings_take_every_secret_from_files(tmp_path):
    """The production settings, loaded in a fresh interpreter with secrets only in files."""
    values = {
        "SECRET_KEY": "s" * 60,
        "DATABASE_URL": "postgres://lotse:pw-db@db.internal:5432/lotse",
        "CELERY_BROKER_URL": "redis://:pw-broker@redis.internal:6379/0",
        "REDIS_URL": "redis://:pw-cache@redis.internal:6379/1",
        "ELASTICSEARCH_URL": "https://lotse:pw-es@es1:9200,https://lotse:pw-es@es2:9200",
        "DEEPL_API_KEY": "deepl-key:fx",
        "LIBRETRANSLATE_API_KEY": "lt-key",
        "LOTSE_BA_API_KEY": "ba-key",
        "LOTSE_BA_WEITERBILDUNG_KEY": "wb-key",
    }
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SECRET_VARIABLES and not key.endswith("_FILE")
    }
    for name in SECRET_VARIABLES:
        env[f"{name}_FILE"] = secret_file(tmp_path, values[name] + "\n", name=name.lower())
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        ALLOWED_HOSTS="lotse.example",
        LOTSE_DATA_DIR=str(tmp_path / "data"),
        LOTSE_MACHINE_TRANSLATOR="deepl",
    )
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'SECRET_KEY': s.SECRET_KEY, 'DATABASE_URL': s.DATABASE_URL,"
        "'CELERY_BROKER_URL': s.CELERY_BROKER_URL, 'REDIS_URL': s.REDIS_URL,"
        "'ELASTICSEARCH_URL': ','.join(s.ELASTICSEARCH_URLS),"
        "'DEEPL_API_KEY': s.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['OPTIONS']['AUTH_KEY'],"
        "'LOTSE_BA_API_KEY': s.LOTSE_BA_API_KEY,"
        "'LOTSE_BA_WEITERBILDUNG_KEY': s.LOTSE_BA_WEITERBILDUNG_KEY}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == {name: values[name] for name in loaded}
    assert len(loaded) == 8
