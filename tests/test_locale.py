"""The gettext catalogues in locale/ are valid and compiled."""

import gettext
import shutil
import subprocess

import pytest
from django.utils import translation

from tests.processes import REPO

CATALOGUES = sorted((REPO / "locale").glob("*/LC_MESSAGES/django.po"))
LANGUAGES = {"de", "en", "uk", "ru", "ar", "fa", "tr"}


def test_every_interface_language_has_a_catalogue():
    assert {po.parent.parent.name for po in CATALOGUES} >= LANGUAGES


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parent.parent.name)
def test_catalogue_passes_msgfmt_check_and_its_mo_is_current(po, tmp_path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt is missing: install Debian's gettext package (infra/test.sh does)"
    fresh = tmp_path / "django.mo"
    result = subprocess.run(
        [msgfmt, "-c", "-o", str(fresh), str(po)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    with fresh.open("rb") as new, po.with_suffix(".mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(new)._catalog


@pytest.mark.parametrize("language", [*sorted(LANGUAGES - {"en"}), "de-x-ls"])
def test_interface_strings_are_translated(language):
    with translation.override(language):
        assert translation.gettext("Skip to content") != "Skip to content"


@pytest.mark.parametrize(("language", "bidi"), [("ar", True), ("fa", True), ("de", False)])
def test_arabic_and_farsi_read_right_to_left(language, bidi):
    with translation.override(language):
        assert translation.get_language_bidi() is bidi
