"""HTML report and dashboard, read as text: self-contained, escaped, deterministic, complete.

What they look like and do in a browser is tested in tests/browser/.
"""

from __future__ import annotations

import base64
import hashlib
import json
import posixpath
import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from lawcheck.cli import app
from lawcheck.criteria import Status
from lawcheck.evaluation import evaluate
from lawcheck.loading import load_profile
from lawcheck.report import Format, render
from lawcheck.report.html import area_status
from lawcheck.report.site import build

from ..conftest import EXAMPLELAND, PROFILES
from .test_reports import check_golden

HOSTILE = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2">{{ 7 * 7 }}&amp;'


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in self.inline else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in:
            self.inline[self._in].append(data)


def parse(text: str) -> _Tags:
    tags = _Tags()
    tags.feed(text)
    return tags


@pytest.fixture
def assessment(exampleland, builtin):
    return evaluate(exampleland, *builtin, profile_file=str(EXAMPLELAND))


def test_golden_html(assessment):
    check_golden("exampleland.html", render(assessment, Format.HTML))


def test_one_expandable_finding_per_requirement_with_its_status(assessment):
    text = render(assessment, Format.HTML)
    found = dict(re.findall(r'<details class="finding" id="f-([^"]+)" data-status="([a-z_]+)"', text))
    assert found == {f.requirement.id: f.status.value for f in assessment.findings}
    # every finding links to its requirement's explanation, which exists
    for rid in found:
        assert f'href="#req-{rid}"' in text
        assert f'id="req-{rid}"' in text


def test_self_contained_and_locked_down(assessment):
    """Nothing is loaded from anywhere: no src/href to resources, and the CSP allows only the inline code."""
    text = render(assessment, Format.HTML)
    tags = parse(text)
    assert not [t for t, attrs in tags.tags if "src" in attrs or (t == "link" and "href" in attrs)]
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv"))
    assert csp is not None and csp.startswith("default-src 'none';")
    for kind in ("script", "style"):
        (body,) = tags.inline[kind]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in csp  # the browser runs exactly this code, nothing else


def test_profile_text_is_escaped(edited, catalogue, checklists):
    path = edited(
        ('quote: "A person commits', f'quote: "{json.dumps(HOSTILE)[1:-1]} A person commits'),
        ("name: Exampleland (fictional)", f"name: {json.dumps('Exampleland ' + HOSTILE)}"),
    )
    a = evaluate(load_profile(path, catalogue), catalogue, checklists, profile_file=str(path))
    text = render(a, Format.HTML)
    assert "<script>window.pwned" not in text and "<img" not in text
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in text
    assert "{{ 7 * 7 }}&amp;amp;" in text  # neither evaluated by Jinja nor un-escaped
    (script,) = parse(text).inline["script"]
    assert "pwned" not in script


def test_area_status_follows_the_counts():
    from lawcheck.evaluation import AreaSummary

    def summary(**n):
        return AreaSummary("x", "X", {s: n.get(s.value, 0) for s in Status})

    assert area_status(summary(met=3, unknown=2)) is Status.MET
    assert area_status(summary(met=1, not_met=1)) is Status.PARTIAL
    assert area_status(summary(partial=2)) is Status.PARTIAL
    assert area_status(summary(not_met=2, unknown=5)) is Status.NOT_MET
    assert area_status(summary(unknown=4)) is Status.UNKNOWN
    assert area_status(summary(not_applicable=1)) is Status.NOT_APPLICABLE


def test_site_pages(shipped):
    assessments = list(shipped.values())
    pages = build(assessments)
    reports = sorted(p for p in pages if p.startswith("reports/"))
    assert reports == sorted(f"reports/{f.stem}.html" for f in PROFILES.glob("*.yaml"))
    # the bill is compared with the law in force of the same jurisdiction, and nothing else is
    assert [p for p in pages if p.startswith("diffs/")] == ["diffs/exampleland-bill.html"]
    index = pages["index.html"]
    cells = re.findall(r'<td class="status-[a-z_]+" data-area="([a-z_]+)" data-status="([a-z_]+)">', index)
    areas = {f.requirement.area for a in assessments for f in a.findings}
    assert len(cells) == len(assessments) * len(areas)
    for page, text in pages.items():  # every relative link points at a page of the site
        for href in re.findall(r'href="([^"]*)"', text):
            if re.match(r"[a-z]+:", href) or href.startswith("#"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
            assert target in pages, (page, href)


def test_site_is_deterministic(shipped):
    assert build(list(shipped.values())) == build(list(reversed(shipped.values())))


def test_site_command_writes_and_refuses_foreign_files(tmp_path):
    out = tmp_path / "site"
    runner = CliRunner()
    result = runner.invoke(
        app, ["site", str(EXAMPLELAND), str(PROFILES / "exampleland-current.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert (
        (out / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>\n<!-- lawcheck report")
    )
    assert (out / "diffs" / "exampleland-bill.html").exists()
    first = {p: p.read_bytes() for p in out.rglob("*.html")}
    # running again over its own output is fine, and gives the same bytes
    assert (
        runner.invoke(
            app, ["site", str(EXAMPLELAND), str(PROFILES / "exampleland-current.yaml"), "-o", str(out)]
        ).exit_code
        == 0
    )
    assert {p: p.read_bytes() for p in out.rglob("*.html")} == first
    # a file lawcheck did not write is never overwritten, and then nothing is written at all
    (out / "requirements.html").write_text("my notes", encoding="utf-8")
    (out / "index.html").unlink()
    result = runner.invoke(app, ["site", str(EXAMPLELAND), "-o", str(out)])
    assert result.exit_code == 2
    assert "requirements.html" in result.output and "refusing to overwrite" in result.output
    assert (out / "requirements.html").read_text(encoding="utf-8") == "my notes"
    assert not (out / "index.html").exists()


def test_site_command_bad_input(tmp_path):
    runner = CliRunner()
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["site", str(EXAMPLELAND), "-o", str(a_file)])
    assert result.exit_code == 2 and "is not a directory" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("jurisdiction: [", encoding="utf-8")
    result = runner.invoke(app, ["site", str(bad), "-o", str(tmp_path / "site")])
    assert result.exit_code == 2 and "bad.yaml" in result.output
    assert not (tmp_path / "site").exists()
