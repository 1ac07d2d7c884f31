"""`lawcheck extract` and `lawcheck check DRAFT` through the CLI."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from lawcheck.cli import app
from lawcheck.loading import load_profile

from .conftest import BILL_TXT

runner = CliRunner()


def test_extract_writes_a_valid_editable_profile(tmp_path, catalogue, bill_docx):
    out = tmp_path / "draft-profile.yaml"
    result = runner.invoke(
        app,
        [
            "extract",
            str(bill_docx),
            "-o",
            str(out),
            "--jurisdiction",
            "XX",
            "--name",
            "Exampleland bill",
            "--as-of",
            "2026-11-01",
            "--status",
            "bill",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert "facts detected" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Machine-extracted by `lawcheck extract`")
    profile = load_profile(out, catalogue)  # what extract writes loads back as a profile
    assert profile.name == "Exampleland bill" and profile.status.value == "bill"
    assert profile.extracted_from == "exampleland-bill.docx" and profile.machine_extracted
    acts = profile.fact("definition.acts")
    assert acts.extracted and acts.evidence[0].section == "s. 1(1)" and acts.evidence[0].lines
    # undetected facts are explicitly not assessed, never silently "no"
    assert "not detected" in profile.fact("legal_persons.further_sanctions").not_assessed


def test_extract_is_deterministic_and_never_clobbers(tmp_path):
    out = tmp_path / "p.yaml"
    args = ["extract", str(BILL_TXT), "--as-of", "2026-11-01"]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == 0 and first.stdout == second.stdout
    out.write_text("# my reviewed profile\n", encoding="utf-8")
    refused = runner.invoke(app, [*args, "-o", str(out)])
    assert refused.exit_code == 2 and "refusing to overwrite" in refused.stderr
    assert out.read_text(encoding="utf-8") == "# my reviewed profile\n"
    forced = runner.invoke(app, [*args, "-o", str(out), "--force"])
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8") == first.stdout


def test_extract_bad_input_exits_2(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 2 and "empty" in result.stderr and "Traceback" not in result.output
    bad_date = runner.invoke(app, ["extract", str(BILL_TXT), "--as-of", "yesterday"])
    assert bad_date.exit_code == 2 and "--as-of" in bad_date.stderr
    bad_language = runner.invoke(app, ["extract", str(BILL_TXT), "--language", "zz"])
    assert bad_language.exit_code == 2 and "available: en" in bad_language.stderr


def test_check_on_a_draft_extracts_then_evaluates_with_a_banner(bill_pdf):
    result = runner.invoke(app, ["check", str(bill_pdf), "-f", "markdown", "--fail-on", "none"])
    assert result.exit_code == 0, result.stderr
    assert "**Machine-extracted facts.**" in result.stdout and "(machine-extracted)" in result.stdout
    assert "MACHINE-EXTRACTED" in result.stderr
    as_json = json.loads(
        runner.invoke(app, ["check", str(bill_pdf), "-f", "json", "--fail-on", "none"]).stdout
    )
    assert as_json["profile"]["machine_extracted"] is True
    acts = next(f for f in as_json["findings"] if f["requirement"] == "PAL-DEF-ACTS")
    assert acts["status"] == "partial" and acts["facts"][0]["extracted"] is True
    terminal = runner.invoke(app, ["check", str(bill_pdf)])
    assert terminal.exit_code == 1 and "MACHINE-EXTRACTED" in terminal.stdout


def test_diff_current_profile_against_draft_docx(bill_docx):
    from .conftest import PROFILES

    result = runner.invoke(
        app, ["diff", str(PROFILES / "exampleland-bill.yaml"), str(bill_docx), "-f", "markdown"]
    )
    assert result.exit_code in (0, 1), result.stderr
    assert (
        "# Changes: Exampleland (fictional)" in result.stdout and "Machine-extracted facts" in result.stdout
    )
