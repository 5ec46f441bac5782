"""Production: PostgreSQL, Redis, Elasticsearch, behind a TLS-terminating proxy.

Every service must be named in the environment; nothing falls back to the
embedded default here, so a missing variable stops the start with a message.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL, DATABASE_URL, ELASTICSEARCH_URLS
from .env import env_bool, env_int, env_list, env_optional, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ImproperlyConfigured(message)


_require(len(SECRET_KEY) >= 50, "SECRET_KEY must be at least 50 random characters.")
_require(bool(ALLOWED_HOSTS), "ALLOWED_HOSTS must name the site's host names, comma-separated.")
_require(
    DATABASE_URL is not None and DATABASE_URL.startswith("postgres"),
    "DATABASE_URL must point at PostgreSQL, e.g. postgres://lotse:secret@db.internal:5432/lotse.",
)
_require(
    CELERY_BROKER_URL.startswith("redis"),
    "CELERY_BROKER_URL must point at Redis, e.g. redis://redis.internal:6379/0.",
)
_require(bool(ELASTICSEARCH_URLS), "ELASTICSEARCH_URL must name the Elasticsearch node(s).")

# The proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
# Cookies only over HTTPS; with the "__Host-" prefix the browser also refuses
# them unless set by this very host over HTTPS with Path=/ (no Domain), so a
# neighbouring subdomain cannot plant one.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
# The rest (HttpOnly, SameSite, Referrer-Policy, the Content-Security-Policy)
# is the same everywhere: cms/settings/base.py, "Security headers and CSP".
# HTTP pages are upgraded, and no http:// resource is loaded on an HTTPS page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True}  # noqa: F405
}
# Wagtail's live preview frames the page from the same origin, which needs
# SAMEORIGIN rather than DENY; frames from other sites stay refused.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

STATIC_ROOT = env_optional("STATIC_ROOT") or STATIC_ROOT  # noqa: F405
WHITENOISE_USE_FINDERS = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
