"""Make a vacancy description from an outside source safe to show on our pages."""

from __future__ import annotations

import html
import re
from typing import Literal

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "h2", "h3", "h4", "a"}

_REAL_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_ESCAPED_TAG = re.compile(r"&lt;\s*/?\s*[a-zA-Z]")


def sanitise_description(text: str, base_url: str = "") -> str:
    """Sanitised HTML: a small set of formatting tags, links only to http(s) and mailto.

    Script and style content goes entirely; everything else outside the set
    loses its tags but keeps its text. Some sources escape their HTML twice
    (`&lt;p&gt;`); with no real tag in sight it is unescaped once first, and
    the result is sanitised like any other HTML. Plain text keeps its
    paragraphs and line breaks. Relative links are resolved against
    `base_url` (the page they came from) or dropped: on our site they would
    point nowhere.
    """
    if not isinstance(text, str) or not text.strip():
        return ""
    if not _REAL_TAG.search(text) and _ESCAPED_TAG.search(text):
        text = html.unescape(text)
    if not _REAL_TAG.search(text):
        text = _paragraphs(html.unescape(text))
    try:
        return _clean(text, ("rewrite_with_base", base_url) if base_url else "deny")
    except ValueError:  # nh3 refuses a base URL it cannot parse
        return _clean(text, "deny")


def _clean(text: str, relative: Literal["deny"] | tuple[Literal["rewrite_with_base"], str]) -> str:
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
        strip_comments=True,
        url_relative=relative,
    ).strip()


def _paragraphs(text: str) -> str:
    blocks = (block.strip() for block in re.split(r"\n\s*\n", text))
    return "".join(
        "<p>" + html.escape(block, quote=False).replace("\n", "<br>") + "</p>"
        for block in blocks
        if block
    )
