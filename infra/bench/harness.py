"""The benchmark harness: runs the registered benchmarks, writes one JSON file.

Benchmarks live in `bench_*.py` beside this file and register with
`@benchmark("name")`. Each returns metrics; a metric may carry a baseline
measured in the same run, and then its ratio to that baseline is reported,
because absolute numbers mean little across machines.

    bash infra/bench/run.sh [--only NAME ...] [--output FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


@dataclass
class Metric:
    name: str
    value: float
    unit: str
    baseline_name: str | None = None
    baseline_value: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline_value in (None, 0):
            return None
        return round(self.value / self.baseline_value, 3)

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio}


Benchmark = Callable[[], list[Metric]]
REGISTRY: dict[str, Benchmark] = {}


def benchmark(name: str) -> Callable[[Benchmark], Benchmark]:
    def register(function: Benchmark) -> Benchmark:
        REGISTRY[name] = function
        return function

    return register


def load_benchmarks() -> None:
    # Benchmarks import this module as `harness`; when it runs as a script it
    # must be that same module, or they would fill another registry.
    sys.modules.setdefault("harness", sys.modules[__name__])
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(f"lotse_bench.{path.stem}", path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load benchmark module {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)


def run(names: list[str]) -> dict[str, object]:
    results: dict[str, object] = {}
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        started = time.monotonic()
        metrics = REGISTRY[name]()
        results[name] = {
            "seconds": round(time.monotonic() - started, 1),
            "metrics": [metric.as_dict() for metric in metrics],
        }
        for metric in metrics:
            ratio = f" ({metric.ratio}x {metric.baseline_name})" if metric.ratio else ""
            print(f"  {metric.name}: {metric.value} {metric.unit}{ratio}", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    load_benchmarks()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(REGISTRY), default=sorted(REGISTRY))
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    args = parser.parse_args(argv)
    document = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": __import__("os").cpu_count(),
        },
        "benchmarks": run(args.only),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2) + "\n")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
