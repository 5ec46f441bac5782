"""Development and the embedded default on one machine: debug on unless DEBUG says otherwise."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", default=True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
