"""HTML report and dashboard pages: self-contained files (inline CSS, JS and SVG; no network).

Every page carries a Content-Security-Policy that allows only its own inline style and script (by
hash) and nothing from anywhere else, so even a page opened from ``file://`` cannot fetch anything.
Profile text reaches the page only through Jinja2's autoescape.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Mapping

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..criteria import Status
from ..evaluation import AreaSummary, Assessment, Finding
from ..model import Commencement
from . import common
from .catalogue import fields_read

MARKER = "<!-- lawcheck report: generated; regenerate it rather than editing it -->"

# The order of the statuses in bars, legends and the requirement view. Their colours are in the
# stylesheet only (classes status-*), for HTML boxes and SVG shapes alike.
STATUS_ORDER = (Status.MET, Status.PARTIAL, Status.NOT_MET, Status.UNKNOWN, Status.NOT_APPLICABLE)


def area_status(summary: AreaSummary) -> Status:
    """One status for a whole area (a heatmap cell), from the requirements the profile answers.

    Met only when every answered requirement is met; not met when none is even partly met; partly
    met in between; unknown when nothing applicable is answered. The cell's label gives the counts.
    """
    if not summary.applicable:
        return Status.NOT_APPLICABLE
    if not summary.assessed:
        return Status.UNKNOWN
    if summary.counts[Status.MET] == summary.assessed:
        return Status.MET
    if not summary.counts[Status.MET] and not summary.counts[Status.PARTIAL]:
        return Status.NOT_MET
    return Status.PARTIAL


def counts_text(counts: Mapping[Status, int]) -> str:
    """ "3 met, 1 partly met, 2 unknown": the statuses that occur, in a fixed order."""
    parts = [f"{counts[s]} {common.STATUS_LABEL[s].lower()}" for s in STATUS_ORDER if counts.get(s)]
    return ", ".join(parts) or "no requirements"


def score_bar(counts: Mapping[Status, int], width: int = 240, height: int = 14) -> Markup:
    """A stacked bar (inline SVG) of the status counts; its text equivalent is its title."""
    total = sum(counts.values())
    label = counts_text(counts)
    parts = [
        f'<svg class="bar" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{label}"><title>{label}</title>'
    ]
    x = 0.0
    for status in STATUS_ORDER:
        n = counts.get(status, 0)
        if not n or not total:
            continue
        w = width * n / total
        parts.append(
            f'<rect class="status-{status.value}" x="{x:.1f}" y="0" width="{w:.1f}" height="{height}"/>'
        )
        x += w
    parts.append(
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="none" stroke="#555"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lawcheck", "report/templates"),
        autoescape=True,  # every value from a profile or checklist is text, never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["percent"] = common.percent
    env.filters["lines"] = common.lines_text
    env.globals.update(
        label=common.STATUS_LABEL,
        force_label=common.FORCE_LABEL,
        Status=Status,
        STATUS_ORDER=STATUS_ORDER,
        in_force=Commencement.IN_FORCE,
        recommendation=common.recommendation,
        area_status=area_status,
        counts_text=counts_text,
        score_bar=score_bar,
        generator=common.GENERATOR,
        marker=Markup(MARKER),
    )
    return env


@functools.lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    """The stylesheet and script every page inlines (read once per process)."""
    env = _environment()
    assert env.loader is not None
    css, _, _ = env.loader.get_source(env, "lawcheck.css")
    js, _, _ = env.loader.get_source(env, "lawcheck.js")
    return css, js


def page(template: str, title: str, **context: object) -> str:
    """A complete, self-contained HTML page from one of the templates."""
    css, js = _assets()
    csp = (
        f"default-src 'none'; style-src '{_csp_hash(css)}'; script-src '{_csp_hash(js)}'; "
        "img-src data:; form-action 'none'; base-uri 'none'"
    )
    return (
        _environment()
        .get_template(template)
        .render(title=title, css=Markup(css), js=Markup(js), csp=csp, **context)
    )


def explanation(assessment: Assessment, finding: Finding) -> dict[str, object]:
    """What the report's "requirements explained" appendix says about one requirement."""
    req = finding.requirement
    catalogue = assessment.catalogue
    return {
        "criterion": req.criterion.describe(catalogue),
        "applies_if": req.applies_if.describe(catalogue) if req.applies_if is not None else "",
        "fields": fields_read(req, catalogue),
    }


def report_context(assessment: Assessment) -> dict[str, object]:
    """Everything the report template reads, for the standalone report and the dashboard's pages."""
    areas = assessment.areas()
    severities = sorted({f.requirement.severity for f in assessment.findings}, key=lambda s: s.rank)
    return {
        "a": assessment,
        "p": assessment.profile,
        "total": assessment.summary(),
        "areas": areas,
        "by_area": {
            area.id: [f for f in assessment.findings if f.requirement.area == area.id] for area in areas
        },
        "severities": severities,
        "statuses": [s for s in STATUS_ORDER if any(f.status is s for f in assessment.findings)],
        "gaps": assessment.gaps()[:10],
        "not_assessed": assessment.not_assessed(),
        "dormant": common.dormant_provisions(assessment),
        "explain": lambda f: explanation(assessment, f),
        "value_text": lambda path, value: common.value_text(assessment, path, value),
    }


def render(assessment: Assessment, home: str = "") -> str:
    """The report as one self-contained HTML page; ``home`` links back to a dashboard."""
    profile = assessment.profile
    title = f"Gap report: {profile.name} ({profile.jurisdiction})"
    return page("report.html.j2", title, home=home, **report_context(assessment))
