#!/usr/bin/env bash
# Re-pin every dependency (runtime and dev) into constraints.txt after a change
# to pyproject.toml. Installs then use exactly these versions.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pip-compile --quiet --extra dev --strip-extras --no-emit-find-links \
  --no-emit-index-url --no-emit-trusted-host --allow-unsafe \
  --output-file constraints.txt pyproject.toml
