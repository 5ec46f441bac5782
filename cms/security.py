"""The Content-Security-Policy header: django-csp's middleware, plus what the
Wagtail admin needs on its own paths only.

Every response gets settings.CONTENT_SECURITY_POLICY. A response under one of
the path prefixes in settings.LOTSE_CSP_PATH_UPDATES gets that entry's sources
added to the policy (django-csp's `update`, as its @csp_update decorator does);
a view's own decorator still wins where it sets the same directive.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def path_update(path: str) -> dict[str, list[str]]:
    """The sources added to the policy for a request to this path (may be empty)."""
    update: dict[str, list[str]] = {}
    for prefix, directives in getattr(settings, "LOTSE_CSP_PATH_UPDATES", {}).items():
        if path.startswith(prefix):
            for directive, sources in directives.items():
                update.setdefault(directive, []).extend(sources)
    return update


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        extra = path_update(request.path_info)
        if extra and not report_only:
            merged = {directive: list(sources) for directive, sources in extra.items()}
            for directive, sources in (parts.update or {}).items():
                merged.setdefault(directive, []).extend(
                    [sources] if isinstance(sources, str) else sources
                )
            parts.update = merged
        return parts
