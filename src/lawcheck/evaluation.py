"""Profile + checklists -> assessment. A pure function: no printing, no files."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .criteria import UNKNOWN, Outcome, Status
from .model import (
    Catalogue,
    Checklist,
    Commencement,
    Evidence,
    Fact,
    FactType,
    Force,
    Instrument,
    Profile,
    Requirement,
    Reservation,
    Source,
)

STATUS_ORDER = (Status.MET, Status.PARTIAL, Status.NOT_MET, Status.UNKNOWN, Status.NOT_APPLICABLE)


class ProfileFacts:
    """The profile as criteria see it: values, or UNKNOWN where it is silent or not assessed."""

    def __init__(self, profile: Profile, catalogue: Catalogue):
        self.profile = profile
        self.catalogue = catalogue
        self._values: dict[str, Any] = {}  # several requirements read the same facts

    def value(self, path: str) -> Any:
        try:
            return self._values[path]
        except KeyError:
            value = self._values[path] = self._value(path)
            return value

    def _value(self, path: str) -> Any:
        fact = self.profile.fact(path)
        if fact is None or not fact.assessed:
            return UNKNOWN
        if fact.evidence and not any(
            self.profile.commencement(ev) is Commencement.IN_FORCE for ev in fact.evidence
        ):
            return self._absent(path) if fact.checked else UNKNOWN
        return fact.value

    def _absent(self, path: str) -> Any:
        """The value of a fact whose only provisions are not in force, when in-force law was checked.

        Without ``checked`` nobody looked for an in-force provision, so the fact is unknown.
        """
        spec = self.catalogue.spec(path)
        if spec is not None and spec.type is FactType.BOOLEAN:
            return False
        if spec is not None and spec.type is FactType.TERMS:
            return []
        return UNKNOWN

    def label(self, path: str) -> str:
        return self.catalogue.label(path)

    def term(self, path: str, term: str) -> str:
        return self.catalogue.term(path, term)

    def unassessed_terms(self, path: str) -> frozenset[str]:
        fact = self.profile.fact(path)
        return frozenset(fact.not_assessed_terms) if fact is not None else frozenset()


@dataclass(frozen=True)
class CitedSource:
    """A requirement's source with its instrument, and the force it has for this jurisdiction."""

    id: str
    source: Source
    instrument: Instrument
    force: Force

    @property
    def citation(self) -> str:
        return self.source.citation(self.instrument)


@dataclass(frozen=True)
class FactUse:
    """A fact a finding read, as the profile states it (``fact`` is None when the profile is silent)."""

    path: str
    fact: Fact | None
    # evidence the profile records as enacted but not in force, with its status
    not_in_force: tuple[tuple[Evidence, Commencement], ...] = ()

    @property
    def disregarded(self) -> bool:
        """True when every provision behind the fact is out of force, so its value did not count."""
        return (
            self.fact is not None
            and bool(self.fact.evidence)
            and len(self.not_in_force) == len(self.fact.evidence)
        )


class Finding(NamedTuple):
    """One requirement as the profile meets it, with what the report needs to say why.

    Immutable like the other records here, but a named tuple: a batch makes one per requirement
    per profile, and a frozen dataclass costs three times as much to build.
    """

    requirement: Requirement
    checklist: str
    area_order: int
    status: Status
    missing: tuple[str, ...]
    unknown_facts: tuple[str, ...]
    facts: tuple[FactUse, ...]
    sources: tuple[CitedSource, ...]
    force: Force
    reservation: Reservation | None = None
    reservation_expired: bool = False

    @property
    def reserved(self) -> bool:
        """An accepted exception applies: the finding is reported, but does not fail a threshold."""
        return self.reservation is not None and not self.reservation_expired

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.area_order, self.requirement.id)

    @property
    def priority(self) -> tuple[int, int, int, int, str]:
        """Binding before soft law, then severity, then not met before partial."""
        return (
            self.force.rank,
            self.requirement.severity.rank,
            0 if self.status is Status.NOT_MET else 1,
            self.area_order,
            self.requirement.id,
        )


@dataclass(frozen=True)
class AreaSummary:
    id: str
    title: str
    counts: dict[Status, int]

    @property
    def assessed(self) -> int:
        return sum(self.counts[s] for s in (Status.MET, Status.PARTIAL, Status.NOT_MET))

    @property
    def applicable(self) -> int:
        return self.assessed + self.counts[Status.UNKNOWN]

    @property
    def coverage(self) -> float | None:
        """Share of applicable requirements the profile answers (met, partial or not met)."""
        return self.assessed / self.applicable if self.applicable else None

    @property
    def score(self) -> float | None:
        """Compliance among answered requirements: met counts 1, partial 0.5."""
        if not self.assessed:
            return None
        return (self.counts[Status.MET] + 0.5 * self.counts[Status.PARTIAL]) / self.assessed


