"""The Celery app. Its broker is Redis in production and a folder on one PC."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("lotse")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
