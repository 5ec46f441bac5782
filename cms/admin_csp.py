"""The Wagtail admin without inline script.

Wagtail 8 starts some of its widgets with a small inline <script>: the choosers
(BaseChooser.render), the date and time pickers and the inline panels
(templates under wagtailadmin/, overridden in cms/templates/wagtailadmin/).
Lotse renders each start as data instead, a <script type="application/json">
that no browser executes, and cms/static/cms/admin-init.js makes the same call
for a fixed list of Wagtail's functions. So the admin's Content-Security-Policy
needs no 'unsafe-inline' for scripts.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# As django.utils.html.json_script: nothing in the data can end the element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def init_script(kind: str, name: str, args: list[Any]) -> SafeString:
    """The data that tells admin-init.js to call `name(*args)` ("call") or
    `new name(*args)` ("construct")."""
    if kind not in ("call", "construct"):
        raise ValueError(f"kind must be 'call' or 'construct', not {kind!r}")
    data = json.dumps({kind: name, "args": args}).translate(_JSON_ESCAPES)
    escaped = mark_safe(data)  # noqa: S308 - JSON with <, > and & escaped, as json_script does
    return format_html('<script type="application/json" data-lotse-admin-init>{}</script>', escaped)


def _chooser_render(self: Any, name: str, value: Any, attrs: Any = None, renderer: Any = None):
    """BaseChooser.render, with its start as data rather than inline script."""
    from wagtail.admin.widgets import BaseChooser
    from wagtail.admin.widgets.workflows import AdminTaskChooser

    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    value_data = self.get_value_data(value)
    widget_html = self.render_html(name, value_data, attrs)
    if isinstance(self, AdminTaskChooser):
        start = init_script("call", "createTaskChooser", [id_])
    elif type(self).render_js_init is BaseChooser.render_js_init:
        options = self.get_js_init_options(id_, name, value_data)
        start = init_script("construct", self.js_constructor, [id_, options])
    else:  # a chooser of its own start: Wagtail's way, blocked by the policy
        return _wagtail_chooser_render(self, name, value, attrs, renderer)
    return mark_safe(widget_html + start)  # noqa: S308 - widget_html is Wagtail's own markup


_wagtail_chooser_render: Any = None


def install() -> None:
    """Render Wagtail's choosers with admin-init.js (called once, from CmsConfig.ready)."""
    global _wagtail_chooser_render
    from wagtail.admin.widgets import BaseChooser

    if _wagtail_chooser_render is None:
        _wagtail_chooser_render = BaseChooser.render
        BaseChooser.render = _chooser_render
