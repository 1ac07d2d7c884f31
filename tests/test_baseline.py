"""Baselines: CI fails only on gaps (and unknowns) that are new or worse than the accepted ones."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lawcheck.cli import app

from .conftest import EXAMPLELAND

runner = CliRunner()


def check(*args):
    return runner.invoke(app, ["check", *map(str, args)])


@pytest.fixture
def baseline(tmp_path, edited):
    """A baseline written from the bill as it is (with its accepted gaps)."""
    profile = edited(name="bill.yaml")  # an unchanged copy, named like the file CI will check
    path = tmp_path / "baseline.json"
    written = check(profile, "-f", "json", "--write-baseline", path, "--fail-on", "none")
    assert written.exit_code == 0, written.stderr
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (
        data["format"] == "lawcheck-baseline" and data["profiles"]["bill.yaml"]["PAL-DEF-ACTS"] == "partial"
    )
    return path


def test_same_gaps_pass_against_their_baseline(baseline, edited):
    profile = edited(name="bill.yaml")
    assert check(profile, "-f", "json").exit_code == 1  # without the baseline: high gaps fail
    result = check(profile, "-f", "json", "--baseline", baseline)
    assert result.exit_code == 0 and "no new or worse gaps" in result.stderr


def test_a_new_gap_fails(baseline, edited):
    profile = edited(
        ("    consent_irrelevant:\n      value: true", "    consent_irrelevant:\n      value: false"),
        name="bill.yaml",
    )
    result = check(profile, "-f", "json", "--baseline", baseline)
    assert result.exit_code == 1 and "new or worse gaps" in result.stderr


def test_a_worse_gap_fails_and_a_better_one_passes(baseline, edited):
    worse = edited(
        ("value: [prostitution_of_others, forced_labour_or_services, slavery]", "value: []"), name="bill.yaml"
    )
    assert check(worse, "-f", "json", "--baseline", baseline).exit_code == 1  # partly met -> not met
    better = edited(
        (
            "value: [recruitment, transportation, transfer, harbouring]",
            "value: [recruitment, transportation, transfer, harbouring, receipt]",
        ),
        name="bill.yaml",
    )
    assert check(better, "-f", "json", "--baseline", baseline).exit_code == 0


def test_unknowns_count_only_when_new(baseline, edited):
    from .conftest import fact_block

    same = edited(name="bill.yaml")
    assert check(same, "-f", "json", "--baseline", baseline, "--fail-on", "unknown").exit_code == 0
    block = fact_block(EXAMPLELAND.read_text(encoding="utf-8"), "consent_irrelevant")
    newly_unknown = edited(
        (block, "    consent_irrelevant:\n      not_assessed: s. 1(6) is being re-read\n"), name="bill.yaml"
    )
    result = check(newly_unknown, "-f", "json", "--baseline", baseline, "--fail-on", "unknown")
    assert result.exit_code == 1 and "new or worse unknown requirements" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a readable baseline"),
        ('{"format": "something-else"}', "not a lawcheck baseline"),
        ('{"format": "lawcheck-baseline", "format_version": 9, "profiles": {}}', "format_version 9"),
        (
            '{"format": "lawcheck-baseline", "format_version": 1, "profiles": {"a.yaml": {"X": "great"}}}',
            "great",
        ),
    ],
)
def test_malformed_baseline_exits_2(tmp_path, content, message):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    result = check(EXAMPLELAND, "--baseline", path)
    assert result.exit_code == 2 and message in result.stderr
    assert check(EXAMPLELAND, "--baseline", tmp_path / "missing.json").exit_code == 2


def test_write_baseline_never_clobbers_a_user_file(tmp_path):
    mine = tmp_path / "notes.json"
    mine.write_text("{}", encoding="utf-8")
    result = check(EXAMPLELAND, "--write-baseline", mine, "--fail-on", "none")
    assert result.exit_code == 2 and mine.read_text(encoding="utf-8") == "{}"
