#!/usr/bin/env bash
# Run the registered benchmarks (infra/bench/bench_*.py) and write their
# metrics as JSON (default infra/bench/results/latest.json).
set -euo pipefail
# shellcheck source=infra/lib/venv.sh
source "$(dirname "$0")/../lib/venv.sh"
ensure_venv dev
cd "$LOTSE_ROOT"
exec .venv/bin/python infra/bench/harness.py "$@"