@dataclass(frozen=True)
class Assessment:
    profile: Profile
    profile_file: str
    catalogue: Catalogue
    checklists: tuple[Checklist, ...]
    findings: tuple[Finding, ...]
    # (line, column) of each field path in the profile file, when loading kept them (for SARIF)
    positions: Mapping[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict)

    def summary(self, area: str | None = None) -> AreaSummary:
        chosen = [f for f in self.findings if area is None or f.requirement.area == area]
        counts = Counter(f.status for f in chosen)
        title = self.catalogue.areas[area].title if area else "All areas"
        return AreaSummary(area or "all", title, {s: counts.get(s, 0) for s in STATUS_ORDER})

    def areas(self) -> list[AreaSummary]:
        """A summary per area, in the order of the findings (one pass, not one per area)."""
        counts: dict[str, dict[Status, int]] = {}
        for f in self.findings:
            area = counts.get(f.requirement.area)
            if area is None:  # not setdefault: that would build a new dict for every finding
                area = counts[f.requirement.area] = dict.fromkeys(STATUS_ORDER, 0)
            area[f.status] += 1
        return [AreaSummary(area, self.catalogue.areas[area].title, c) for area, c in counts.items()]

    def gaps(self) -> list[Finding]:
        return sorted((f for f in self.findings if f.status.is_gap), key=lambda f: f.priority)

    def not_assessed(self) -> list[tuple[str, str]]:
        """Facts the profile explicitly did not assess, with the reason given."""
        return [
            (f"{area}.{name}", fact.not_assessed or "")
            for area, named in sorted(self.profile.facts.items())
            for name, fact in sorted(named.items())
            if not fact.assessed
        ]


def effective_force(source: Source, catalogue: Catalogue, parties: frozenset[str]) -> Force:
    """A regional treaty binds only its parties (the profile's party_to); for others it is a
    benchmark ("should")."""
    instrument = catalogue.instruments[source.instrument]
    if instrument.regional and source.instrument not in parties:
        return Force.SHOULD
    return source.force


def evaluate_requirement(req: Requirement, facts: ProfileFacts) -> Outcome:
    if req.applies_if is not None:
        gate = req.applies_if.evaluate(facts)
        if gate.status is Status.NOT_MET:
            return Outcome(Status.NOT_APPLICABLE)
    return req.criterion.evaluate(facts)


def _cite(sid: str, catalogue: Catalogue, parties: frozenset[str]) -> CitedSource:
    source = catalogue.sources[sid]
    instrument = catalogue.instruments[source.instrument]
    return CitedSource(sid, source, instrument, effective_force(source, catalogue, parties))


@dataclass(frozen=True)
class _Plan:
    """What a finding takes from its requirement alone, given the treaties the State is party to."""

    requirement: Requirement
    catalogue: Catalogue  # held so that the ids in the cache key stay unique while it lives
    area_order: int
    sources: tuple[CitedSource, ...]
    force: Force
    reads: tuple[str, ...]


# A batch evaluates the same requirements for every profile, and profiles differ in these only by
# their party_to: plan each requirement once per set of parties, not once per profile.
_PLANS: dict[tuple[int, int, frozenset[str]], _Plan] = {}


def _plan(req: Requirement, catalogue: Catalogue, parties: frozenset[str]) -> _Plan:
    key = (id(req), id(catalogue), parties)
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) > 65536:  # a long-lived process with many checklists: start again
            _PLANS.clear()
        cited = tuple(_cite(sid, catalogue, parties) for sid in req.sources)
        plan = _PLANS[key] = _Plan(
            requirement=req,
            catalogue=catalogue,
            area_order=catalogue.areas[req.area].order,
            sources=cited,
            force=min((c.force for c in cited), key=lambda f: f.rank),
            reads=req.criterion.facts_read(),
        )
    return plan


def _use(path: str, profile: Profile) -> FactUse:
    fact = profile.fact(path)
    if fact is None:
        return FactUse(path, None)
    dormant = tuple(
        (ev, status)
        for ev in fact.evidence
        if (status := profile.commencement(ev)) is not Commencement.IN_FORCE
    )
    return FactUse(path, fact, dormant)


def evaluate(
    profile: Profile,
    catalogue: Catalogue,
    checklists: Sequence[Checklist],
    profile_file: str = "",
    positions: Mapping[tuple[str | int, ...], tuple[int, int]] | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """Evaluate every requirement of every checklist against the profile.

    ``today`` decides which reservations have expired (default: the system date).
    """
    today = today or dt.date.today()
    facts = ProfileFacts(profile, catalogue)
    parties = frozenset(profile.party_to)
    reservations = profile.reservations
    uses: dict[str, FactUse] = {}  # a fact read by several requirements is looked up once
    findings = []
    seen: set[str] = set()
    for checklist in checklists:
        for req in checklist.all_requirements:
            if req.id in seen:  # included by several checklists: one finding, first checklist named
                continue
            seen.add(req.id)
            outcome = evaluate_requirement(req, facts)
            plan = _plan(req, catalogue, parties)
            read = []
            for path in plan.reads:
                use = uses.get(path)
                if use is None:
                    use = uses[path] = _use(path, profile)
                read.append(use)
            reservation = reservations.get(req.id) if reservations else None
            # positional: a batch builds one per requirement per profile, and keywords cost more
            findings.append(
                Finding(
                    req,  # requirement
                    checklist.id,  # checklist
                    plan.area_order,  # area_order
                    outcome.status,  # status
                    outcome.missing,  # missing
                    outcome.unknown,  # unknown_facts
                    tuple(read),  # facts
                    plan.sources,  # sources
                    plan.force,  # force
                    reservation,  # reservation
                    reservation is not None and reservation.expires < today,  # reservation_expired
                )
            )
    findings.sort(key=lambda f: f.sort_key)
    return Assessment(
        profile, profile_file, catalogue, tuple(checklists), tuple(findings), dict(positions or {})
    )
