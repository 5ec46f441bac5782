import pytest

from tests.crawlers.harness import fixture_server as serve_fixtures
from tests.crawlers.harness import fresh_installation


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    """The fixture server for one test module: (base URL, request log path)."""
    log = tmp_path_factory.mktemp("fixture-server") / "requests.log"
    with serve_fixtures(log) as base_url:
        yield base_url, log


@pytest.fixture(scope="module")
def crawl_env(tmp_path_factory):
    """(environment, SQLite path) of a fresh installation for one test module."""
    return fresh_installation(tmp_path_factory.mktemp("lotse-data"), ("search", "crawlers"))
