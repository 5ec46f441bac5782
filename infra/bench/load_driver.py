"""The load generator of bench_load.py: Locust, headless, in a process of its own.

    python infra/bench/load_driver.py PLAN.json RESULT.json

Locust's users are closed-loop clients: each keeps one connection open
(FastHttpUser, geventhttpclient) and sends its next request as soon as the
previous one is answered, after `think_seconds` (0 unless the plan says
otherwise). Each user walks the plan's list of paths from its own starting
point; a path carries the name of its endpoint group.

The plan runs its steps one after another on the same users: a step sets the
number of users and the mix of paths, waits until they are spawned, until
every request sent before the step is answered (so a slow queue left by the
step before does not spill into this one; with fewer users, also as long as
the server needs for the requests of the users stopped) and `settle_seconds`
more, with
nothing recorded, then records the requests it sent for its `seconds`.
Recorded per step and group: requests answered (any 2xx, or a 3xx followed to
its end), errors (any other status, a failed or timed-out connection) by
kind, and the exact time of every answered request, from sending to the last
byte; from them requests/s and p50/p95/p99. Also the CPU time of this
process (the generator), of the plan's `processes` (with their children)
and of the whole machine, and the load average.

Locust patches the standard library for gevent when it is imported, which
is why this runs in its own process and not inside the harness.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import resource
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gevent
import locust
import psutil
from locust import FastHttpUser, constant, events, task
from locust.env import Environment

PERCENTILES = {"p50": 50, "p95": 95, "p99": 99}


@dataclass
class Group:
    milliseconds: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # an address per kind of error

    def summary(self, seconds: float) -> dict[str, Any]:
        times = self.milliseconds
        errors = sum(self.errors.values())
        found: dict[str, Any] = {
            "requests": len(times) + errors,
            "answered": len(times),
            "errors": errors,
            "error_kinds": dict(self.errors.most_common()),
            "error_examples": self.examples,
            "requests_per_s": round(len(times) / seconds, 1) if seconds else 0.0,
            "mean_ms": round(statistics.fmean(times), 1) if times else 0.0,
            "max_ms": round(max(times), 1) if times else 0.0,
        }
        for label, percent in PERCENTILES.items():
            found[f"{label}_ms"] = percentile(times, percent)
        return found


def percentile(samples: list[float], percent: int) -> float:
    if len(samples) < 2:
        return round(samples[0], 1) if samples else 0.0
    return round(statistics.quantiles(samples, n=100, method="inclusive")[percent - 1], 1)


class State:
    """What the users read: the current mix, and where answers are recorded (None: nowhere)."""

    mixes: dict[str, list[tuple[str, str]]] = {}
    mix: str = ""
    bucket: dict[str, Group] | None = None
    starts = itertools.count()
    # Each step is a generation; requests are counted in flight by the generation they
    # were sent in, so a step can wait until the last step's requests are answered.
    generation = 0
    in_flight: Counter[int] = Counter()


class Client(FastHttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        # Spread the users over the path list: a prime stride, so they rarely meet.
        self.position = next(State.starts) * 7919

    @task
    def next_request(self) -> None:
        paths = State.mixes[State.mix]
        group, path = paths[self.position % len(paths)]
        self.position += 1
        generation = State.generation
        State.in_flight[generation] += 1
        try:
            self.client.get(path, name=group, context={"generation": generation})
        finally:
            State.in_flight[generation] -= 1


def _record(
    name: str,
    response_time: float,
    exception: BaseException | None = None,
    response: Any = None,
    context: dict[str, Any] | None = None,
    **kwargs: Any,
) -> None:
    bucket = State.bucket
    if bucket is None or (context or {}).get("generation") != State.generation:
        return
    group = bucket.setdefault(name, Group())
    if exception is None:
        group.milliseconds.append(response_time)
        return
    status = getattr(response, "status_code", 0) or 0
    kind = f"HTTP {status}" if status else type(exception).__name__
    group.errors[kind] += 1
    group.examples.setdefault(kind, str(kwargs.get("url", "")))


events.request.add_listener(_record)


def _cpu_seconds(pids: list[int]) -> float:
    """CPU seconds of these processes and all their children, reaped or alive."""
    total = 0.0
    for pid in pids:
        try:
            process = psutil.Process(pid)
            times = process.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
            for child in process.children(recursive=True):
                try:
                    times = child.cpu_times()
                    total += times.user + times.system
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
    return total


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far."""
    times = psutil.cpu_times()
    total = sum(times)
    return total - times.idle - getattr(times, "iowait", 0.0), total


