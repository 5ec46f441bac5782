"""How far a crawl run has got, as data, and as one line of text for a person.

The crawl subprocess prints a `PROGRESS_PREFIX` line with a JSON snapshot now
and then; `run_crawl` reads them back into `Progress`, and `manage.py crawl`
shows them with `render_line` (a terminal: one line rewritten in place) or
`render_plain` (a log: one line per report). Pure: no Scrapy, no Django.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any

PROGRESS_PREFIX = "LOTSE-CRAWL-PROGRESS "
SPINNER = "|/-\\"
BAR_MIN, BAR_MAX = 10, 30


@dataclass(frozen=True)
class Progress:
    """One snapshot of a running crawl.

    `total` is what the source announced, where it does (the BA's result
    count, a sitemap's pages), counted in `unit`; `done` is counted the same way.
    """

    elapsed: float = 0.0
    requests: int = 0
    pages: int = 0
    items: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: int = 0
    done: int = 0
    total: int | None = None
    unit: str = "items"

    def to_line(self) -> str:
        return PROGRESS_PREFIX + json.dumps(asdict(self))

    @property
    def share(self) -> float | None:
        """Done as a share of the announced total (0..1), or None without one."""
        if not self.total or self.total <= 0:
            return None
        return min(max(self.done / self.total, 0.0), 1.0)


_INT_FIELDS = {f.name for f in fields(Progress)} - {"elapsed", "total", "unit"}


def parse_progress_line(line: str) -> Progress | None:
    """A `Progress` from one line of the subprocess's output; None for any other line."""
    if not line.startswith(PROGRESS_PREFIX):
        return None
    try:
        data = json.loads(line[len(PROGRESS_PREFIX) :])
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    for name in _INT_FIELDS:
        values[name] = _count(data.get(name))
    elapsed = data.get("elapsed")
    values["elapsed"] = float(elapsed) if isinstance(elapsed, int | float) else 0.0
    values["total"] = _count(data.get("total")) or None
    values["unit"] = str(data.get("unit") or "items")
    return Progress(**values)


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def format_elapsed(seconds: float) -> str:
    """0:07, 12:34, 1:02:03."""
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _outcomes(progress: Progress) -> str:
    return (
        f"{progress.new} new, {progress.updated} updated, "
        f"{progress.unchanged} unchanged, {progress.rejected} rejected"
    )


def render_plain(progress: Progress) -> str:
    """One self-contained log line, e.g. for a cron mail or a CI log."""
    line = (
        f"progress {format_elapsed(progress.elapsed)}: {progress.pages} pages, "
        f"{progress.items} items ({_outcomes(progress)})"
    )
    if progress.problems:
        line += f", {progress.problems} problems"
    share = progress.share
    if share is not None:
        line += f"; {progress.done}/{progress.total} {progress.unit} ({share:.0%})"
    return line


def render_line(progress: Progress, width: int, frame: int = 0) -> str:
    """The terminal line: a bar when the total is known, else a spinner; never wider than `width`.

    `frame` turns the spinner. The line is padded to `width - 1` columns, so
    writing it after a carriage return overwrites what a longer one left.
    """
    width = max(width - 1, 1)  # the last column would wrap on many terminals
    elapsed = format_elapsed(progress.elapsed)
    counts = f"{progress.pages} pages · {progress.items} items"
    tails = (f" · {counts} ({_outcomes(progress)}) · {elapsed}", f" · {counts} · {elapsed}")
    share = progress.share
    if share is None:
        head = SPINNER[frame % len(SPINNER)]
        candidates = [head + " " + tail.removeprefix(" · ") for tail in tails]
    else:
        amount = f"{progress.done}/{progress.total} {progress.unit} {share:4.0%}"
        candidates = []
        for tail in (*tails, f" · {elapsed}"):
            bar_width = min(width - len(amount) - len(tail) - 3, BAR_MAX)  # brackets, space
            if bar_width >= BAR_MIN:
                filled = round(bar_width * share)
                bar = f"[{'#' * filled}{'-' * (bar_width - filled)}]"
                candidates.append(f"{bar} {amount}{tail}")
        candidates.append(f"{amount} · {elapsed}")
    line = next((c for c in candidates if len(c) <= width), candidates[-1])
    return line[:width].ljust(width)
