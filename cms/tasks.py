import socket

from celery import shared_task
from django.utils import timezone

from .models import WorkerHeartbeat


@shared_task(ignore_result=True)
def heartbeat() -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker=socket.gethostname(), defaults={"seen_at": timezone.now()}
    )
