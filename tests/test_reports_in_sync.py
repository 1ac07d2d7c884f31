"""The committed reports in reports/ match what lawcheck renders from the committed profiles.

Regenerate them with the command in the README ("Shipped profiles").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.evaluation import evaluate
from lawcheck.loading import load_profile
from lawcheck.report import Format, render

from .conftest import PROFILES

REPORTS = Path(__file__).resolve().parents[1] / "reports"


@pytest.mark.parametrize("profile", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.stem)
def test_committed_report_is_up_to_date(profile, builtin):
    catalogue, checklists = builtin
    expected = render(
        evaluate(load_profile(profile, catalogue), catalogue, checklists, str(profile)), Format.MARKDOWN
    )
    committed = REPORTS / f"{profile.stem}.md"
    assert committed.exists(), f"missing {committed}; regenerate the reports"
    assert committed.read_text(encoding="utf-8") == expected, f"{committed} is out of date; regenerate it"


def test_committed_matrix_is_up_to_date(builtin):
    from lawcheck.report.matrix import render as render_matrix

    catalogue, checklists = builtin
    assessments = [
        evaluate(load_profile(p, catalogue), catalogue, checklists, str(p))
        for p in sorted(PROFILES.glob("*.yaml"))
    ]
    committed = REPORTS / "matrix.md"
    assert committed.read_text(encoding="utf-8") == render_matrix(assessments), (
        "reports/matrix.md is out of date"
    )


def test_matrix_cells_agree_with_each_profiles_assessment(builtin):
    from lawcheck.criteria import Status
    from lawcheck.report.markdown import md_text
    from lawcheck.report.matrix import SHORT
    from lawcheck.report.matrix import render as render_matrix

    catalogue, checklists = builtin
    assessments = [
        evaluate(load_profile(p, catalogue), catalogue, checklists, str(p))
        for p in sorted(PROFILES.glob("*.yaml"))
    ]
    text = render_matrix(assessments)
    for a in assessments:
        row = next(
            line
            for line in text.splitlines()
            if line.startswith(f"| {a.profile.jurisdiction}: {md_text(a.profile.name)} |")
        )
        c = a.summary("definition").counts
        assert f"| {c[Status.MET]} / {c[Status.PARTIAL]} / {c[Status.NOT_MET]} / {c[Status.UNKNOWN]} |" in row
    header = next(line for line in text.splitlines() if line.startswith("| Requirement |"))
    codes = [cell.strip() for cell in header.split("|")[2:-1]]
    acts = next(line for line in text.splitlines() if line.startswith("| PAL-DEF-ACTS:"))
    cells = [cell.strip() for cell in acts.split("|")[2:-1]]
    for code, cell in zip(codes, cells, strict=True):
        a = next(x for x in assessments if x.profile.jurisdiction == code)
        finding = next(f for f in a.findings if f.requirement.id == "PAL-DEF-ACTS")
        assert cell == SHORT[finding.status]


def test_check_flag_catches_a_report_made_stale_by_a_profile_edit(tmp_path):
    """What CI runs on a collection: an edited profile with its old report fails, naming the report."""
    import shutil

    from typer.testing import CliRunner

    from lawcheck.cli import app

    profiles, reports = tmp_path / "profiles", tmp_path / "reports"
    profiles.mkdir()
    reports.mkdir()
    for code in ("gb", "sg"):
        shutil.copy(PROFILES / f"{code}.yaml", profiles)
        shutil.copy(REPORTS / f"{code}.md", reports)
    args = ["check", str(profiles), "-f", "markdown", "-o", str(reports), "--check", "--fail-on", "none"]
    runner = CliRunner()
    fresh = runner.invoke(app, args)
    assert fresh.exit_code == 0, fresh.stderr
    edited = profiles / "sg.yaml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("name: Singapore", "name: Singapore (edited)", 1), encoding="utf-8")
    stale = runner.invoke(app, args)
    assert stale.exit_code == 1
    assert f"stale: {reports / 'sg.md'} is out of date" in stale.stderr
    assert f"up to date: {reports / 'gb.md'}" in stale.stderr
    assert (reports / "sg.md").read_text(encoding="utf-8") == (REPORTS / "sg.md").read_text(encoding="utf-8")
    (reports / "gb.md").unlink()
    missing = runner.invoke(app, args)
    assert missing.exit_code == 1 and "gb.md is missing" in missing.stderr
