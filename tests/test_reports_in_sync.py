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
