import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import (
    EnvError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    env_url,
    env_urls,
)


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
