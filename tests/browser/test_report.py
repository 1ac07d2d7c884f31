"""The HTML report in a real browser: filters, expanding findings, links, keyboard, print, hostile text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawcheck.criteria import Status
from lawcheck.evaluation import evaluate
from lawcheck.loading import load_profile

from ..conftest import EXAMPLELAND
from .conftest import assert_offline, lawcheck

HOSTILE = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2">'


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The tutorial bill's HTML report, written by the installed command."""
    out = tmp_path_factory.mktemp("report") / "bill.html"
    done = lawcheck("check", str(EXAMPLELAND), "-f", "html", "-o", str(out), "--fail-on", "none")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def expected(builtin):
    return evaluate(load_profile(EXAMPLELAND, builtin[0]), *builtin, profile_file=str(EXAMPLELAND))


def visible_findings(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "details.finding", "els => els.filter(e => e.offsetParent !== null).map(e => e.id.slice(2))"
        )
    )


def ids(assessment, keep) -> set[str]:
    return {f.requirement.id for f in assessment.findings if keep(f)}


def test_filters_hide_and_show_findings(tab, report, expected):
    page = tab.page
    page.goto(report.as_uri())
    assert visible_findings(page) == ids(expected, lambda f: True)
    for status in ("met", "partial", "unknown"):
        page.uncheck(f'input[name="status"][value="{status}"]')
    not_met = ids(expected, lambda f: f.status is Status.NOT_MET)
    assert not_met and visible_findings(page) == not_met
    assert page.text_content("#shown") == f"Showing {len(not_met)} of {len(expected.findings)} findings"
    page.check('input[name="status"][value="partial"]')
    gaps = ids(expected, lambda f: f.status.is_gap)
    assert visible_findings(page) == gaps and gaps != not_met
    page.uncheck('input[name="severity"][value="critical"]')
    assert visible_findings(page) == ids(
        expected, lambda f: f.status.is_gap and f.requirement.severity.value != "critical"
    )
    # an area with nothing left to show is hidden with its heading
    shown_areas = set(
        page.eval_on_selector_all("section.area", "els => els.filter(e => !e.hidden).map(e => e.id)")
    )
    assert shown_areas == {
        f"area-{f.requirement.area}"
        for f in expected.findings
        if f.status.is_gap and f.requirement.severity.value != "critical"
    }
    for box in page.query_selector_all('input[name="status"], input[name="severity"]'):
        box.uncheck()
    assert visible_findings(page) == set() and page.is_visible("#no-match")
    tab.screenshot("report-filtered.png")
    assert_offline(tab, report.parent)


def test_expanding_a_finding_shows_the_statute_and_the_treaty_side_by_side(tab, report, expected):
    finding = next(f for f in expected.findings if f.status is Status.PARTIAL and f.facts[0].fact is not None)
    statute = " ".join(finding.facts[0].fact.evidence[0].quote.split())
    treaty = " ".join(finding.sources[0].source.quote.split())
    page = tab.page
    page.goto(report.as_uri())
    box = f"#f-{finding.requirement.id}"
    law, standard = f"{box} .statute blockquote", f"{box} .treaty blockquote"
    assert not page.is_visible(law) and not page.is_visible(standard)
    page.click(f"{box} > summary")
    assert page.is_visible(law) and page.is_visible(standard)
    assert " ".join(page.inner_text(law).split()) == statute
    assert " ".join(page.inner_text(standard).split()) == treaty
    left, right = page.locator(law).bounding_box(), page.locator(standard).bounding_box()
    assert left["x"] + left["width"] <= right["x"]  # side by side, the statute on the left
    page.locator(box).scroll_into_view_if_needed()
    tab.screenshot("report-finding.png")
    assert_offline(tab, report.parent)


def test_every_finding_links_to_its_explanation(tab, report, expected):
    page = tab.page
    page.goto(report.as_uri())
    rid = expected.gaps()[0].requirement.id
    page.click(f"#f-{rid} > summary")
    page.click(f'#f-{rid} a[href="#req-{rid}"]')
    assert page.url.endswith(f"#req-{rid}")
    explanation = page.locator(f"#req-{rid}")
    assert explanation.is_visible() and rid in explanation.inner_text()
    top = explanation.bounding_box()["y"]
    assert -5 < top < 900  # scrolled into view (to within rounding)
    # and back: the finding opens when its anchor is the target
    page.click(f'#req-{rid} a[href="#f-{rid}"]')
    assert page.eval_on_selector(f"#f-{rid}", "e => e.open")
    assert_offline(tab, report.parent)


def test_keyboard_alone_filters_and_expands(tab, report, expected):
    page = tab.page
    page.goto(report.as_uri())
    first = expected.findings[0].requirement.id
    page.focus(f"#f-{first} > summary")
    page.keyboard.press("Enter")
    assert page.eval_on_selector(f"#f-{first}", "e => e.open")
    page.focus('input[name="status"][value="met"]')
    page.keyboard.press("Space")
    assert not page.is_checked('input[name="status"][value="met"]')
    assert visible_findings(page) == ids(expected, lambda f: f.status is not Status.MET)
    assert_offline(tab, report.parent)


def test_printing_shows_every_finding_in_full_without_the_controls(tab, report, expected):
    page = tab.page
    page.goto(report.as_uri())
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector_all("details.finding", "els => els.every(e => e.open)")
    assert not page.is_visible("#filters")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.eval_on_selector_all("details.finding", "els => els.every(e => !e.open)")
    assert_offline(tab, report.parent)


def test_html_in_a_quote_renders_as_text(tab, tmp_path, edited):
    profile = edited(
        ('quote: "A person commits', f'quote: "{json.dumps(HOSTILE)[1:-1]} A person commits'),
    )
    out = tmp_path / "hostile.html"
    done = lawcheck("check", str(profile), "-f", "html", "-o", str(out), "--fail-on", "none")
    assert done.returncode == 0, done.stderr
    page = tab.page
    page.goto(out.as_uri())
    page.click("button#expand-all")
    quotes = page.locator("blockquote", has_text="window.pwned = 1")
    assert quotes.count() >= 1
    assert quotes.first.inner_text().startswith(HOSTILE)  # shown literally, markup and all
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("main img").count() == 0
    assert_offline(tab, tmp_path)
