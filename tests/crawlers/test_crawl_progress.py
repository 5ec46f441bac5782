"""A crawl's progress: the snapshot lines, how they are drawn, `manage.py crawl` showing them."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management.base import OutputWrapper

from crawlers.management.commands.crawl import ProgressDisplay
from crawlers.progress import (
    PROGRESS_PREFIX,
    Progress,
    format_elapsed,
    parse_progress_line,
    render_line,
    render_plain,
)
from crawlers.run import command, run_crawl
from tests.crawlers.harness import EXPECTED, needs_fixtures, reset
from tests.processes import manage

HALFWAY = Progress(elapsed=75, pages=5, items=20, new=12, updated=6, unchanged=2, done=20, total=40)
UNKNOWN_TOTAL = Progress(elapsed=3, pages=1, items=2, new=2)


# --- the snapshot line ---------------------------------------------------------------


def test_a_snapshot_survives_its_line():
    assert parse_progress_line(HALFWAY.to_line()) == HALFWAY


def test_other_lines_are_no_progress():
    assert parse_progress_line("LOTSE-CRAWL-SUMMARY {}") is None
    assert parse_progress_line(PROGRESS_PREFIX + "{broken") is None
    assert parse_progress_line(PROGRESS_PREFIX + "[1, 2]") is None


def test_odd_values_in_a_snapshot_count_as_nothing():
    line = PROGRESS_PREFIX + '{"items": "7", "new": -3, "pages": true, "total": 0}'
    progress = parse_progress_line(line)
    assert progress == Progress(total=None)
    assert progress.share is None


def test_elapsed_time_reads_like_a_clock():
    assert [format_elapsed(s) for s in (7, 754, 3723)] == ["0:07", "12:34", "1:02:03"]


# --- on a terminal -------------------------------------------------------------------


def test_a_known_total_draws_a_bar_with_the_share_done():
    line = render_line(HALFWAY, 200)
    assert line.startswith("[###############---------------] 20/40 items  50%")
    assert "5 pages · 20 items (12 new, 6 updated, 2 unchanged, 0 rejected) · 1:15" in line


def test_an_unknown_total_turns_a_spinner():
    frames = {render_line(UNKNOWN_TOTAL, 80, frame)[0] for frame in range(4)}
    assert frames == set("|/-\\")
    assert "1 pages · 2 items (2 new" in render_line(UNKNOWN_TOTAL, 80)


@pytest.mark.parametrize("width", [200, 100, 80, 60, 40, 20, 5, 1])
def test_the_line_fills_the_terminal_but_never_wraps(width):
    for progress in (HALFWAY, UNKNOWN_TOTAL):
        assert len(render_line(progress, width)) == max(width - 1, 1)


def test_a_narrow_terminal_drops_details_before_the_bar():
    line = render_line(HALFWAY, 60).rstrip()
    assert line.startswith("[") and "20/40 items" in line and "new" not in line
    assert render_line(HALFWAY, 30).rstrip() == "20/40 items  50% · 1:15"


def test_a_full_bar_does_not_overflow():
    done = Progress(pages=50, items=40, done=40, total=40)
    assert "[##############################] 40/40 items 100%" in render_line(done, 200)


# --- in a log --------------------------------------------------------------------------


def test_a_log_line_says_everything_in_words():
    assert render_plain(HALFWAY) == (
        "progress 1:15: 5 pages, 20 items (12 new, 6 updated, 2 unchanged, 0 rejected);"
        " 20/40 items (50%)"
    )
    assert render_plain(Progress(problems=2)).endswith(", 2 problems")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_display_redraws_one_line_on_a_terminal():
    out = Terminal()
    display = ProgressDisplay(OutputWrapper(out), every=10)
    display(UNKNOWN_TOTAL)
    display(HALFWAY)
    display.finish()
    text = out.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n") and text.count("\n") == 1


def test_the_display_writes_a_log_line_every_so_often_elsewhere():
    out = io.StringIO()
    display = ProgressDisplay(OutputWrapper(out), every=10)
    for second in (0, 4, 9, 10, 15, 21):
        display(Progress(elapsed=second))
    display.finish()
    assert [line.split(":", 1)[0] for line in out.getvalue().splitlines()] == [
        "progress 0",
        "progress 0",  # 0:10
        "progress 0",  # 0:21
    ]
    assert "0:21" in out.getvalue().splitlines()[-1]


def test_the_child_is_asked_for_progress_only_when_someone_listens():
    assert "--progress-interval" not in command("feed", "f", {"start_urls": ["http://x/"]})
    args = command("feed", "f", {"progress_interval": 0.5})
    assert args[args.index("--progress-interval") + 1] == "0.5"


# --- against the fixture server --------------------------------------------------------


@pytest.mark.slow
@needs_fixtures
def test_run_crawl_reports_progress_while_the_child_runs(fixture_server, crawl_env):
    base_url, _ = fixture_server
    env, _ = crawl_env
    reset(base_url)
    feed_url = base_url + EXPECTED["feeds"][0]["url"]
    seen: list[Progress] = []
    summary = run_crawl(
        "feed",
        "progress-feed",
        {"start_urls": [feed_url], "timeout": 120},
        env=env,
        on_progress=seen.append,
    )
    assert summary.ok, summary.errors
    assert len(seen) >= 2  # when the engine starts, and when the spider closes
    assert [p.elapsed for p in seen] == sorted(p.elapsed for p in seen)
    assert (seen[-1].items, seen[-1].new) == (summary.items, summary.new) == (5, 5)


@pytest.mark.slow
@needs_fixtures
def test_manage_crawl_shows_progress_then_the_summary_table(fixture_server, crawl_env):
    base_url, _ = fixture_server
    env, _ = crawl_env
    reset(base_url)
    created = manage(
        "shell",
        "-c",
        "from crawlers.models import Source; Source.objects.update_or_create(key='site-cmd',"
        " defaults=dict(name='Site', kind='jobposting_site',"
        f" start_urls={base_url + '/karriere/'!r}, sitemap_urls={base_url + '/sitemap.xml'!r}))",
        env=env,
    )
    assert created.returncode == 0, created.stderr
    done = manage("crawl", "site-cmd", "--progress-every", "0", env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    progress = [line for line in lines if line.startswith("progress ")]
    assert len(progress) >= 2, done.stdout
    assert "\r" not in done.stdout  # not a terminal: plain lines, nothing redrawn
    # The sitemap announces its pages, so the log says how far along the crawl is.
    shares = [re.search(r"(\d+)/(\d+) pages \((\d+)%\)", line) for line in progress]
    assert shares[-1] is not None and shares[-1][1] == shares[-1][2], progress
    # The table comes after the last progress line.
    table_start = lines.index("[3/3] summary")
    assert table_start > lines.index(progress[-1])
    table = dict(line.split()[:2] for line in lines[table_start + 1 : table_start + 10])
    assert int(table["items"]) > 0 and table["new"] == table["items"]
    assert f"{table['items']} items ({table['new']} new" in progress[-1]
    # What the crawl stored is in the vacancy index when the command ends.
    indexed = re.search(r"^\s+indexed\s+(\d+)$", done.stdout, re.MULTILINE)
    # (at least this run's vacancies: earlier runs in this installation queued theirs too)
    assert indexed is not None and int(indexed[1]) >= int(table["new"]), done.stdout
    searched = manage(
        "shell",
        "--no-imports",
        "-c",
        "from search.query import Query, search; from search.models import Vacancy;"
        " print(search(Query()).total, Vacancy.objects.filter(state='active',"
        " duplicate_of=None).count())",
        env=env,
    )
    found, visible = searched.stdout.split()
    assert found == visible != "0", searched.stderr
