#!/usr/bin/env bash
# Back up this Lotse installation (database and uploaded files) into DEST.
# Usage: bash infra/backup/backup.sh DEST [--keep N]
# Reads the same environment as Lotse itself (DATABASE_URL or DATABASE_URL_FILE,
# LOTSE_DATA_DIR, DJANGO_SETTINGS_MODULE ...). Prints the new backup's folder.
# What a backup holds: infra/backup/lotse_backup.py; how to use it: infra/deploy/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# The project's virtual environment, or (in the container image) the python on PATH.
python=${LOTSE_PYTHON_BIN:-$root/.venv/bin/python}
[[ -x $python ]] || python=python
exec "$python" "$root/infra/backup/lotse_backup.py" backup "$@"
