#!/usr/bin/env bash
# Set up and run Lotse on the embedded default (SQLite, embedded index, a folder
# as Celery broker): installs into .venv, migrates, loads the demo content,
# creates the administrator and serves http://127.0.0.1:8000 with worker and beat.
# Arguments go to `manage.py serve` (e.g. --port 8080).
set -euo pipefail
# shellcheck source=infra/lib/venv.sh
source "$(dirname "$0")/lib/venv.sh"
ensure_venv runtime
cd "$LOTSE_ROOT"
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev}
exec .venv/bin/python manage.py serve "$@"
