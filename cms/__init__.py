"""The Wagtail project: settings, URLs, the Celery app and the guide."""

from .celery import app as celery_app

__all__ = ["celery_app"]
