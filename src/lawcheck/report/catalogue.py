"""Describing the checklists themselves: `lawcheck checklists` and `lawcheck explain ID`."""

from __future__ import annotations

from collections import Counter

from ..model import Catalogue, Checklist, Force, Requirement
from . import common


def requirement_force(req: Requirement, catalogue: Catalogue) -> Force:
    """The strongest force among a requirement's sources, as the instruments state it."""
    return min((catalogue.sources[s].force for s in req.sources), key=lambda f: f.rank)


def fields_read(req: Requirement, catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """(profile field, fact type, question) for each fact a requirement's criteria read."""
    paths = dict.fromkeys(
        [*req.criterion.facts_read(), *(req.applies_if.facts_read() if req.applies_if else ())]
    )
    out = []
    for path in paths:
        spec = catalogue.spec(path)
        out.append((f"facts.{path}", spec.type.value if spec else "?", spec.question if spec else ""))
    return out


def checklists_table(catalogue: Catalogue, checklists: list[Checklist]) -> str:
    """A markdown table: each checklist with its requirement counts by area and binding force."""
    lines = [
        "| checklist | default | version | requirements | by area | by binding force |",
        "|---|---|---|---:|---|---|",
    ]
    for c in checklists:
        areas = Counter(r.area for r in c.all_requirements)
        forces = Counter(requirement_force(r, catalogue) for r in c.all_requirements)
        by_area = "; ".join(
            f"{catalogue.areas[a].title} {n}"
            for a, n in sorted(areas.items(), key=lambda x: catalogue.areas[x[0]].order)
        )
        by_force = "; ".join(f"{f.value} {forces[f]}" for f in Force if forces[f])
        default = "yes" if c.default else "no"
        count = f"{len(c.all_requirements)}" + (f" ({len(c.included)} shared)" if c.included else "")
        lines.append(f"| {c.id} | {default} | {c.version} | {count} | {by_area} | {by_force} |")
    lines.append("")
    lines.extend(f"- {c.id}: {c.title}" for c in checklists)
    return "\n".join(lines) + "\n"


def explain(catalogue: Catalogue, checklist: Checklist, req: Requirement) -> str:
    """One requirement in full: sources with quotes, criterion in words, fields read, rationale, remedy."""
    force = requirement_force(req, catalogue)
    out = [
        f"{req.id}: {req.title}",
        f"Checklist: {checklist.id} ({checklist.title}, version {checklist.version})",
        f"Area: {catalogue.areas[req.area].title}; severity {req.severity.value}; "
        f"{common.FORCE_LABEL[force]}",
        "",
        "Sources:",
    ]
    for sid in req.sources:
        source = catalogue.sources[sid]
        instrument = catalogue.instruments[source.instrument]
        regional = " (regional: binding on its parties only)" if instrument.regional else ""
        out.append(f"  {source.citation(instrument)} [{sid}], {common.FORCE_LABEL[source.force]}{regional}")
        out.append(f'    "{source.quote}"')
        if source.url:
            out.append(f"    read at: {source.url}")
        if source.note:
            out.append(f"    note: {source.note}")
    out += ["", f"Criterion: {req.criterion.describe(catalogue)}"]
    if req.applies_if is not None:
        out.append(f"Applies only if: {req.applies_if.describe(catalogue)}")
    out += ["", "Reads these profile fields:"]
    out.extend(f"  {field} ({kind}): {question}" for field, kind, question in fields_read(req, catalogue))
    out += ["", f"Why it matters: {req.rationale}", "", f"Remedy: {req.remedy}", ""]
    return "\n".join(out)
