# shellcheck shell=bash
# Creates .venv and installs Lotse into it from the pinned constraints.
# Source this file, then call: ensure_venv runtime|dev
# A stamp of pyproject.toml + constraints.txt skips the install when nothing changed.

LOTSE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

ensure_venv() {
  local extra=""
  [[ $1 == dev ]] && extra=dev
  local venv="$LOTSE_ROOT/.venv"
  local python=${LOTSE_PYTHON:-python3.11}
  command -v "$python" >/dev/null || python=python3
  if ! "$python" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
    echo "Lotse needs Python 3.11; set LOTSE_PYTHON to its interpreter." >&2
    return 1
  fi
  if [[ ! -x "$venv/bin/python" ]]; then
    echo "Creating the virtual environment in .venv ..." >&2
    "$python" -m venv "$venv"
  fi
  local target="."
  [[ -n "$extra" ]] && target=".[$extra]"
  local stamp="$venv/.lotse-installed-$extra"
  local want
  want=$(cat "$LOTSE_ROOT/pyproject.toml" "$LOTSE_ROOT/constraints.txt" | sha256sum | cut -d' ' -f1)
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "Installing Lotse${extra:+ with $extra tools} from constraints.txt ..." >&2
    # The install's chatter goes to a log, shown only when the install fails.
    if ! "$venv/bin/python" -m pip install --disable-pip-version-check \
      -c "$LOTSE_ROOT/constraints.txt" -e "$LOTSE_ROOT/$target" >"$venv/install.log" 2>&1; then
      tail -n 30 "$venv/install.log" >&2
      echo "Installing Lotse failed; the whole log is in $venv/install.log" >&2
      return 1
    fi
    echo "$want" >"$stamp"
  fi
}
