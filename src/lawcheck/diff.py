"""Two assessments in (say, the law in force and a draft), what each requirement gains or loses out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum

from .criteria import Status
from .evaluation import Assessment, Finding
from .model import Requirement

# How well a requirement is satisfied, where that can be said; unknown and not applicable have no rank.
_RANK = {Status.NOT_MET: 0, Status.PARTIAL: 1, Status.MET: 2}


class Change(str, Enum):
    """What happened to one requirement between the base and the new version."""

    OPENED = "opened"  # met -> partly met or not met
    WORSENED = "worsened"  # partly met -> not met
    CLOSED = "closed"  # partly met or not met -> met
    IMPROVED = "improved"  # not met -> partly met
    # A requirement the base does not answer (unknown or not applicable) that the new version does,
    # and the reverse. For a draft, "unanswered" can hide a repealed provision: a person must look.
    UNANSWERED = "unanswered"
    ANSWERED = "answered"
    UNCHANGED = "unchanged"

    @property
    def label(self) -> str:
        return {
            "opened": "Gaps opened",
            "worsened": "Worsened",
            "closed": "Gaps closed",
            "improved": "Improved",
            "unanswered": "No longer answered (the new version is silent or not assessed)",
            "answered": "Newly answered (the base is silent or not assessed)",
            "unchanged": "Unchanged",
        }[self.value]

    @property
    def regresses(self) -> bool:
        """A change that makes the new version fall further short (decides `diff`'s exit code)."""
        return self in (Change.OPENED, Change.WORSENED)


CHANGE_ORDER = tuple(Change)


def classify(base: Status, new: Status) -> Change:
    if base is new:
        return Change.UNCHANGED
    if base in _RANK and new not in _RANK:
        return Change.UNANSWERED
    if new in _RANK and base not in _RANK:
        return Change.ANSWERED
    if base not in _RANK:  # unknown <-> not applicable
        return Change.UNANSWERED if new is Status.UNKNOWN else Change.ANSWERED
    if new is Status.MET:
        return Change.CLOSED
    if base is Status.MET:
        return Change.OPENED
    return Change.IMPROVED if _RANK[new] > _RANK[base] else Change.WORSENED


@dataclass(frozen=True)
class Entry:
    requirement: Requirement
    change: Change
    base: Finding
    new: Finding


@dataclass(frozen=True)
class Delta:
    base: Assessment
    new: Assessment
    entries: tuple[Entry, ...]

    def of(self, change: Change) -> list[Entry]:
        return [e for e in self.entries if e.change is change]

    @property
    def counts(self) -> dict[Change, int]:
        counted = Counter(e.change for e in self.entries)
        return {c: counted.get(c, 0) for c in CHANGE_ORDER}

    @property
    def regresses(self) -> bool:
        return any(e.change.regresses for e in self.entries)


def diff(base: Assessment, new: Assessment) -> Delta:
    """Compare two assessments made with the same checklists, requirement by requirement."""
    new_by_id = {f.requirement.id: f for f in new.findings}
    entries = []
    for finding in base.findings:
        other = new_by_id.get(finding.requirement.id)
        if other is None:  # different checklists: nothing to compare with
            continue
        entries.append(Entry(finding.requirement, classify(finding.status, other.status), finding, other))
    return Delta(base, new, tuple(entries))
