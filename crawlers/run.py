"""Start a crawl run in a subprocess and read back what it did.

`run_crawl` is what Celery tasks and management commands call; it never
imports Scrapy, so the caller's process stays free of Twisted's reactor.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawlers.crawl_process import KINDS, SUMMARY_PREFIX
from crawlers.progress import Progress, parse_progress_line

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_TIMEOUT = 3600  # seconds; a stuck run must not hold a worker forever
PROGRESS_INTERVAL = 0.5  # seconds between the child's progress lines, where asked for


@dataclass(frozen=True)
class RunSummary:
    source: str
    requests: int = 0
    items: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    removed: int = 0
    expired: int = 0
    retried: int = 0
    problems: list[dict[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    duration: float = 0.0
    exit_code: int = 0
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())


def command(kind: str, source_key: str, options: Mapping[str, Any]) -> list[str]:
    if kind not in KINDS:
        raise ValueError(f"unknown crawl kind {kind!r}; known: {', '.join(KINDS)}")
    args = [sys.executable, "-m", "crawlers.crawl_process", "--kind", kind, "--source", source_key]
    for url in options.get("start_urls", ()):
        args += ["--start", url]
    for url in options.get("sitemap_urls", ()):
        args += ["--sitemap", url]
    if "concurrency" in options:
        args += ["--concurrency", str(int(options["concurrency"]))]
    if "max_pages" in options:
        args += ["--max-pages", str(int(options["max_pages"]))]
    # BA Jobsuche and Weiterbildungssuche
    if options.get("what"):
        args += ["--what", str(options["what"])]
    if options.get("where"):
        args += ["--where", str(options["where"])]
    if options.get("radius_km") is not None:
        args += ["--radius", str(int(options["radius_km"]))]
    offer_types = options.get("offer_types")
    if offer_types:
        if not isinstance(offer_types, str):
            offer_types = ",".join(str(code) for code in offer_types)
        args += ["--offer-types", offer_types]
    if options.get("base_url"):
        args += ["--base-url", str(options["base_url"])]
    if options.get("progress_interval"):
        args += ["--progress-interval", str(float(options["progress_interval"]))]
    return args


def parse_summary(source_key: str, stdout: str, stderr: str, exit_code: int) -> RunSummary:
    lines = [line for line in stdout.splitlines() if line.startswith(SUMMARY_PREFIX)]
    if not lines:
        tail = stderr.strip().splitlines()[-5:]
        return RunSummary(
            source=source_key,
            errors=[f"the crawl process ended with {exit_code} and no summary", *tail],
            exit_code=exit_code,
        )
    data = json.loads(lines[-1][len(SUMMARY_PREFIX) :])
    return RunSummary(
        source=source_key,
        requests=int(data.get("requests", 0)),
        items=int(data.get("items", 0)),
        new=int(data.get("new", 0)),
        updated=int(data.get("updated", 0)),
        unchanged=int(data.get("unchanged", 0)),
        duplicates=int(data.get("duplicates", 0)),
        rejected=dict(data.get("rejected", {})),
        removed=int(data.get("removed", 0)),
        expired=int(data.get("expired", 0)),
        retried=int(data.get("retried", 0)),
        problems=list(data.get("problems", [])),
        errors=list(data.get("errors", [])),
        duration=float(data.get("duration", 0.0)),
        exit_code=exit_code,
        raw=data,
    )


def run_crawl(
    kind: str,
    source_key: str,
    options: Mapping[str, Any],
    *,
    env: Mapping[str, str] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Crawl one source in a child process.

    options: start_urls, sitemap_urls, concurrency, max_pages, timeout (s); for the
    BA Jobsuche also what, where, radius_km, offer_types ("1,4,34" or a list), base_url;
    for the BA Weiterbildungssuche what, where, radius_km, base_url.
    env: the child's environment (default: this process's), e.g. another database.
    on_progress: called with each `Progress` the child reports while it runs
    (about every PROGRESS_INTERVAL seconds), from a reader thread.
    """
    timeout = options.get("timeout", DEFAULT_TIMEOUT)
    if on_progress is not None:
        options = {"progress_interval": PROGRESS_INTERVAL, **options}
    # stderr (Scrapy's log) goes to a file: a full pipe would stall the child.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr:
        child = subprocess.Popen(  # noqa: S603 - our own interpreter and argv list, no shell
            command(kind, source_key, options),
            cwd=PROJECT_DIR,
            env=dict(env) if env is not None else None,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        lines: list[str] = []
        reader = threading.Thread(
            target=_read_stdout, args=(child.stdout, lines, on_progress), daemon=True
        )
        reader.start()
        try:
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            reader.join(timeout=10)
            return RunSummary(source=source_key, errors=[f"the crawl took longer than {timeout}s"])
        reader.join(timeout=30)
        stderr.seek(0)
        return parse_summary(source_key, "\n".join(lines), stderr.read(), child.returncode)


def _read_stdout(
    stream: Any, lines: list[str], on_progress: Callable[[Progress], None] | None
) -> None:
    for raw in stream:
        line = raw.rstrip("\n")
        progress = parse_progress_line(line)
        if progress is None:
            lines.append(line)
        elif on_progress is not None:
            try:
                on_progress(progress)
            except Exception:  # a broken display must not stall the crawl's pipe
                on_progress = None
    stream.close()
