"""Rendering a diff between two versions of a law: markdown, JSON and a terminal summary."""

from __future__ import annotations

import json
import os
from typing import Any

from ..diff import CHANGE_ORDER, Change, Delta, Entry
from ..evaluation import Assessment, Finding
from . import common
from .markdown import MARKER, md_quote, md_text

FORMAT = "lawcheck-diff"
FORMAT_VERSION = 1


def _name(a: Assessment) -> str:
    return f"{a.profile.name} ({os.path.basename(a.profile_file)})"


def _banner(delta: Delta) -> list[str]:
    extracted = [a for a in (delta.base, delta.new) if a.profile.machine_extracted]
    if not extracted:
        return []
    names = " and ".join(md_text(os.path.basename(a.profile_file)) for a in extracted)
    return [
        f"> **Machine-extracted facts.** The findings for {names} rest on facts that `lawcheck extract` "
        "detected in the text; check each quote against the draft before relying on them.",
        "",
    ]


def _side(label: str, a: Assessment, f: Finding) -> list[str]:
    lines = [f"- **{label}: {common.STATUS_LABEL[f.status]}**"]
    for use in f.facts:
        if use.fact is None:
            lines.append(f"  - {use.path}: the profile is silent.")
        elif not use.fact.assessed:
            lines.append(f"  - {use.path}: not assessed ({md_text(use.fact.not_assessed)}).")
        else:
            value = md_text(common.value_text(a, use.path, use.fact.value))
            lines.append(f"  - {use.path}: **{value}**")
            for ev in use.fact.evidence:
                where = md_text(ev.section) + (f", {common.lines_text(ev.lines)}" if ev.lines else "")
                lines.append(f"    {where}:")
                lines.append("")
                lines.extend("    " + q for q in md_quote(ev.quote).splitlines())
                lines.append("")
    return lines


def _entry(delta: Delta, e: Entry) -> list[str]:
    req = e.requirement
    arrow = f"{common.STATUS_LABEL[e.base.status]} → {common.STATUS_LABEL[e.new.status]}"
    lines = [
        f"### {req.id}: {md_text(req.title)}",
        "",
        f"{arrow} · severity {req.severity.value} · {common.FORCE_LABEL[e.new.force]}",
        "",
        *_side("Base", delta.base, e.base),
        *_side("New", delta.new, e.new),
    ]
    if e.new.missing:
        lines += ["", f"**Still missing:** {'; '.join(md_text(m) for m in e.new.missing)}."]
    if e.change.regresses or (e.new.status.is_gap and e.change is not Change.UNCHANGED):
        lines += ["", f"**Recommendation:** {md_text(common.recommendation(e.new))}"]
    return [*lines, ""]


def render_markdown(delta: Delta) -> str:
    counts = delta.counts
    lines = [
        MARKER,
        f"# Changes: {md_text(_name(delta.base))} → {md_text(_name(delta.new))}",
        "",
        *_banner(delta),
        "| Change | Requirements |",
        "|---|---:|",
        *(f"| {c.label} | {counts[c]} |" for c in CHANGE_ORDER),
        "",
    ]
    for change in CHANGE_ORDER:
        entries = delta.of(change)
        if change is Change.UNCHANGED or not entries:
            continue
        lines += [f"## {change.label}", ""]
        for e in entries:
            lines += _entry(delta, e)
    unchanged = delta.of(Change.UNCHANGED)
    if unchanged:
        lines += ["## Unchanged", "", "| Requirement | Status |", "|---|---|"]
        lines += [
            f"| {e.requirement.id}: {md_text(e.requirement.title)} | {common.STATUS_LABEL[e.new.status]} |"
            for e in unchanged
        ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _facts(f: Finding) -> list[dict[str, Any]]:
    return [
        {
            "fact": use.path,
            "value": use.fact.value if use.fact is not None and use.fact.assessed else None,
            "evidence": [
                {"section": ev.section, "lines": ev.lines, "quote": ev.quote}
                for ev in (use.fact.evidence if use.fact is not None else [])
            ],
        }
        for use in f.facts
    ]


def to_dict(delta: Delta) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": common.GENERATOR,
        "base": {"file": os.path.basename(delta.base.profile_file), "name": delta.base.profile.name},
        "new": {"file": os.path.basename(delta.new.profile_file), "name": delta.new.profile.name},
        "machine_extracted": {
            "base": delta.base.profile.machine_extracted,
            "new": delta.new.profile.machine_extracted,
        },
        "counts": {c.value: n for c, n in delta.counts.items()},
        "regresses": delta.regresses,
        "changes": [
            {
                "requirement": e.requirement.id,
                "title": e.requirement.title,
                "change": e.change.value,
                "base": {"status": e.base.status.value, "facts": _facts(e.base)},
                "new": {"status": e.new.status.value, "facts": _facts(e.new), "missing": list(e.new.missing)},
            }
            for e in delta.entries
        ],
    }


def render_json(delta: Delta) -> str:
    return json.dumps(to_dict(delta), indent=2, ensure_ascii=False) + "\n"


def render_terminal(delta: Delta) -> str:
    lines = [f"lawcheck diff: {_name(delta.base)} -> {_name(delta.new)}"]
    if delta.base.profile.machine_extracted or delta.new.profile.machine_extracted:
        lines.append("NOTE: machine-extracted facts; check each against the draft.")
    lines.append(", ".join(f"{n} {c.value}" for c, n in delta.counts.items()))
    for change in CHANGE_ORDER:
        if change is Change.UNCHANGED:
            continue
        for e in delta.of(change):
            lines.append(
                f"  {change.value:<10} {e.requirement.id}: {common.STATUS_LABEL[e.base.status]} -> "
                f"{common.STATUS_LABEL[e.new.status]}  {e.requirement.title}"
            )
    return "\n".join(lines) + "\n"
