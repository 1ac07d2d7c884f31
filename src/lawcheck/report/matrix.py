"""Cross-country matrix: jurisdictions x areas (status counts) and x key requirements (status)."""

from __future__ import annotations

from ..criteria import Status
from ..evaluation import Assessment
from ..model import Severity
from .markdown import MARKER, md_text

SHORT = {
    Status.MET: "met",
    Status.PARTIAL: "partly",
    Status.NOT_MET: "NOT MET",
    Status.UNKNOWN: "?",
    Status.NOT_APPLICABLE: "n/a",
}


def render(assessments: list[Assessment]) -> str:
    """A markdown matrix; rows sorted by jurisdiction code, so the output is stable."""
    rows = sorted(assessments, key=lambda a: (a.profile.jurisdiction, a.profile.name))
    if not rows:
        return ""
    first = rows[0]
    areas = sorted(
        {f.requirement.area for a in rows for f in a.findings}, key=lambda x: first.catalogue.areas[x].order
    )
    key = {}
    for a in rows:
        for f in a.findings:
            if f.requirement.severity is Severity.CRITICAL:
                key.setdefault(f.requirement.id, f.requirement.title)
    checklists = ", ".join(f"{c.id} {c.version}" for c in first.checklists)
    out = [
        MARKER,
        "# Cross-country matrix",
        "",
        f"Checklists: {checklists}. One row per profile. Cells under each area count requirements as "
        "met / partly met / not met / unknown; unknown means the profile does not answer the question, "
        "never that the law fails it.",
        "",
        "## Areas",
        "",
        "| Jurisdiction | " + " | ".join(md_text(first.catalogue.areas[x].title) for x in areas) + " |",
        "|---|" + "---:|" * len(areas),
    ]
    for a in rows:
        cells = []
        for area in areas:
            c = a.summary(area).counts
            cells.append(f"{c[Status.MET]} / {c[Status.PARTIAL]} / {c[Status.NOT_MET]} / {c[Status.UNKNOWN]}")
        out.append(f"| {a.profile.jurisdiction}: {md_text(a.profile.name)} | " + " | ".join(cells) + " |")
    out += [
        "",
        "## Key requirements (severity critical)",
        "",
        "| Requirement | " + " | ".join(a.profile.jurisdiction for a in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]
    for rid in sorted(key):
        statuses = []
        for a in rows:
            found = next((f for f in a.findings if f.requirement.id == rid), None)
            statuses.append(SHORT[found.status] if found else "")
        out.append(f"| {rid}: {md_text(key[rid])} | " + " | ".join(statuses) + " |")
    out.append("")
    return "\n".join(out)
