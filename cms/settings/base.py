"""Settings shared by every way of running Lotse.

With no environment variables set this is the embedded default: a SQLite file
and the embedded vacancy index under the data folder, the Wagtail database
search backend and Celery on a broker that is a folder. Each outside service is
switched on by its one variable (DATABASE_URL, CELERY_BROKER_URL,
ELASTICSEARCH_URL); see README.md.
"""

from __future__ import annotations

import datetime
import re
import secrets
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.conf.locale import LANG_INFO

from .env import (
    EnvError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_optional,
    env_path,
    env_str,
    env_url,
    env_urls,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = env_path("LOTSE_DATA_DIR", BASE_DIR / "data")

DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])


def _embedded_secret_key(data_dir: Path) -> str:
    """One random key per installation, kept in the data folder."""
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


SECRET_KEY = env_optional("SECRET_KEY") or _embedded_secret_key(DATA_DIR)

INSTALLED_APPS = [
    "cms",
    "cms.guide",
    "search",
    "crawlers",
    "matching",
    "cms.accounts",  # staff logins: two-factor authentication, roles
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.security.ContentSecurityPolicyMiddleware",  # Security headers and CSP (end of file)
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.accounts.two_factor.TwoFactorMiddleware",  # Staff logins (end of file)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# django-axes first: it refuses a locked-out login before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: PostgreSQL when DATABASE_URL is set, else a SQLite file.
DATABASE_URL = env_url("DATABASE_URL", ("postgres", "postgresql", "sqlite"))
if DATABASE_URL:
    # Connections are kept for a minute and checked before each request reuses
    # one, so after a database restart the web recovers on the next request.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "lotse.sqlite3"),
            # WAL lets the web server read while the worker writes.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source; the guide and the office-PC pages are
# translated into the languages the districts' newcomers read most.
LANGUAGE_CODE = "de"
# Easy German (Leichte Sprache) is a locale of its own; "x-ls" is a private-use
# subtag, so browsers and screen readers still treat it as German.
EASY_GERMAN = "de-x-ls"
LANGUAGES = [
    ("de", "Deutsch"),
    (EASY_GERMAN, "Leichte Sprache"),
    ("en", "English"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("tr", "Türkçe"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LANG_INFO.setdefault(
    EASY_GERMAN,
    {"bidi": False, "code": EASY_GERMAN, "name": "Easy German", "name_local": "Leichte Sprache"},
)
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# On one machine WhiteNoise serves static files straight from the apps, so no
# collectstatic step is needed before the first start.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Lotse"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's live preview shows the page in a same-origin frame.
X_FRAME_OPTIONS = "SAMEORIGIN"

# Elasticsearch: one URL or several (a cluster), comma-separated.
ELASTICSEARCH_URLS = env_urls("ELASTICSEARCH_URL", ("http", "https"))
ELASTICSEARCH_INDEX_PREFIX = env_str("LOTSE_INDEX_PREFIX", "lotse")
# Copies of each vacancy index shard: 0 on one node, 1 or more in a cluster.
ELASTICSEARCH_REPLICAS = env_int("ELASTICSEARCH_REPLICAS", 0, minimum=0, maximum=5)
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 10, minimum=1, maximum=300)

if ELASTICSEARCH_URLS:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": ELASTICSEARCH_URLS,
            "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}_guide_",
            "TIMEOUT": ELASTICSEARCH_TIMEOUT,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The embedded vacancy index (used when ELASTICSEARCH_URL is not set).
EMBEDDED_INDEX_PATH = DATA_DIR / "index" / "vacancies.sqlite3"

# Celery: Redis when CELERY_BROKER_URL is set, else a folder as the broker so
# one office PC needs no server.
CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", ("redis", "rediss", "filesystem"))
CELERY_BROKER_FOLDER = DATA_DIR / "celery" / "queue"
if CELERY_BROKER_URL is None:
    CELERY_BROKER_URL = "filesystem://"
if CELERY_BROKER_URL.startswith("filesystem"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER),
        "data_folder_out": str(CELERY_BROKER_FOLDER),
        "processed_folder": str(DATA_DIR / "celery" / "processed"),
        "store_processed": False,
    }
    # The filesystem transport expects its folders to exist.
    for _folder in CELERY_BROKER_TRANSPORT_OPTIONS.values():
        if isinstance(_folder, str):
            Path(_folder).mkdir(parents=True, exist_ok=True)
    # Remote control needs fanout delivery, which a folder broker lacks.
    CELERY_WORKER_ENABLE_REMOTE_CONTROL = False
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_timeout": 5,
        "socket_connect_timeout": 5,
        # A task taken by a worker that died unacknowledged goes back on the
        # queue after this many seconds. Redis cannot tell a dead worker from a
        # slow one: a task still running after this time is handed out again,
        # so it must be longer than the longest task (a crawl is stopped after
        # an hour, crawlers.run.DEFAULT_TIMEOUT).
        "visibility_timeout": env_int("LOTSE_TASK_VISIBILITY_TIMEOUT", 7200, minimum=1),
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
# A task whose worker died mid-run goes back on the queue (every task is
# idempotent), rather than being lost with the acknowledgement.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Separate queues so a long crawl never delays indexing or matching: the
# production layout runs one worker pool per queue (infra/deploy). The
# one-PC default runs one worker that consumes all of them.
CELERY_TASK_DEFAULT_QUEUE = "default"
LOTSE_TASK_QUEUES = ("default", "crawling", "indexing", "matching")
CELERY_TASK_ROUTES = {
    "crawlers.tasks.*": {"queue": "crawling"},
    "search.tasks.*": {"queue": "indexing"},
    "matching.tasks.*": {"queue": "matching"},
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILE = DATA_DIR / "celery" / "beat-schedule"
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    "heartbeat": {
        "task": "cms.tasks.heartbeat",
        "schedule": float(env_int("LOTSE_HEARTBEAT_SECONDS", 60, minimum=1)),
    },
    "crawl-due-sources": {"task": "crawlers.tasks.crawl_due_sources", "schedule": 15 * 60.0},
    "rematch-all-participants": {
        "task": "matching.tasks.rematch_all",
        "schedule": crontab(hour=2, minute=30),
    },
    "sync-vacancy-index": {
        "task": "search.tasks.sync_index",
        "schedule": float(env_int("LOTSE_INDEX_SYNC_SECONDS", 10, minimum=1)),
    },
}

# Participants without activity this long are listed for review (GDPR storage limitation).
LOTSE_PARTICIPANT_INACTIVE_DAYS = env_int("LOTSE_PARTICIPANT_INACTIVE_DAYS", 365, minimum=30)

REDIS_URL = env_url("REDIS_URL", ("redis", "rediss"))
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The public vacancy API (/api/v1/): requests per client address, as
# "N/second", "N/minute", "N/hour" or "N/day". Counted in the default cache:
# Redis when REDIS_URL is set (shared by every worker), else each process's
# own memory, so with several worker processes a client gets up to that many
# times the rate.
LOTSE_API_RATE = env_str("LOTSE_API_RATE", "300/minute")
if not re.fullmatch(r"[1-9]\d*/(s|sec|second|m|min|minute|h|hour|d|day)", LOTSE_API_RATE):
    raise EnvError("LOTSE_API_RATE", LOTSE_API_RATE, "a rate like 300/minute (second, hour, day)")
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"vacancies": LOTSE_API_RATE},
    # How many reverse proxies in front of Lotse append to X-Forwarded-For (1
    # behind the production proxy); 0 counts the connection's own address, so
    # a client cannot dodge the limit with a forged header.
    "NUM_PROXIES": env_int("LOTSE_API_PROXIES", 0, minimum=0, maximum=5),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lotse vacancies API",
    "DESCRIPTION": (
        "Read-only search over the vacancies Lotse has collected: jobs, Ausbildung "
        "(dual vocational training), internships and further training."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    # The public vacancy API only (see the hook).
    "PREPROCESSING_HOOKS": ["search.api.only_vacancy_endpoints"],
    "ENUM_NAME_OVERRIDES": {
        "KindEnum": "search.vacancies.KINDS",
        "WorkingTimeEnum": "search.vacancies.WORKING_TIMES",
    },
}

# Crawlers name Lotse in their User-Agent with a page where site owners can
# reach the operator (robots.txt etiquette).
LOTSE_CRAWLER_CONTACT_URL = env_str("LOTSE_CRAWLER_CONTACT_URL", WAGTAILADMIN_BASE_URL + "/")
# The Bundesagentur's Jobsuche API and its public client key (see the
# bundesAPI jobsuche-api specification); tests point the URL at a local server.
LOTSE_BA_JOBSUCHE_URL = env_str(
    "LOTSE_BA_JOBSUCHE_URL", "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service"
)
LOTSE_BA_API_KEY = env_str("LOTSE_BA_API_KEY", "jobboerse-jobsuche")
# The Bundesagentur's Weiterbildungssuche (further training) API and its public key.
LOTSE_BA_WEITERBILDUNG_URL = env_str(
    "LOTSE_BA_WEITERBILDUNG_URL", "https://rest.arbeitsagentur.de/infosysbub/wbsuche"
)
LOTSE_BA_WEITERBILDUNG_KEY = env_str("LOTSE_BA_WEITERBILDUNG_KEY", "infosysbub-wbsuche")

# The vacancy search at the office PC (search/views.py). Distances are measured
# from the office's postal code (default: Gotha, where the demo's Anlaufstelle
# Gotha-West is); "around the district" is the default radius. The coaching
# offer is the guide's offer page (its German slug) whose address and opening
# hours the vacancy pages show under "Ask your coach". After this many
# seconds without input the pages return to the start and clear the form.
LOTSE_OFFICE_POSTAL_CODE = env_str("LOTSE_OFFICE_POSTAL_CODE", "99867")
if not re.fullmatch(r"\d{5}", LOTSE_OFFICE_POSTAL_CODE):
    raise EnvError("LOTSE_OFFICE_POSTAL_CODE", LOTSE_OFFICE_POSTAL_CODE, "five digits, like 99867")
LOTSE_DISTRICT_RADIUS_KM = env_int("LOTSE_DISTRICT_RADIUS_KM", 25, minimum=1, maximum=200)
LOTSE_COACHING_OFFER_SLUG = env_str("LOTSE_COACHING_OFFER_SLUG", "jobcoaching")
LOTSE_KIOSK_IDLE_SECONDS = env_int("LOTSE_KIOSK_IDLE_SECONDS", 120, minimum=5, maximum=3600)

# How long a health check may wait for one service, in seconds.
HEALTH_CHECK_TIMEOUT = env_int("HEALTH_CHECK_TIMEOUT", 3, minimum=1, maximum=60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {
        "handlers": ["console"],
        "level": env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR")),
    },
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        # Wagtail runs its own small tasks in-process and logs every one.
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Machine translation (the guide's translation workflow) ----------------------
# wagtail-localize offers editors a machine translation of a page's strings; it is
# recorded as machine-translated until a person changes or accepts it. Off unless
# LOTSE_MACHINE_TRANSLATOR names a service.
MACHINE_TRANSLATORS = ("none", "libretranslate", "deepl")


def machine_translator_setting(environ: dict[str, str] | None = None) -> dict[str, object] | None:
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR from LOTSE_MACHINE_TRANSLATOR and its service's keys."""
    from django.core.exceptions import ImproperlyConfigured

    choice = env_choice("LOTSE_MACHINE_TRANSLATOR", "none", MACHINE_TRANSLATORS, environ=environ)
    if choice == "libretranslate":
        url = env_url("LIBRETRANSLATE_URL", ("http", "https"), environ=environ)
        if url is None:
            raise ImproperlyConfigured(
                "LOTSE_MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL, the address "
                "of the LibreTranslate server, e.g. http://127.0.0.1:5000."
            )
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": url.rstrip("/"),
                # Servers of your own often need none; the translator sends "" then.
                "API_KEY": env_optional("LIBRETRANSLATE_API_KEY", environ=environ) or "",
            },
        }
    if choice == "deepl":
        key = env_optional("DEEPL_API_KEY", environ=environ)
        if key is None:
            raise ImproperlyConfigured(
                "LOTSE_MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY, the authentication key "
                "of your DeepL API account (a key ending in :fx uses DeepL's free API)."
            )
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": key},
        }
    return None


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting()
# --- End of machine translation ---------------------------------------------------

