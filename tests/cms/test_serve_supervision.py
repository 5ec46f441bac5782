"""The run command keeps web, worker and beat together: one ends, all end."""

import subprocess
import sys
import time

from cms.management.commands.serve import Command

IGNORE_SIGTERM = (
    "import signal, time\n"
    "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
    "print('ready', flush=True)\n"
    "time.sleep(60)\n"
)


def test_when_one_process_ends_the_others_are_stopped_and_the_exit_is_an_error():
    command = Command()
    started = time.monotonic()
    code = command.supervise(
        {
            "long": [sys.executable, "-c", "import time; time.sleep(60)"],
            "short": [sys.executable, "-c", "raise SystemExit(3)"],
        }
    )
    assert code == 1
    assert time.monotonic() - started < 20


def test_stop_all_kills_a_process_that_ignores_sigterm(monkeypatch):
    monkeypatch.setattr("cms.management.commands.serve.STOP_GRACE_SECONDS", 1)
    stubborn = subprocess.Popen(
        [sys.executable, "-c", IGNORE_SIGTERM],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert stubborn.stdout.readline().strip() == "ready"
    Command().stop_all({"stubborn": stubborn})
    assert stubborn.returncode == -9
