"""Reservations: an accepted gap is reported as reserved and does not fail the run until it expires."""

from __future__ import annotations

import json

import jsonschema
from typer.testing import CliRunner

from lawcheck.cli import app

from .report.test_sarif import sarif_schema

runner = CliRunner()

RESERVATIONS = """
reservations:
  PAL-DEF-ACTS:
    justification: Receipt is covered by the Penal Code's general harbouring offence; amendment scheduled.
    accepted_by: Committee on Legal Affairs
    accepted_on: 2026-10-01
    expires: {acts}
  PAL-DEF-CHILD-AGE:
    justification: The age is being raised to 18 in the next reading.
    accepted_by: Committee on Legal Affairs
    expires: {age}
"""


def reserved(edited, acts="2099-12-31", age="2099-12-31", extra=""):
    block = RESERVATIONS.format(acts=acts, age=age) + extra
    return edited(("\ninstruments:\n", block + "\ninstruments:\n"))


def check(path, *args):
    return runner.invoke(app, ["check", str(path), *args])


def test_active_reservations_are_shown_and_never_hidden(edited):
    path = reserved(edited)
    text = check(path, "-f", "markdown", "--fail-on", "none").stdout
    assert "**Reserved** (until 2099-12-31; accepted by Committee on Legal Affairs on 2026-10-01)" in text
    assert "Receipt is covered by the Penal Code" in text
    assert "; reserved until 2099-12-31." in text  # also in the key-gaps list
    data = json.loads(check(path, "-f", "json", "--fail-on", "none").stdout)
    acts = next(f for f in data["findings"] if f["requirement"] == "PAL-DEF-ACTS")
    assert acts["status"] == "partial" and acts["reservation"]["state"] == "active"


PURPOSES = """  PAL-DEF-PURPOSES:
    justification: The list of purposes is under review by the drafting committee.
    accepted_by: Committee on Legal Affairs
    expires: 2099-12-31
"""


def test_reserved_gaps_do_not_fail_until_they_expire(edited):
    # the bill's critical gaps are PAL-DEF-ACTS and PAL-DEF-PURPOSES
    assert check(edited(), "-f", "json", "--fail-on", "critical").exit_code == 1
    both = reserved(edited, extra=PURPOSES)
    result = check(both, "-f", "json", "--fail-on", "critical")
    assert result.exit_code == 0, result.stderr
    expired = reserved(edited, acts="2001-01-01", extra=PURPOSES)
    assert check(expired, "-f", "json", "--fail-on", "critical").exit_code == 1
    data = json.loads(check(expired, "-f", "json", "--fail-on", "none").stdout)
    acts = next(f for f in data["findings"] if f["requirement"] == "PAL-DEF-ACTS")
    assert acts["reservation"]["state"] == "expired"
    md = check(expired, "-f", "markdown", "--fail-on", "none").stdout
    assert "**Reservation expired** (until 2001-01-01" in md and "no longer counts" in md


def test_sarif_and_junit_carry_the_reservation(edited):
    path = reserved(edited, age="2001-01-01")
    sarif = json.loads(check(path, "-f", "sarif", "--fail-on", "none").stdout)
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    assert results["PAL-DEF-ACTS"]["suppressions"][0]["status"] == "accepted"
    assert results["PAL-DEF-CHILD-AGE"]["suppressions"][0]["status"] == "rejected"
    jsonschema.Draft7Validator(sarif_schema()).validate(sarif)  # suppressions as SARIF defines them
    junit = check(path, "-f", "junit", "--fail-on", "none").stdout
    assert 'message="Partly met; reserved until 2099-12-31' in junit


def reservation(rid: str, **fields: str) -> tuple[str, str]:
    body = "".join(f"    {k}: {v}\n" for k, v in fields.items())
    return ("\ninstruments:\n", f"\nreservations:\n  {rid}:\n{body}\ninstruments:\n")


def test_malformed_and_misspelt_reservations_exit_2(edited):
    missing = edited(reservation("PAL-DEF-ACTS", accepted_by="X", expires="2099-01-01"))
    result = check(missing, "--fail-on", "none")
    assert result.exit_code == 2 and "reservations.PAL-DEF-ACTS.justification" in result.stderr
    typo = edited(
        reservation("PAL-DEF-AKTS", justification="j", accepted_by="X", expires="2099-01-01"),
        name="typo.yaml",
    )
    result = check(typo, "--fail-on", "none")
    assert result.exit_code == 2 and "typo.yaml:9:3: reservations.PAL-DEF-AKTS" in result.stderr
    assert "did you mean 'PAL-DEF-ACTS'" in result.stderr
    bad_date = edited(
        reservation("PAL-DEF-ACTS", justification="j", accepted_by="X", expires="soon"), name="d.yaml"
    )
    assert check(bad_date, "--fail-on", "none").exit_code == 2


def test_validate_reports_a_misspelt_reservation(edited):
    typo = edited(reservation("PAL-DEF-AKTS", justification="j", accepted_by="X", expires="2099-01-01"))
    result = runner.invoke(app, ["validate", str(typo)])
    assert result.exit_code == 2 and "reservations.PAL-DEF-AKTS" in result.stderr
