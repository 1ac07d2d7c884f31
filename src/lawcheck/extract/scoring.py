"""Precision and recall of a lexicon against hand-labelled statute texts (for lexicon authors).

A labels file maps each text file to the facts a careful reader finds in it. Every fact of a
scored group counts for every file: a fact the labels omit is expected to be absent, so a detection
there is a false positive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .detect import Extraction

GROUPS = {
    "acts": ("definition.acts",),
    "means": ("definition.means",),
    "purposes": ("definition.purposes",),
    "non_punishment": (
        "non_criminalisation.provision_in_law",
        "non_criminalisation.offences_covered",
        "non_criminalisation.protects_against",
        "non_criminalisation.adult_standard",
        "non_criminalisation.serious_offence_exclusions",
    ),
    "residence": (
        "residence.no_removal_during_identification",
        "residence.reflection_period_in_law",
        "residence.reflection_period_days",
        "residence.temporary_permit",
        "residence.permit_grounds",
        "residence.permit_renewable",
        "residence.permit_covers_proceedings",
        "residence.permit_conditional_on_cooperation",
        "residence.permit_rights",
    ),
    "legal_persons": (
        "legal_persons.liability_exists",
        "legal_persons.liability_forms",
        "legal_persons.without_prejudice_to_natural_persons",
        "legal_persons.monetary_sanctions",
        "legal_persons.further_sanctions",
    ),
}


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def _items(fact: str, value: Any) -> set[str]:
    """A value as countable items: each term of a list, or the single value."""
    if value is None:
        return set()
    if isinstance(value, list):
        return {f"{fact}={v}" for v in value}
    return {f"{fact}={value}"}


def score(
    extractions: Iterable[tuple[str, Extraction]], labels: dict[str, dict[str, Any]]
) -> dict[str, Score]:
    """Per group: true/false positives and false negatives over every (file, fact, term)."""
    scores = {group: Score() for group in GROUPS}
    for name, extraction in extractions:
        expected_facts = labels[name]
        for group, facts in GROUPS.items():
            for fact in facts:
                detection = extraction.detections.get(fact)
                found = _items(fact, detection.value if detection else None)
                expected = _items(fact, expected_facts.get(fact))
                s = scores[group]
                s.true_positives += len(found & expected)
                s.false_positives += len(found - expected)
                s.false_negatives += len(expected - found)
                s.errors += [f"{name}: extra {i}" for i in sorted(found - expected)]
                s.errors += [f"{name}: missed {i}" for i in sorted(expected - found)]
    return scores


def table(scores: dict[str, Score]) -> str:
    lines = [
        "| group | precision | recall | found right | found wrongly | missed |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for group, s in scores.items():
        lines.append(
            f"| {group} | {s.precision:.2f} | {s.recall:.2f} | {s.true_positives} | "
            f"{s.false_positives} | {s.false_negatives} |"
        )
    return "\n".join(lines)


def corpus(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.txt"))
