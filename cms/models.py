from django.db import models


class WorkerHeartbeat(models.Model):
    """When a Celery worker last ran the heartbeat task that beat schedules.

    One row per worker host; it shows that broker, beat and worker work
    together, which a broker ping alone cannot.
    """

    worker = models.CharField(max_length=200, primary_key=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker} at {self.seen_at:%Y-%m-%d %H:%M:%S}"