def _wait_for_users(runner: Any, users: int) -> None:
    deadline = time.monotonic() + 60
    while runner.user_count != users and time.monotonic() < deadline:
        gevent.sleep(0.1)


def _wait_for_earlier_requests(timeout: float) -> None:
    """Until every request sent before this step is answered (or failed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        count for generation, count in State.in_flight.items() if generation < State.generation
    ):
        gevent.sleep(0.05)


def run(plan: dict[str, Any]) -> dict[str, Any]:
    State.mixes = {name: [tuple(item) for item in paths] for name, paths in plan["mixes"].items()}
    think = float(plan.get("think_seconds", 0))
    Client.wait_time = constant(think)
    timeout = float(plan.get("timeout_seconds", 60))
    Client.network_timeout = Client.connection_timeout = timeout
    processes: dict[str, list[int]] = plan.get("processes", {})
    environment = Environment(user_classes=[Client], events=events, host=plan["host"])
    runner = environment.create_local_runner()
    steps = []
    try:
        for step in plan["steps"]:
            State.bucket = None
            State.mix = step["mix"]
            State.generation += 1
            users = int(step["users"])
            changed = time.perf_counter()
            runner.start(users, spawn_rate=min(max(users, 1), 100), wait=False)
            _wait_for_users(runner, users)
            _wait_for_earlier_requests(timeout + 5)
            if steps and users < steps[-1]["users"]:
                # The server still works through the requests of the users just stopped.
                abandoned = steps[-1]["users"] - users
                gevent.sleep(min(abandoned / max(steps[-1]["all"]["requests_per_s"], 1), timeout))
            drained = time.perf_counter() - changed
            gevent.sleep(float(plan.get("settle_seconds", 3)))
            print(f"  load step {step['label']}: {users} users", file=sys.stderr, flush=True)
            bucket: dict[str, Group] = {}
            load_before = os.getloadavg()[0]
            own, machine = _own_cpu_seconds(), _machine_busy()
            others = {name: _cpu_seconds(pids) for name, pids in processes.items()}
            started = time.perf_counter()
            State.bucket = bucket
            gevent.sleep(float(step["seconds"]))
            State.bucket = None
            seconds = time.perf_counter() - started
            busy, total = _machine_busy()
            cpu = {"generator": (_own_cpu_seconds() - own) / seconds * 100}
            cpu |= {n: (_cpu_seconds(processes[n]) - s) / seconds * 100 for n, s in others.items()}
            cpu = {name: round(value, 1) for name, value in cpu.items()}
            cpu["machine_busy"] = round(
                (busy - machine[0]) / max(total - machine[1], 1e-9) * 100, 1
            )
            everything = Group()
            for group in bucket.values():
                everything.milliseconds += group.milliseconds
                everything.errors.update(group.errors)
                everything.examples = {**group.examples, **everything.examples}
            steps.append(
                {
                    **step,
                    "seconds": round(seconds, 1),
                    "drain_seconds": round(drained, 1),
                    "groups": {
                        name: group.summary(seconds) for name, group in sorted(bucket.items())
                    },
                    "all": everything.summary(seconds),
                    "cpu_percent": cpu,
                    "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
                }
            )
    finally:
        runner.quit()
    return {"locust": locust.__version__, "think_seconds": think, "steps": steps}


def main() -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    plan_path, result_path = map(Path, sys.argv[1:3])
    result = run(json.loads(plan_path.read_text()))
    result_path.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
