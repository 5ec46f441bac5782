"""Who may take over the index lease of a holder that died (search.sync)."""

import os
import subprocess
import sys

from search import sync


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_holder_whose_process_is_gone_on_this_host_can_be_replaced_at_once():
    assert sync._dead_here(f"{sync._host()}:{dead_pid()}:abcdef12")


def test_a_holder_still_running_keeps_its_lease():
    assert not sync._dead_here(f"{sync._host()}:{os.getppid()}:abcdef12")
    assert not sync._dead_here(f"{sync._host()}:{os.getpid()}:abcdef12")


def test_a_holder_on_another_host_or_pid_namespace_waits_for_the_lease_to_expire():
    assert not sync._dead_here(f"elsewhere/1:{dead_pid()}:abcdef12")
    assert not sync._dead_here("not a holder")
