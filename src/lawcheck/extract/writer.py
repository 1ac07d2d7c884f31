"""An extraction as a profile: plain data (for evaluation) and YAML text (for the user to edit)."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import yaml

from .detect import Detection, Extraction

INSTRUMENT = "draft"


def profile_data(
    extraction: Extraction,
    *,
    jurisdiction: str = "XX",
    name: str | None = None,
    title: str | None = None,
    status: str = "draft",
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    """The profile a draft yields: detected facts with evidence, the rest ``not_assessed``.

    ``as_of`` defaults to the draft file's modification date, so the same file gives the same profile.
    """
    source = os.path.basename(extraction.draft.file)
    if as_of is None:
        as_of = dt.datetime.fromtimestamp(os.stat(extraction.draft.file).st_mtime, dt.timezone.utc).date()
    facts: dict[str, dict[str, Any]] = {}
    for path, detection in extraction.detections.items():
        area, _, fact = path.partition(".")
        facts.setdefault(area, {})[fact] = _fact(detection, source)
    return {
        "jurisdiction": jurisdiction,
        "name": name or f"Draft: {source}",
        "status": status,
        "as_of": as_of,
        "extracted_from": source,
        "notes": (
            f"Machine-extracted by lawcheck extract ({extraction.lexicon.name} lexicon) from {source}. "
            "Every fact is a suggestion: check each quote and value against the draft, correct or delete it, "
            "then remove 'extracted: true'."
        ),
        "instruments": [{"id": INSTRUMENT, "title": title or source}],
        "facts": facts,
    }


def _fact(detection: Detection, source: str) -> dict[str, Any]:
    if detection.ambiguous is not None:
        where = "; ".join(f"{h.provision.citation} (lines {h.provision.lines})" for h in detection.evidence)
        reason = f"ambiguous in {source}: {detection.ambiguous}"
        return {"not_assessed": f"{reason} [{where}]" if where else reason, "extracted": True}
    if detection.value is None:
        return {"not_assessed": f"not detected in {source}; read the draft to confirm", "extracted": True}
    fact: dict[str, Any] = {
        "value": list(detection.value) if isinstance(detection.value, list) else detection.value,
        "extracted": True,
        "evidence": [
            {
                "instrument": INSTRUMENT,
                "section": hit.provision.citation,
                "lines": hit.provision.lines,
                "quote": hit.quote,
            }
            for hit in detection.evidence
        ],
    }
    if detection.notes:
        fact["note"] = "; ".join(detection.notes)
    return fact


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases (the loader refuses them), long quotes kept on one line."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def profile_yaml(data: dict[str, Any]) -> str:
    header = (
        "# Machine-extracted by `lawcheck extract`: review every fact against the draft.\n"
        "# Facts marked `extracted: true` are suggestions; `not_assessed` ones were not found\n"
        "# or were ambiguous.\n"
    )
    body = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False
    )
    return header + body
