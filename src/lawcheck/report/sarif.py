"""SARIF 2.1.0: gaps as code-scanning results, located at the profile field they concern.

One rule per requirement (help: the sources' words and the remedy); one result per finding that
is partly met or not met, at the line and column of the first fact it reads that the profile
states (or the top of the file when the profile is silent), so a code host annotates the profile
inline. For a draft, the result points at the draft lines the extracted fact quotes.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from .. import __version__
from ..evaluation import Assessment, Finding
from ..model import Severity
from . import common

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}


def _uri(path: str) -> str:
    if os.path.isabs(path):
        return Path(path).as_uri()
    return Path(path).as_posix()


def _rule(f: Finding) -> dict[str, Any]:
    req = f.requirement
    sources = "\n".join(f"{c.citation} ({common.FORCE_LABEL[c.force]}): {c.source.quote}" for c in f.sources)
    help_text = f"{sources}\n\nRemedy: {req.remedy}\n\nWhy it matters: {req.rationale}"
    rule: dict[str, Any] = {
        "id": req.id,
        "name": re.sub(r"[^A-Za-z0-9]", "", req.title.title()),
        "shortDescription": {"text": req.title},
        "fullDescription": {"text": req.rationale.strip()},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVEL[req.severity]},
        "properties": {"tags": [req.area, f.checklist], "severity": req.severity.value},
    }
    url = next((c.source.url for c in f.sources if c.source.url), None)
    if url:
        rule["helpUri"] = url
    return rule


def _region(a: Assessment, f: Finding) -> dict[str, int]:
    """Where the finding belongs: the first fact it reads that the profile states, else line 1."""
    for use in f.facts:
        area, _, name = use.path.partition(".")
        position = a.positions.get(("facts", area, name))
        if position is not None:
            return {"startLine": position[0], "startColumn": position[1]}
    for use in f.facts:  # an extracted draft has no YAML positions: point at the quoted draft lines
        if use.fact is not None:
            for ev in use.fact.evidence:
                if ev.lines:
                    return {"startLine": int(ev.lines.split("-")[0])}
    return {"startLine": 1, "startColumn": 1}


def _result(a: Assessment, f: Finding, index: int) -> dict[str, Any]:
    req = f.requirement
    missing = "; ".join(f.missing)
    message = f"{req.id} {common.STATUS_LABEL[f.status].lower()}: {req.title}."
    if missing:
        message += f" {missing}."
    message += f" {common.recommendation(f)}"
    result: dict[str, Any] = {
        "ruleId": req.id,
        "ruleIndex": index,
        "level": LEVEL[req.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(a.profile_file)},
                    "region": _region(a, f),
                }
            }
        ],
        "properties": {"status": f.status.value, "force": f.force.value},
    }
    if f.reservation is not None:
        r = f.reservation
        result["suppressions"] = [
            {
                "kind": "external",  # recorded in the profile, not in the checked text
                "status": "rejected" if f.reservation_expired else "accepted",
                "justification": f"{r.justification} (accepted by {r.accepted_by}; "
                f"{'expired' if f.reservation_expired else 'expires'} {r.expires.isoformat()})",
            }
        ]
    return result


def to_dict(a: Assessment) -> dict[str, Any]:
    rules = [_rule(f) for f in a.findings]
    index = {f.requirement.id: i for i, f in enumerate(a.findings)}
    results = [_result(a, f, index[f.requirement.id]) for f in a.findings if f.status.is_gap]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lawcheck",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


def render(a: Assessment) -> str:
    return json.dumps(to_dict(a), indent=2, ensure_ascii=False) + "\n"