# --- Security headers and CSP -------------------------------------------------------
# One strict Content-Security-Policy on every response, from django-csp: scripts,
# styles, fonts and images only from Lotse's own origin (no inline script or
# style, no eval), no plugins, forms posting only to Lotse, frames only from
# Lotse itself (Wagtail's preview). The Wagtail admin needs a little more, added
# for its paths only by cms.security.ContentSecurityPolicyMiddleware; see there.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Added to the policy under these path prefixes only. Wagtail 8's admin sets
# style="" attributes and <style> elements from its scripts and templates (the
# sidebar, the editor's panels, Draftail), which cannot carry a nonce: its pages
# allow inline *styles*. Scripts stay 'self' only there too: Wagtail's inline
# widget scripts are rendered as data instead (cms/admin_csp.py).
LOTSE_CSP_PATH_UPDATES: dict[str, dict[str, list[str]]] = {
    "/admin/": {"style-src": ["'unsafe-inline'"]},
    # Django REST framework's browsable pages of the APIs (style="" in its
    # templates); the APIs' JSON is unaffected.
    "/api/": {"style-src": ["'unsafe-inline'"]},
}
# The admin fetches nothing from other sites: no avatars from Gravatar, no
# look-up of Wagtail's latest release.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Sent as they are by Django's SecurityMiddleware (these are also its defaults,
# written out so a Django upgrade cannot loosen them unnoticed).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page of Lotse uses a camera, microphone, location or payment; the office
# PC's browser must not offer them to anything that got onto a page.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
# Cookies: not readable by scripts (Wagtail's admin takes the CSRF token from
# the page, not the cookie), not sent on requests from other sites.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# --- End of security headers and CSP ------------------------------------------------

