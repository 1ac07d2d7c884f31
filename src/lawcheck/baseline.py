"""Baselines: the statuses a collection had when accepted, so CI fails only on what is new or worse.

A baseline records, per profile file and requirement, the status last accepted. Against it, a gap
counts only if it is new (the requirement was met, unknown or absent) or worse (partly met -> not
met); an unknown counts only if it was not unknown before.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .criteria import Status
from .diff import Change, classify
from .errors import InputError, Problem
from .evaluation import Assessment, Finding

FORMAT = "lawcheck-baseline"
FORMAT_VERSION = 1
SIGNATURE = '{\n  "format": "lawcheck-baseline"'


def profile_key(assessment: Assessment) -> str:
    """A profile's name in the baseline: its file name (stable across checkouts and directories)."""
    return key_of_file(assessment.profile_file)


def key_of_file(path: str) -> str:
    """The baseline's name for the profile in ``path``."""
    return os.path.basename(path)


@dataclass(frozen=True)
class Baseline:
    statuses: dict[str, dict[str, Status]]

    def is_new_or_worse(self, key: str, finding: Finding) -> bool:
        """A finding CI should still fail on: a gap or unknown the baseline did not already accept."""
        before = self.statuses.get(key, {}).get(finding.requirement.id)
        now = finding.status
        if now is Status.UNKNOWN:
            return before is not Status.UNKNOWN
        if not now.is_gap:
            return False
        # a gap is new where the requirement was absent, met or unanswered, worse where it was partly met
        return before is None or classify(before, now) in (Change.OPENED, Change.WORSENED, Change.ANSWERED)


Entry = tuple[str, dict[str, str]]


def entry(assessment: Assessment) -> Entry:
    """What a baseline records of one assessment: its profile's key, and each requirement's status."""
    return profile_key(assessment), {f.requirement.id: f.status.value for f in assessment.findings}


def render(entries: Iterable[Entry]) -> str:
    """The baseline file of these entries (see :func:`entry`), ordered by profile key."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "profiles": dict(sorted(entries, key=lambda e: e[0])),
    }
    return json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise InputError(Problem(path, "no such baseline file (create one with --write-baseline)")) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(Problem(path, f"not a readable baseline: {exc}")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(Problem(path, f'not a lawcheck baseline (no "format": "{FORMAT}")'))
    if data.get("format_version") != FORMAT_VERSION:
        raise InputError(
            Problem(path, f"baseline format_version {data.get('format_version')!r} is not supported")
        )
    statuses: dict[str, dict[str, Status]] = {}
    profiles = data.get("profiles")
    if not isinstance(profiles, dict):
        raise InputError(Problem(path, "'profiles' must be a mapping of profile file to statuses"))
    for key, findings in profiles.items():
        if not isinstance(findings, dict):
            raise InputError(Problem(path, f"profiles.{key}: expected a mapping of requirement to status"))
        try:
            statuses[key] = {rid: Status(value) for rid, value in findings.items()}
        except (ValueError, TypeError) as exc:
            raise InputError(Problem(path, f"profiles.{key}: {exc}")) from None
    return Baseline(statuses)
