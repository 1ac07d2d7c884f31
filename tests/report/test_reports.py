"""Markdown and JSON reports: golden files, escaping, the recommendation scale, determinism.

Regenerate the golden files after an intended change with:
    LAWCHECK_UPDATE_GOLDEN=1 python -m pytest tests/report
and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from lawcheck.criteria import Status
from lawcheck.evaluation import evaluate
from lawcheck.loading import load_profile
from lawcheck.model import Force
from lawcheck.report import Format, render
from lawcheck.report.common import recommendation
from lawcheck.report.markdown import md_quote, md_text

from ..conftest import EXAMPLELAND

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LAWCHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path}; run with LAWCHECK_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


@pytest.fixture
def assessment(exampleland, builtin):
    return evaluate(exampleland, *builtin, profile_file=str(EXAMPLELAND))


@pytest.mark.parametrize(
    ("fmt", "name"), [(Format.MARKDOWN, "exampleland.md"), (Format.JSON, "exampleland.json")]
)
def test_golden(assessment, fmt, name):
    check_golden(name, render(assessment, fmt))


def test_golden_all_checklists():
    from lawcheck.loading import builtin_checklists, load_checklists, load_profile

    from ..conftest import PROFILES

    catalogue, lists = load_checklists(sorted(builtin_checklists()))
    path = PROFILES / "gb.yaml"
    a = evaluate(load_profile(path, catalogue), catalogue, lists, profile_file=str(path))
    check_golden("gb-all-checklists.md", render(a, Format.MARKDOWN))


def test_markdown_has_every_section(assessment):
    text = render(assessment, Format.MARKDOWN)
    for heading in (
        "## Executive summary",
        "## Key gaps",
        "## Definition scope",
        "## Non-criminalisation of victims",
        "## Residence and status of victims",
        "## Liability of legal persons",
        "## Not assessed",
        "## Methodology",
        "## Disclaimer",
    ):
        assert f"\n{heading}\n" in text
    assert "not legal advice" in text
    # each finding shows both sides: the statute and the standard
    n = len(assessment.findings)
    assert text.count("**What the law says**") == text.count("**What the standard requires**") == n
    assert "- non_criminalisation.no_immigration_detention: The bill is silent on detention" in text


def test_json_is_complete_and_consistent(assessment):
    data = json.loads(render(assessment, Format.JSON))
    assert data["format"] == "lawcheck-assessment" and data["format_version"] == 1
    n = len(assessment.findings)
    assert len(data["findings"]) == n
    counts = data["summary"]["counts"]
    assert sum(counts.values()) == n
    for status in Status:
        assert counts[status.value] == sum(f["status"] == status.value for f in data["findings"])
    acts = next(f for f in data["findings"] if f["requirement"] == "PAL-DEF-ACTS")
    assert acts["missing"] == ["acts lack: receipt"]
    assert acts["facts"][0]["evidence"][0]["section"] == "s. 1(1)"
    assert acts["sources"][0]["citation"] == "Trafficking Protocol, Art. 3(a)"
    assert {a["id"] for a in data["summary"]["areas"]} == {f.requirement.area for f in assessment.findings}


def table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_tables_survive_pipes_and_newlines_in_profile_text(edited, catalogue, checklists):
    path = edited(
        ("name: Exampleland (fictional)", 'name: "Example | land\\nsecond line"'),
        ('quote: "harbours another person"', 'quote: "harbours | another\\nperson"'),
        ("title: Exampleland Anti-Trafficking Bill, 2026 (fictional)", "title: 'Bill | *2026*'"),
    )
    text = render(evaluate(load_profile(path, catalogue), catalogue, checklists), Format.MARKDOWN)
    for block in text.split("\n\n"):
        rows = table_rows(block)
        if rows:
            assert len({unescaped_pipes(r) for r in rows}) == 1, rows
    assert "Example \\| land second line" in text
    assert "> harbours \\| another\n  > person" in text


def test_markdown_escaping_helpers():
    assert md_text("a|b\nc *d* [x](y) <b>") == "a\\|b c \\*d\\* \\[x\\](y) \\<b\\>"
    assert md_quote("line one\n\nline | two") == "> line one\n>\n> line \\| two"


def test_recommendations_follow_binding_force(assessment):
    by_force = {}
    for f in assessment.gaps():
        by_force.setdefault(f.force, recommendation(f))
    assert by_force[Force.SHALL].startswith("We urge the legislator to ")
    assert by_force[Force.SHALL_CONSIDER].startswith("We recommend that the legislator consider ")
    assert by_force[Force.SHOULD].startswith("The legislator is invited to ")
    unknown = next(f for f in assessment.findings if f.status is Status.UNKNOWN)
    assert recommendation(unknown).startswith("Assess the law on this point")
    met = next(f for f in assessment.findings if f.status is Status.MET)
    assert recommendation(met) == ""


def test_same_input_same_bytes(assessment, exampleland, builtin):
    again = evaluate(exampleland, *builtin, profile_file=str(EXAMPLELAND))
    for fmt in Format:
        assert render(assessment, fmt) == render(again, fmt)


EVERY_BRANCH = Path(__file__).resolve().parents[1] / "data" / "profiles" / "every-branch.yaml"


def test_golden_every_branch_of_a_finding(builtin):
    """A finding's section in every variant (reservations, out-of-force evidence, extraction...)."""
    catalogue, lists = builtin
    profile = load_profile(EVERY_BRANCH, catalogue)
    text = render(evaluate(profile, catalogue, lists, profile_file=str(EVERY_BRANCH)), Format.MARKDOWN)
    for variant in (
        "**Reserved** (until 2999-01-01; accepted by Board):",
        "**Reservation expired** (until 2001-01-01; accepted by Chair \\[x\\] on 2000-01-01)",
        "Not counted: every provision cited for this fact is out of force, so the law in force is read as",
        "**fraud** (machine-extracted)",
        "No such provision was found in: Exampleland Penal Code",
        ", lines 3-5 (https://example.org/s1) (**repealed**):",
        "  > recruits \\_someone\\_\n  >\n  > with \\[links\\](x) and \\`code\\`\n  > \\> nested",
    ):
        assert variant in text, variant
    check_golden("every-branch.md", text)


def test_markdown_never_has_runs_of_blank_lines(shipped, builtin):
    """Finding blocks go into the page after its blank lines are collapsed: they must have none."""
    catalogue, lists = builtin
    every = evaluate(load_profile(EVERY_BRANCH, catalogue), catalogue, lists)
    for assessment in [*shipped.values(), every]:
        text = render(assessment, Format.MARKDOWN)
        assert "\n\n\n" not in text, assessment.profile_file
        assert text.count("\n### ") == len(assessment.findings)


def test_markdown_with_the_slot_marker_in_profile_text(exampleland, builtin):
    """Text that happens to hold the internal placeholder still gives the full report, in order."""
    from lawcheck.report.markdown import _SLOT

    odd = exampleland.model_copy(update={"name": f"Odd{_SLOT}name"})
    plain = render(evaluate(exampleland, *builtin), Format.MARKDOWN)
    text = render(evaluate(odd, *builtin), Format.MARKDOWN)
    assert text.startswith(f"{plain.splitlines()[0]}\n# Gap report: Odd{_SLOT}name (XX)\n")
    assert text.split("\n### ", 1)[1] == plain.split("\n### ", 1)[1]  # every finding, in order
