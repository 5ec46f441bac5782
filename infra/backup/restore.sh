#!/usr/bin/env bash
# Restore this Lotse installation from a backup folder made by backup.sh, then
# rebuild the search indices from the restored database.
# Usage: bash infra/backup/restore.sh BACKUP [--create-database] [--no-rebuild]
# Stop the web server, workers and beat first; the database's contents and the
# media folder are replaced by the backup's.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# The project's virtual environment, or (in the container image) the python on PATH.
python=${LOTSE_PYTHON_BIN:-$root/.venv/bin/python}
[[ -x $python ]] || python=python
cd "$root"
exec "$python" "$root/infra/backup/lotse_backup.py" restore "$@"
