"""The dashboard in a real browser: heatmap, click-through, requirement view, draft comparison, offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.diff import diff
from lawcheck.report.common import STATUS_LABEL
from lawcheck.report.html import area_status

from ..conftest import PROFILES
from .conftest import assert_offline, lawcheck


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The dashboard of the shipped profiles, written by the installed command."""
    out = tmp_path_factory.mktemp("dash") / "site"
    done = lawcheck("site", str(PROFILES), "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def assessments(shipped):
    return shipped


def test_heatmap_has_one_labelled_cell_per_jurisdiction_and_area(tab, site, assessments):
    page = tab.page
    page.goto((site / "index.html").as_uri())
    areas = sorted({f.requirement.area for a in assessments.values() for f in a.findings})
    rows = page.query_selector_all("#heatmap tbody tr")
    assert len(rows) == len(assessments)
    seen = set()
    for row in rows:
        link = row.query_selector("th a")
        stem = Path(link.get_attribute("href")).stem
        a = assessments[stem]
        assert row.get_attribute("data-jurisdiction") == a.profile.jurisdiction
        cells = row.query_selector_all("td[data-area]")
        assert sorted(c.get_attribute("data-area") for c in cells) == areas
        for cell in cells:
            want = area_status(a.summary(cell.get_attribute("data-area")))
            assert cell.get_attribute("data-status") == want.value
            assert cell.query_selector("strong").inner_text() == STATUS_LABEL[want]  # text, not colour alone
            seen.add((stem, cell.get_attribute("data-area")))
    assert len(seen) == len(assessments) * len(areas)
    tab.screenshot("dashboard.png")
    assert_offline(tab, site)


def test_click_through_to_a_country_report_and_back(tab, site, assessments):
    page = tab.page
    page.goto((site / "index.html").as_uri())
    gb = assessments["gb"].profile
    page.click('#heatmap a[href="reports/gb.html"]')
    assert page.url.endswith("/reports/gb.html")
    assert page.inner_text("h1") == f"Gap report: {gb.name} ({gb.jurisdiction})"
    tab.screenshot("report.png")
    page.click("nav.crumbs a")
    assert page.url.endswith("/index.html")
    # a heatmap cell opens the report at that area
    page.click('#heatmap tr[data-jurisdiction="GB"] td[data-area="residence"] a')
    assert page.url.endswith("/reports/gb.html#area-residence")
    assert_offline(tab, site)


def test_requirement_view_lists_who_meets_each_requirement(tab, site, assessments):
    page = tab.page
    page.goto((site / "requirements.html").as_uri())
    rows = page.query_selector_all("tr[id^=req-]")
    every = {f.requirement.id for a in assessments.values() for f in a.findings}
    assert {r.get_attribute("id")[4:] for r in rows} == every
    for rid in ("PAL-DEF-ACTS", "PAL-RES-PERMIT"):
        for status in ("met", "partial", "not_met", "unknown"):
            listed = page.eval_on_selector_all(
                f'tr[id="req-{rid}"] td[data-status="{status}"] a', "els => els.map(e => e.textContent)"
            )
            want = sorted(
                a.profile.jurisdiction
                for a in assessments.values()
                for f in a.findings
                if f.requirement.id == rid and f.status.value == status
            )
            assert sorted(listed) == want, (rid, status)
    page.click('tr[id="req-PAL-DEF-ACTS"] td[data-status="met"] a >> nth=0')
    assert "#f-PAL-DEF-ACTS" in page.url and page.eval_on_selector("#f-PAL-DEF-ACTS", "e => e.open")
    assert_offline(tab, site)


def test_draft_comparison(tab, site, assessments):
    page = tab.page
    page.goto((site / "index.html").as_uri())
    page.click('a[href="diffs/exampleland-bill.html"]')
    delta = diff(assessments["exampleland-current"], assessments["exampleland-bill"])
    for change, n in delta.counts.items():
        if change.value == "unchanged":
            continue
        assert page.locator(f'tr[data-change="{change.value}"]').count() == n, change
    tab.screenshot("diff.png", full_page=True)
    assert_offline(tab, site)


def test_no_page_of_the_site_requests_anything_outside_it(tab, site):
    page = tab.page
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 4
    for file in pages:
        page.goto(file.as_uri())
        page.wait_for_load_state("load")
    assert len(tab.requests) == len(pages)
    assert_offline(tab, site)