# --- Staff logins -------------------------------------------------------------------
# Brute-force protection (django-axes, cms.accounts.lockout): after
# LOTSE_LOGIN_FAILURE_LIMIT wrong passwords for one user name from one address,
# that pair cannot sign in for LOTSE_LOGIN_LOCKOUT_MINUTES, not even with the
# right password; other users and addresses are not affected. Attempts are
# counted in the database, so every web process shares them. The address is
# the client's as the vacancy API counts it (LOTSE_API_PROXIES). Unlock with
# `manage.py axes_reset_username NAME` (or `axes_reset` for everyone).
AXES_FAILURE_LIMIT = env_int("LOTSE_LOGIN_FAILURE_LIMIT", 5, minimum=1, maximum=100)
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=env_int("LOTSE_LOGIN_LOCKOUT_MINUTES", 15, minimum=1, maximum=7 * 24 * 60)
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.accounts.lockout.locked_out"
# Lockouts are logged as warnings (user name and address masked); each failed
# attempt is not.
LOGGING["loggers"]["axes"] = {"level": "WARNING"}  # type: ignore[index]
# Two-factor authentication (django-otp, cms.accounts.two_factor): required for
# superusers, administrators, job coaches and office leads; false makes it
# everyone's own choice.
LOTSE_STAFF_2FA = env_bool("LOTSE_STAFF_2FA", default=True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# --- End of staff logins ------------------------------------------------------------
