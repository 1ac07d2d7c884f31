"""diff: every kind of change between two versions of a law, its reports, and its exit code."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lawcheck.cli import app
from lawcheck.criteria import Status
from lawcheck.diff import Change, classify, diff
from lawcheck.evaluation import evaluate
from lawcheck.loading import load_profile
from lawcheck.report.diff import render_json, render_markdown

from .conftest import EXAMPLELAND

ACTS = "value: [recruitment, transportation, transfer, harbouring]"
CONSENT = "    consent_irrelevant:\n      value: true"
PURPOSES = "value: [prostitution_of_others, forced_labour_or_services, slavery]"
PERMIT = "    temporary_permit:\n      value: true"


@pytest.fixture
def draft(edited):
    """The bill, amended: one gap closed, one opened, one worsened, one fact no longer assessed."""
    return edited(
        (ACTS, "value: [recruitment, transportation, transfer, harbouring, receipt]"),
        (CONSENT, "    consent_irrelevant:\n      value: false"),
        (PURPOSES, "value: []"),
        (PERMIT, "    temporary_permit:\n      value: true\n      extracted: true"),
        name="draft.yaml",
    )


def changes(base_path, new_path, builtin):
    catalogue, checklists = builtin
    a, b = (
        evaluate(load_profile(p, catalogue), catalogue, checklists, str(p)) for p in (base_path, new_path)
    )
    delta = diff(a, b)
    return delta, {e.requirement.id: e.change for e in delta.entries}


@pytest.mark.parametrize(
    ("base", "new", "change"),
    [
        (Status.PARTIAL, Status.MET, Change.CLOSED),
        (Status.NOT_MET, Status.MET, Change.CLOSED),
        (Status.MET, Status.PARTIAL, Change.OPENED),
        (Status.MET, Status.NOT_MET, Change.OPENED),
        (Status.NOT_MET, Status.PARTIAL, Change.IMPROVED),
        (Status.PARTIAL, Status.NOT_MET, Change.WORSENED),
        (Status.MET, Status.UNKNOWN, Change.UNANSWERED),
        (Status.UNKNOWN, Status.NOT_MET, Change.ANSWERED),
        (Status.NOT_APPLICABLE, Status.MET, Change.ANSWERED),
        (Status.NOT_APPLICABLE, Status.UNKNOWN, Change.UNANSWERED),
        (Status.UNKNOWN, Status.UNKNOWN, Change.UNCHANGED),
        (Status.PARTIAL, Status.PARTIAL, Change.UNCHANGED),
    ],
)
def test_classify(base, new, change):
    assert classify(base, new) is change


def test_every_kind_of_change_between_two_profiles(draft, builtin):
    delta, kinds = changes(EXAMPLELAND, draft, builtin)
    assert kinds["PAL-DEF-ACTS"] is Change.CLOSED
    assert kinds["PAL-DEF-CONSENT"] is Change.OPENED
    assert kinds["PAL-DEF-PURPOSES"] is Change.WORSENED
    assert delta.regresses
    back, reverse = changes(draft, EXAMPLELAND, builtin)
    assert reverse["PAL-DEF-PURPOSES"] is Change.IMPROVED
    assert reverse["PAL-DEF-ACTS"] is Change.OPENED and back.regresses
    assert sum(delta.counts.values()) == len(delta.entries) == len(delta.base.findings)


def test_no_change_means_no_regression(builtin):
    delta, kinds = changes(EXAMPLELAND, EXAMPLELAND, builtin)
    assert set(kinds.values()) == {Change.UNCHANGED} and not delta.regresses


def test_markdown_and_json_show_evidence_on_both_sides(draft, builtin):
    delta, _ = changes(EXAMPLELAND, draft, builtin)
    text = render_markdown(delta)
    assert "## Gaps closed" in text and "## Gaps opened" in text and "## Worsened" in text
    section = text.split("### PAL-DEF-ACTS")[1].split("###")[0]
    assert "Partly met → Met" in section
    assert "**Base: Partly met**" in section and "**New: Met**" in section
    assert "recruits, transports, transfers or harbours" in section  # the quote, on both sides
    assert "Machine-extracted facts" in text  # the draft has an extracted fact
    data = json.loads(render_json(delta))
    entry = next(c for c in data["changes"] if c["requirement"] == "PAL-DEF-CONSENT")
    assert entry["change"] == "opened" and entry["base"]["status"] == "met"
    assert entry["base"]["facts"][0]["evidence"][0]["section"] == "s. 1(6)"
    assert data["regresses"] is True and data["counts"]["opened"] >= 1


runner = CliRunner()


def test_cli_exit_codes(draft, tmp_path):
    opened = runner.invoke(app, ["diff", str(EXAMPLELAND), str(draft)])
    assert opened.exit_code == 1 and "opened     PAL-DEF-CONSENT" in opened.stdout
    same = runner.invoke(app, ["diff", str(EXAMPLELAND), str(EXAMPLELAND)])
    assert same.exit_code == 0
    missing = runner.invoke(app, ["diff", str(EXAMPLELAND), str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_cli_writes_markdown_and_refuses_to_clobber(draft, tmp_path):
    out = tmp_path / "changes.md"
    first = runner.invoke(app, ["diff", str(EXAMPLELAND), str(draft), "-f", "markdown", "-o", str(out)])
    assert first.exit_code == 1 and out.read_text(encoding="utf-8").startswith("<!-- lawcheck report")
    again = runner.invoke(app, ["diff", str(EXAMPLELAND), str(draft), "-f", "markdown", "-o", str(out)])
    assert again.exit_code == 1  # our own report: overwritten
    mine = tmp_path / "notes.md"
    mine.write_text("my notes", encoding="utf-8")
    refused = runner.invoke(app, ["diff", str(EXAMPLELAND), str(draft), "-f", "json", "-o", str(mine)])
    assert refused.exit_code == 2 and mine.read_text(encoding="utf-8") == "my notes"
