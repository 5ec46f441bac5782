from dataclasses import asdict

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.sync import lag

from .health import report, run_checks
from .models import WorkerHeartbeat


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when database, broker and index all work; 503 naming those that do not."""
    checks = run_checks()
    body = report(checks)
    database_ok = next(check.ok for check in checks if check.name == "database")
    if database_ok:
        last = WorkerHeartbeat.objects.order_by("-seen_at").first()
        body["worker_last_seen"] = last.seen_at.isoformat() if last else None
        # Changes the index has not taken yet: they are kept and sent when it can.
        body["index_lag"] = asdict(lag())
    return JsonResponse(body, status=200 if not body["failing"] else 503)
