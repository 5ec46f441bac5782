"""First-start work: demo content and the administrator, both safe to repeat."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from cms.guide.models import HomePage
from cms.setup import ensure_admin, load_demo_content

pytestmark = pytest.mark.django_db


def test_demo_content_makes_the_guide_home_the_default_site_root():
    assert load_demo_content() is True
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "de"


def test_demo_content_replaces_wagtails_welcome_page():
    load_demo_content()
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_demo_content_creates_a_locale_for_every_content_language():
    load_demo_content()
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {"de", "en", "uk", "ru", "ar", "fa", "tr"} <= codes


def test_loading_demo_content_twice_changes_nothing():
    load_demo_content()
    pages = Page.objects.count()
    assert load_demo_content() is False
    assert Page.objects.count() == pages


def test_ensure_admin_creates_one_superuser_with_a_private_password_file(tmp_path):
    account = ensure_admin(tmp_path)
    assert account.created
    password = account.password_file.read_text().strip()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    assert account.password_file.stat().st_mode & 0o077 == 0


def test_ensure_admin_leaves_an_existing_administrator_alone(tmp_path):
    first = ensure_admin(tmp_path)
    password = first.password_file.read_text()
    again = ensure_admin(tmp_path)
    assert not again.created
    assert first.password_file.read_text() == password
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_served_home_page_is_the_guide_in_german(client):
    load_demo_content()
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert "Lotse – Wegweiser" in html
