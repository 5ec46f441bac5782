"""The answer while the database is down: 503 with Retry-After, not a server error page.

Django calls this for every uncaught exception (`handler500` in cms.urls). An
unreachable database is not a bug in the request: the client is told to come
back shortly, and the web recovers by itself once the database is back
(CONN_HEALTH_CHECKS). Every other error keeps Django's plain 500 page.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.views.defaults import server_error

RETRY_AFTER_SECONDS = 30
PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Lotse: gleich wieder da</title></head>
<body><h1>Lotse ist gleich wieder da</h1>
<p>Bitte versuchen Sie es in einer Minute noch einmal.</p>
<p lang="en">Lotse is unavailable for a moment. Please try again in a minute.</p>
</body></html>
"""


def server_error_or_unavailable(request: HttpRequest, template_name: str = "500.html"):
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(PAGE, status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return server_error(request, template_name)
