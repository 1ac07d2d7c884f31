"""JSON report: the full assessment in a stable, documented shape (see README, "JSON output").

Later machine formats build on it. Keys keep a fixed order, floats are rounded, and nothing
depends on the time or the machine, so the same input gives the same bytes.
"""

from __future__ import annotations

import json
import os
from typing import Any

from ..evaluation import AreaSummary, Assessment, Finding
from ..model import Evidence, Profile
from . import common

FORMAT = "lawcheck-assessment"
FORMAT_VERSION = 1


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _summary(s: AreaSummary) -> dict[str, Any]:
    return {
        "counts": {status.value: n for status, n in s.counts.items()},
        "assessed": s.assessed,
        "applicable": s.applicable,
        "coverage": _ratio(s.coverage),
        "score": _ratio(s.score),
    }


def _evidence(p: Profile, ev: Evidence) -> dict[str, Any]:
    return {
        "instrument": ev.instrument,
        "section": ev.section,
        "quote": ev.quote,
        "url": ev.url,
        "in_force": p.commencement(ev).value,
        **({"lines": ev.lines} if ev.lines else {}),
    }


def _finding(f: Finding, p: Profile) -> dict[str, Any]:
    req = f.requirement
    return {
        "requirement": req.id,
        "checklist": f.checklist,
        "area": req.area,
        "title": req.title,
        "status": f.status.value,
        "severity": req.severity.value,
        "force": f.force.value,
        "missing": list(f.missing),
        "unknown_facts": list(f.unknown_facts),
        "facts": [
            {
                "fact": use.path,
                "state": "silent"
                if use.fact is None
                else ("assessed" if use.fact.assessed else "not_assessed"),
                "value": use.fact.value if use.fact is not None else None,
                "note": use.fact.note or use.fact.not_assessed if use.fact is not None else None,
                "evidence": [_evidence(p, ev) for ev in use.fact.evidence] if use.fact else [],
                "counted": not use.disregarded,
                **({"extracted": True} if use.fact is not None and use.fact.extracted else {}),
                "checked": list(use.fact.checked) if use.fact else [],
            }
            for use in f.facts
        ],
        "sources": [
            {
                "id": c.id,
                "instrument": c.source.instrument,
                "citation": c.citation,
                "article": c.source.article,
                "paragraph": c.source.paragraph,
                "force": c.force.value,
                "quote": c.source.quote,
                "url": c.source.url,
            }
            for c in f.sources
        ],
        "reservation": None
        if f.reservation is None
        else {
            **f.reservation.model_dump(mode="json"),
            "state": "expired" if f.reservation_expired else "active",
        },
        "recommendation": common.recommendation(f),
        "remedy": req.remedy,
        "rationale": req.rationale,
    }


def to_dict(a: Assessment) -> dict[str, Any]:
    p = a.profile
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": common.GENERATOR,
        "profile": {
            "file": os.path.basename(a.profile_file),
            "jurisdiction": p.jurisdiction,
            "name": p.name,
            "status": p.status.value,
            "as_of": p.as_of.isoformat(),
            "party_to": list(p.party_to),
            "instruments": [i.model_dump(mode="json") for i in p.instruments],
            "review": p.review.model_dump(mode="json") if p.review else None,
            "machine_extracted": p.machine_extracted,
        },
        "checklists": [{"id": c.id, "title": c.title, "version": c.version} for c in a.checklists],
        "summary": {
            **_summary(a.summary()),
            "areas": [{"id": s.id, "title": s.title, **_summary(s)} for s in a.areas()],
        },
        "findings": [_finding(f, p) for f in a.findings],
        "not_assessed": [{"fact": path, "reason": reason} for path, reason in a.not_assessed()],
    }


def render(a: Assessment) -> str:
    return json.dumps(to_dict(a), indent=2, ensure_ascii=False) + "\n"
