"""Settings for the test suite.

Services come from the same variables as everywhere else: with DATABASE_URL,
CELERY_BROKER_URL and ELASTICSEARCH_URL set (as .ci/run does) the tests use the
real servers; without them, the embedded default.
"""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import ELASTICSEARCH_INDEX_PREFIX, ELASTICSEARCH_URLS, WAGTAILSEARCH_BACKENDS

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Test runs never touch the data folder of a real installation.
TEST_DATA_DIR = Path(tempfile.mkdtemp(prefix="lotse-test-"))
MEDIA_ROOT = TEST_DATA_DIR / "media"
EMBEDDED_INDEX_PATH = TEST_DATA_DIR / "index" / "vacancies.sqlite3"
if ELASTICSEARCH_URLS:
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"test_{ELASTICSEARCH_INDEX_PREFIX}_guide_"

# Machine translation in tests: wagtail-localize's dummy translator, which reverses
# the words, so no test needs a translation service.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
}
