"""The composite GitHub Action: its steps run commands this lawcheck has, and take inputs safely."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from .conftest import PROFILES, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_is_composite_with_documented_inputs():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "checklists", "fail-on", "baseline", "sarif", "python-version"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ACTION["inputs"]:
        assert f"`{name}`" in readme, name


def test_inputs_never_reach_a_script_directly():
    # ${{ inputs.x }} pasted into `run:` is a shell-injection hole; they must come in through env
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")


def test_the_action_commands_work_on_a_profile_directory(tmp_path):
    """Run the SARIF and threshold steps' commands as the action does (bash, env inputs)."""
    steps = {s.get("name"): s for s in ACTION["runs"]["steps"]}
    env = {
        "LAWCHECK_PATHS": str(PROFILES / "gb.yaml"),
        "LAWCHECK_CHECKLISTS": "palermo coe-2005",
        "LAWCHECK_FAIL_ON": "critical unknown",
        "LAWCHECK_BASELINE": "",
        "PATH": f"{sys.exec_prefix}/bin:/usr/bin:/bin",
    }
    sarif = subprocess.run(
        ["bash", "-c", steps["SARIF report"]["run"]], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert sarif.returncode == 0, sarif.stderr
    assert (tmp_path / "lawcheck-sarif" / "gb.sarif").exists()
    check = subprocess.run(
        ["bash", "-c", steps["Check thresholds"]["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and re.search(r"unknown requirements", check.stderr), check.stderr
