#!/usr/bin/env bash
# Known vulnerabilities in the pinned dependencies (constraints.txt), by
# pip-audit against PyPI's vulnerability data (needs the network; CI runs it
# before the tests). Fails when a vulnerable version has a fixed release: bump
# the pin (pyproject.toml, then infra/lock.sh). Lists, without failing, the
# vulnerabilities no release fixes yet, and the packages PyPI could not tell
# about (LOTSE_AUDIT_STRICT=1 fails on those too).
#
# LOTSE_AUDIT_REPORT=FILE judges a pip-audit JSON report already made instead
# of asking PyPI (the tests do this).
set -euo pipefail
cd "$(dirname "$0")/.."

report=${LOTSE_AUDIT_REPORT:-}
if [[ -z "$report" ]]; then
  report=$(mktemp)
  log=$(mktemp)
  trap 'rm -f "$report" "$log"' EXIT
  # Every pin is exact, so nothing needs resolving: --no-deps --disable-pip.
  # pip-audit exits 1 when it finds anything; the verdict is made below.
  .venv/bin/pip-audit --requirement constraints.txt --no-deps --disable-pip \
    --format json --progress-spinner off --output "$report" >"$log" 2>&1 || true
  [[ -s "$report" ]] || { cat "$log" >&2; echo "audit: pip-audit wrote no report" >&2; exit 2; }
fi

.venv/bin/python - "$report" "${LOTSE_AUDIT_STRICT:-0}" <<'PY'
import json
import sys

report, strict = sys.argv[1], sys.argv[2] == "1"
with open(report) as f:
    dependencies = json.load(f)["dependencies"]
fixable, unfixed, unaudited = [], [], []
for dependency in dependencies:
    if "skip_reason" in dependency:
        unaudited.append(dependency["name"])
        continue
    for vuln in dependency.get("vulns", []):
        line = f"{dependency['name']} {dependency['version']}: {vuln['id']}"
        if vuln.get("fix_versions"):
            fixable.append(f"{line} (fixed in {', '.join(vuln['fix_versions'])})")
        else:
            unfixed.append(f"{line} (no fixed release yet)")
audited = len(dependencies) - len(unaudited)
print(f"audit: {audited} of {len(dependencies)} pinned packages checked", file=sys.stderr)
for line in unfixed:
    print(f"audit: known, no fix yet: {line}", file=sys.stderr)
if unaudited:
    print(
        f"audit: PyPI had no vulnerability data for {len(unaudited)} package(s): "
        + ", ".join(unaudited[:10]) + (" ..." if len(unaudited) > 10 else ""),
        file=sys.stderr,
    )
for line in fixable:
    print(f"audit: VULNERABLE, fix available: {line}", file=sys.stderr)
if fixable:
    print("audit: bump these pins in pyproject.toml and run infra/lock.sh", file=sys.stderr)
    sys.exit(1)
if strict and unaudited:
    print("audit: LOTSE_AUDIT_STRICT=1 and not every package was checked", file=sys.stderr)
    sys.exit(1)
if audited == 0:
    print("audit: NOT PERFORMED: PyPI answered for no package (is it reachable?)", file=sys.stderr)
else:
    print("audit: no known vulnerability with a fix available", file=sys.stderr)
PY
