"""{% admin_init %}: a Wagtail widget's start as data, for cms/static/cms/admin-init.js."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.utils.safestring import SafeString

from cms.admin_csp import init_script

register = template.Library()


@register.simple_tag
def admin_init(kind: str, name: str, *args: Any, json_arg: str | None = None) -> SafeString:
    """`{% admin_init "call" "initDateChooser" widget.attrs.id json_arg=widget.config_json %}`:
    the arguments in order, then `json_arg` (a JSON text) decoded as the last one."""
    values = list(args)
    if json_arg is not None:
        values.append(json.loads(json_arg))
    return init_script(kind, name, values)
