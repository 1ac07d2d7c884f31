"""A static dashboard for a collection of profiles: heatmap, per-country reports, requirement view, diffs.

Pages link to each other by relative paths, so the site works from ``file://`` and from any web
server or sub-path. Every page is self-contained (see :mod:`.html`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from ..criteria import Status
from ..diff import CHANGE_ORDER, Delta, diff
from ..evaluation import Assessment, Finding
from ..model import ProfileStatus
from . import html


@dataclass(frozen=True)
class Entry:
    """One profile in the site: its assessment and the page its report is written to."""

    assessment: Assessment
    page: str  # e.g. "reports/gb.html"

    @property
    def label(self) -> str:
        p = self.assessment.profile
        return f"{p.jurisdiction}: {p.name}"


@dataclass(frozen=True)
class Comparison:
    """A draft or bill and the law in force of the same jurisdiction."""

    base: Entry
    draft: Entry
    delta: Delta
    page: str  # e.g. "diffs/exampleland-bill.html"


def _entries(assessments: Sequence[Assessment]) -> list[Entry]:
    """Profiles sorted by jurisdiction and name, each with a unique page name from its file name."""
    ordered = sorted(assessments, key=lambda a: (a.profile.jurisdiction, a.profile.name, a.profile_file))
    entries, used = [], set()
    for a in ordered:
        stem = PurePath(a.profile_file).stem or a.profile.jurisdiction.lower()
        name, n = stem, 1
        while name in used:  # two files with the same name in different directories
            n += 1
            name = f"{stem}-{n}"
        used.add(name)
        entries.append(Entry(a, f"reports/{name}.html"))
    return entries


def _comparisons(entries: list[Entry]) -> list[Comparison]:
    """Every draft or bill paired with the law in force of its jurisdiction, when the site has it."""
    in_force = {}
    for e in entries:
        if e.assessment.profile.status is ProfileStatus.IN_FORCE:
            in_force.setdefault(e.assessment.profile.jurisdiction, e)
    out = []
    for e in entries:
        base = in_force.get(e.assessment.profile.jurisdiction)
        if e.assessment.profile.status is not ProfileStatus.IN_FORCE and base is not None:
            page = "diffs/" + PurePath(e.page).name
            out.append(Comparison(base, e, diff(base.assessment, e.assessment), page))
    return out


def _areas(entries: list[Entry]) -> list[tuple[str, str]]:
    """(id, title) of every area any profile was assessed on, in the catalogue's order."""
    if not entries:
        return []
    catalogue = entries[0].assessment.catalogue
    ids = {f.requirement.area for e in entries for f in e.assessment.findings}
    return [(i, catalogue.areas[i].title) for i in sorted(ids, key=lambda i: catalogue.areas[i].order)]


@dataclass(frozen=True)
class RequirementRow:
    """One requirement in the requirement view, and the profiles under each status."""

    finding: Finding  # any profile's finding: for the requirement's title and sources
    by_status: dict[Status, list[Entry]]


def _requirement_rows(entries: list[Entry]) -> list[RequirementRow]:
    """Per requirement: which jurisdictions meet it, partly meet it, do not, or are unknown."""
    rows: dict[str, RequirementRow] = {}
    for e in entries:
        for f in e.assessment.findings:
            row = rows.get(f.requirement.id)
            if row is None:
                row = rows[f.requirement.id] = RequirementRow(f, {s: [] for s in html.STATUS_ORDER})
            row.by_status[f.status].append(e)
    return sorted(rows.values(), key=lambda r: r.finding.sort_key)


def build(assessments: Sequence[Assessment]) -> dict[str, str]:
    """Every page of the dashboard, by relative path; the same assessments give the same bytes."""
    entries = _entries(assessments)
    comparisons = _comparisons(entries)
    areas = _areas(entries)
    checklists = entries[0].assessment.checklists if entries else ()
    pages = {
        "index.html": html.page(
            "site_index.html.j2",
            "Anti-trafficking law: cross-country dashboard",
            home="",
            wide=True,
            entries=entries,
            areas=areas,
            comparisons=comparisons,
            checklists=checklists,
        ),
        "requirements.html": html.page(
            "site_requirements.html.j2",
            "Requirements: which jurisdictions meet each one",
            home="index.html",
            wide=True,
            entries=entries,
            rows=_requirement_rows(entries),
            areas=areas,
        ),
    }
    for e in entries:
        pages[e.page] = html.render(e.assessment, home="../index.html")
    for c in comparisons:
        pages[c.page] = html.page(
            "site_diff.html.j2",
            f"{c.draft.assessment.profile.name} compared with the law in force",
            home="../index.html",
            c=c,
            groups=[(change, c.delta.of(change)) for change in CHANGE_ORDER],
        )
    return pages
