"""Hostile inputs through the real CLI: each ends with a clear message and exit 2, never a traceback.

(Timing is measured in the benchmark, not asserted here; each case finishes in well under a second
because limits are checked before any expensive work.)
"""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from lawcheck.cli import app
from lawcheck.yamlread import MAX_BYTES

runner = CliRunner()


def check(path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(path)])
    assert "Traceback" not in result.stderr + result.stdout
    return result.exit_code, result.stderr


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


CASES = {
    "billion laughs": ('a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n', "anchors"),
    "deep nesting": ("x: " + "[" * 5000 + "]" * 5000 + "\n", "deeper than"),
    "non-UTF-8": (b"jurisdiction: GB\nname: \xe9\xe8\n", "not UTF-8"),
    "tab indentation": ("jurisdiction: GB\nfacts:\n\tdefinition: {}\n", "malformed YAML"),
    "duplicate deep key": (
        "jurisdiction: GB\nfacts:\n  definition:\n    acts:\n      value: []\n      value: []\n",
        "duplicate key",
    ),
    "non-string key": ("jurisdiction: GB\n1: one\n", "not a string"),
    "python tag": ("jurisdiction: !!python/object/apply:os.system ['echo hi']\n", "unsupported YAML tag"),
    "two documents": ("a: 1\n---\nb: 2\n", "one YAML document"),
    "NUL byte": (b"jurisdiction: GB\x00\n", "malformed YAML"),
    "a list at the top": ("- 1\n- 2\n", "expected a mapping"),
    "empty file": ("", "empty"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_yaml(tmp_path, case):
    data, expected = CASES[case]
    code, err = check(write(tmp_path, "p.yaml", data))
    assert code == 2, err
    assert "p.yaml" in err and expected in err


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: the size check must come first
    code, err = check(path)
    assert code == 2 and f"the limit is {MAX_BYTES:,} bytes" in err


def test_bom_is_fine(tmp_path):
    from .conftest import EXAMPLELAND

    path = write(tmp_path, "bom.yaml", b"\xef\xbb\xbf" + EXAMPLELAND.read_bytes())
    code, err = check(path)
    assert code == 1 and "XX: 12 met" in err


def test_directory_given_as_a_file(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and "no YAML files found" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    os.symlink(b, a)
    os.symlink(a, b)
    code, err = check(a)
    assert code == 2 and "a.yaml" in err and "cannot be read" in err


def test_checklist_criterion_on_a_missing_field(tmp_path):
    bad = write(
        tmp_path,
        "mine.yaml",
        "checklist: mine\ntitle: t\nversion: '1'\nrequirements:\n  - id: MY-X\n    area: definition\n"
        "    title: t\n    sources: [palermo-5-1]\n    criterion: {type: is_true, fact: definition.nope}\n"
        "    severity: low\n    rationale: r\n    remedy: do it\n",
    )
    from .conftest import EXAMPLELAND

    result = runner.invoke(app, ["check", str(EXAMPLELAND), "-c", str(bad)])
    assert result.exit_code == 2 and "unknown fact 'definition.nope'" in result.stderr
    assert "mine.yaml:9:" in result.stderr
