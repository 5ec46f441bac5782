"""First-start work for an installation: demo content and the admin account.

Both functions are idempotent, so the run command calls them on every start.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.guide.demo.loader import load_demo_guide
from cms.guide.models import HomePage

ADMIN_USERNAME = "admin"


@transaction.atomic
def load_demo_content() -> bool:
    """Create the locales and, on a new installation, the demo guide for Gotha-West.

    The demo guide is German with synced English, Ukrainian and Arabic
    translations (see cms.guide.demo); its German home page becomes the default
    site's root. Returns False when a guide home page exists already (nothing
    is changed then).
    """
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if HomePage.objects.exists():
        return False
    home = load_demo_guide().home
    site = Site.objects.filter(is_default_site=True).first()
    welcome = site.root_page if site else None
    if site:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    else:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    # Wagtail's own placeholder page is replaced, not kept beside ours.
    if welcome is not None and type(welcome.specific) is Page and welcome.depth == 2:
        welcome.delete()
    return True


@dataclass(frozen=True)
class AdminAccount:
    username: str
    password_file: Path
    created: bool


def ensure_admin(data_dir: Path, password: str | None = None) -> AdminAccount:
    """Create the first administrator unless one exists.

    The generated password is written to a file only its owner can read, so
    it can be looked up again without ever being logged.
    """
    password_file = data_dir / "admin-password.txt"
    users = get_user_model()
    if users.objects.filter(is_superuser=True).exists():
        return AdminAccount(ADMIN_USERNAME, password_file, created=False)
    password = password or secrets.token_urlsafe(12)
    users.objects.create_superuser(ADMIN_USERNAME, email="", password=password)
    data_dir.mkdir(parents=True, exist_ok=True)
    password_file.touch(mode=0o600)
    password_file.write_text(password + "\n")
    return AdminAccount(ADMIN_USERNAME, password_file, created=True)
