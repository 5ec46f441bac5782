"""infra/audit.sh's verdict on a pip-audit report (made here, so no network)."""

from __future__ import annotations

import json
import os
import subprocess

from tests.processes import REPO


def audit(tmp_path, dependencies, **env) -> subprocess.CompletedProcess[str]:
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"dependencies": dependencies, "fixes": []}))
    return subprocess.run(
        ["bash", "infra/audit.sh"],
        cwd=REPO,
        env={**os.environ, "LOTSE_AUDIT_REPORT": str(report), **env},
        capture_output=True,
        text=True,
        check=False,
    )


def vulnerable(name, version, vuln_id, fix_versions):
    return {
        "name": name,
        "version": version,
        "vulns": [{"id": vuln_id, "fix_versions": fix_versions, "aliases": [], "description": ""}],
    }


CLEAN = {"name": "django", "version": "5.2.19", "vulns": []}


def test_a_vulnerability_with_a_fixed_release_fails_and_names_the_fix(tmp_path):
    result = audit(tmp_path, [CLEAN, vulnerable("wagtail", "8.0.1", "GHSA-x", ["8.0.2"])])
    assert result.returncode == 1
    assert "wagtail 8.0.1: GHSA-x (fixed in 8.0.2)" in result.stderr


def test_a_vulnerability_without_a_fix_is_reported_but_passes(tmp_path):
    result = audit(tmp_path, [CLEAN, vulnerable("nh3", "0.3", "PYSEC-y", [])])
    assert result.returncode == 0, result.stderr
    assert "no fix yet: nh3 0.3: PYSEC-y" in result.stderr


def test_packages_without_data_are_listed_and_fail_only_when_strict(tmp_path):
    deps = [CLEAN, {"name": "segno", "skip_reason": "Dependency not found on PyPI"}]
    lenient = audit(tmp_path, deps)
    strict = audit(tmp_path, deps, LOTSE_AUDIT_STRICT="1")
    assert lenient.returncode == 0
    assert "no vulnerability data for 1 package(s): segno" in lenient.stderr
    assert strict.returncode == 1


def test_an_audit_that_reached_no_package_says_it_was_not_performed(tmp_path):
    result = audit(tmp_path, [{"name": "segno", "skip_reason": "Dependency not found on PyPI"}])
    assert "NOT PERFORMED" in result.stderr
