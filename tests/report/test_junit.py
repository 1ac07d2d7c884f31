"""JUnit XML: parses, one case per requirement, counts that agree with the JSON report."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from lawcheck.evaluation import evaluate
from lawcheck.loading import load_profile
from lawcheck.report import Format, render

from ..conftest import PROFILES


def test_junit_counts_match_the_json_report(builtin):
    catalogue, checklists = builtin
    for path in (PROFILES / "exampleland-bill.yaml", PROFILES / "gb.yaml"):
        a = evaluate(load_profile(path, catalogue), catalogue, checklists, str(path))
        suite = ET.fromstring(render(a, Format.JUNIT)).find("testsuite")
        counts = json.loads(render(a, Format.JSON))["summary"]["counts"]
        cases = suite.findall("testcase")
        assert len(cases) == int(suite.get("tests")) == sum(counts.values())
        failed = [c for c in cases if c.find("failure") is not None]
        skipped = [c for c in cases if c.find("skipped") is not None]
        assert len(failed) == int(suite.get("failures")) == counts["partial"] + counts["not_met"]
        assert len(skipped) == int(suite.get("skipped")) == counts["unknown"] + counts["not_applicable"]


def test_junit_failure_says_what_is_missing_and_escapes_hostile_text(edited, builtin):
    catalogue, checklists = builtin
    path = edited(
        ("name: Exampleland (fictional)", 'name: "Exampleland <b>&amp;</b> \\x0b ]]>"'),
    )
    a = evaluate(load_profile(path, catalogue), catalogue, checklists, str(path))
    text = render(a, Format.JUNIT)
    root = ET.fromstring(text)  # well-formed despite markup and a control character in the name
    suite = root.find("testsuite")
    assert suite.get("name").startswith("XX: Exampleland <b>&amp;</b>")
    acts = next(c for c in suite.findall("testcase") if c.get("name").startswith("PAL-DEF-ACTS:"))
    failure = acts.find("failure")
    assert failure.get("type") == "partial" and "acts lack: receipt" in failure.text
    assert "Trafficking Protocol, Art. 3(a)" in failure.text
