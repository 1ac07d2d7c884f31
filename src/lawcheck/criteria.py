"""The small vocabulary requirements use to say what they need from a profile.

Every criterion reads one or more profile facts and returns an :class:`Outcome`: a status and,
just as important, *what exactly is missing* ("acts lack: harbouring; receipt"), so that a report
can tell a legislator what to change. A fact that the profile does not answer (silent, or marked
``not_assessed``) gives ``unknown``, never ``not_met``.

In a checklist a criterion is a mapping with a ``type`` key; the types are listed in
``CRITERIA``. Each class's docstring carries a passing and a failing example; the tests read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FactPath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")]


class Status(str, Enum):
    MET = "met"
    PARTIAL = "partial"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def is_gap(self) -> bool:
        return self in (Status.PARTIAL, Status.NOT_MET)


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


class Labels(Protocol):
    """Words for facts and terms (the catalogue provides them)."""

    def label(self, path: str) -> str: ...

    def term(self, path: str, term: str) -> str: ...


class Facts(Protocol):
    """What a criterion may ask of a profile (see ``evaluate.ProfileFacts``)."""

    def value(self, path: str) -> Any:
        """The fact's value, or ``UNKNOWN`` when the profile is silent or did not assess it."""

    def label(self, path: str) -> str:
        """The fact's label in the vocabulary, e.g. ``acts``."""

    def term(self, path: str, term: str) -> str:
        """A term's label, e.g. ``removal of organs``."""

    def unassessed_terms(self, path: str) -> frozenset[str]:
        """Terms of a list whose presence the profile did not assess."""


@dataclass(frozen=True)
class Outcome:
    status: Status
    missing: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


class _Criterion(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def evaluate(self, facts: Facts) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def facts_read(self) -> tuple[str, ...]:
        return (self.fact,)  # type: ignore[attr-defined]

    def describe(self, words: Labels) -> str:  # pragma: no cover - abstract
        """The criterion in words, for `lawcheck explain`."""
        raise NotImplementedError

    def terms_used(self) -> tuple[str, ...]:
        return (
            tuple(getattr(self, "terms", ()))
            + tuple(getattr(self, "met", ()))
            + tuple(getattr(self, "partial", ()))
        )


def _join(labels: list[str]) -> str:
    return "; ".join(labels)


def _not_assessed(facts: Facts, path: str, terms: list[str]) -> tuple[str, ...]:
    if not terms:
        return ()
    return (f"{facts.label(path)} not assessed: {_join([facts.term(path, t) for t in terms])}",)


class IncludesAll(_Criterion):
    """Met when the fact lists every term; partial when it lists some; not met when none.

    Example (met): acts = [recruitment, receipt], terms = [recruitment, receipt]
    Example (partial): acts = [recruitment], terms = [recruitment, receipt] -> "acts lack: receipt"
    """

    type: Literal["includes_all"]
    fact: FactPath
    terms: Annotated[list[str], Field(min_length=1)]

    def describe(self, words: Labels) -> str:
        labels = _join([words.term(self.fact, t) for t in self.terms])
        return f"{words.label(self.fact)} include all of: {labels}"

    def evaluate(self, facts: Facts) -> Outcome:
        have = facts.value(self.fact)
        if have is UNKNOWN:
            return Outcome(Status.UNKNOWN, unknown=(self.fact,))
        open_terms = facts.unassessed_terms(self.fact)
        lack = [t for t in self.terms if t not in have and t not in open_terms]
        unassessed = [t for t in self.terms if t not in have and t in open_terms]
        notes = _not_assessed(facts, self.fact, unassessed)
        if not lack:
            if unassessed:  # everything known is there; the rest could be too
                return Outcome(Status.UNKNOWN, missing=notes, unknown=(self.fact,))
            return Outcome(Status.MET)
        text = f"{facts.label(self.fact)} lack: {_join([facts.term(self.fact, t) for t in lack])}"
        status = Status.PARTIAL if any(t in have for t in self.terms) else Status.NOT_MET
        return Outcome(status, missing=(text, *notes), unknown=(self.fact,) if unassessed else ())


class IncludesAny(_Criterion):
    """Met when the fact lists at least one of the terms.

    Example (met): liability_forms = [civil], terms = [criminal, civil, administrative]
    Example (not met): liability_forms = [], terms = [criminal] -> "liability forms include none of: criminal"
    """

    type: Literal["includes_any"]
    fact: FactPath
    terms: Annotated[list[str], Field(min_length=1)]

    def describe(self, words: Labels) -> str:
        labels = _join([words.term(self.fact, t) for t in self.terms])
        return f"{words.label(self.fact)} include at least one of: {labels}"

    def evaluate(self, facts: Facts) -> Outcome:
        have = facts.value(self.fact)
        if have is UNKNOWN:
            return Outcome(Status.UNKNOWN, unknown=(self.fact,))
        if any(t in have for t in self.terms):
            return Outcome(Status.MET)
        unassessed = [t for t in self.terms if t in facts.unassessed_terms(self.fact)]
        if unassessed:
            return Outcome(Status.UNKNOWN, _not_assessed(facts, self.fact, unassessed), (self.fact,))
        labels = _join([facts.term(self.fact, t) for t in self.terms])
        return Outcome(Status.NOT_MET, missing=(f"{facts.label(self.fact)} include none of: {labels}",))


class IsTrue(_Criterion):
    """Met when the fact is true; otherwise ``otherwise`` (not met by default).

    Example (met): consent_irrelevant = true
    Example (not met): consent_irrelevant = false -> "not provided: the victim's consent is irrelevant"
    """

    type: Literal["is_true"]
    fact: FactPath
    otherwise: Literal["not_met", "partial"] = "not_met"

    def describe(self, words: Labels) -> str:
        return f"yes: {words.label(self.fact)}" + (
            " (otherwise partly met)" if self.otherwise == "partial" else ""
        )

    def evaluate(self, facts: Facts) -> Outcome:
        value = facts.value(self.fact)
        if value is UNKNOWN:
            return Outcome(Status.UNKNOWN, unknown=(self.fact,))
        if value is True:
            return Outcome(Status.MET)
        return Outcome(Status(self.otherwise), missing=(f"not provided: {facts.label(self.fact)}",))


class IsFalse(_Criterion):
    """Met when the fact is false (for facts that describe a restriction the law should not have).

    Example (met): cross_border_required = false
    Example (not met): cross_border_required = true -> "the offence requires movement across a border"
    """

    type: Literal["is_false"]
    fact: FactPath
    otherwise: Literal["not_met", "partial"] = "not_met"

    def describe(self, words: Labels) -> str:
        return f"no: {words.label(self.fact)}" + (
            " (otherwise partly met)" if self.otherwise == "partial" else ""
        )

    def evaluate(self, facts: Facts) -> Outcome:
        value = facts.value(self.fact)
        if value is UNKNOWN:
            return Outcome(Status.UNKNOWN, unknown=(self.fact,))
        if value is False:
            return Outcome(Status.MET)
        return Outcome(Status(self.otherwise), missing=(facts.label(self.fact),))


class AtLeast(_Criterion):
    """Met when the number is at least ``value``; partial from ``partial_from`` if given.

    Example (met): reflection_period_days = 45, value = 30
    Example (partial): reflection_period_days = 14, value = 30, partial_from = 1
    """

    type: Literal["at_least"]
    fact: FactPath
    value: float
    partial_from: float | None = None

    def describe(self, words: Labels) -> str:
        text = f"{words.label(self.fact)} is at least {_num(self.value)}"
        if self.partial_from is not None:
            text += f" (partly met from {_num(self.partial_from)})"
        return text

    def evaluate(self, facts: Facts) -> Outcome:
        have = facts.value(self.fact)
        if have is UNKNOWN:
            return Outcome(Status.UNKNOWN, unknown=(self.fact,))
        if have >= self.value:
            return Outcome(Status.MET)
        text = f"{facts.label(self.fact)} is {_num(have)}; at least {_num(self.value)} is required"
        if self.partial_from is not None and have >= self.partial_from:
            return Outcome(Status.PARTIAL, missing=(text,))
        return Outcome(Status.NOT_MET, missing=(text,))


class OneOf(_Criterion):
    """For a single-term fact: met if its term is in ``met``, partial if in ``partial``.

    Example (met): adult_standard = direct_consequence, met = [direct_consequence]
    Example (partial): adult_standard = compulsion, met = [direct_consequence], partial = [compulsion]
    """

    type: Literal["one_of"]
    fact: FactPath
    met: Annotated[list[str], Field(min_length=1)]
    partial: list[str] = Field(default_factory=list)

    def describe(self, words: Labels) -> str:
        text = f"{words.label(self.fact)} is {' or '.join(words.term(self.fact, t) for t in self.met)}"
        if self.partial:
            text += f" (partly met if {' or '.join(words.term(self.fact, t) for t in self.partial)})"
        return text

    def evaluate(self, facts: Facts) -> Outcome:
        have = facts.value(self.fact)
        if have is UNKNOWN:
            return Outcome(Status.UNKNOWN, unknown=(self.fact,))
        if have in self.met:
            return Outcome(Status.MET)
        wanted = " or ".join(facts.term(self.fact, t) for t in self.met)
        text = f"{facts.label(self.fact)}: {facts.term(self.fact, have)} (required: {wanted})"
        return Outcome(Status.PARTIAL if have in self.partial else Status.NOT_MET, missing=(text,))


class AllOf(_Criterion):
    """Met when every part is met.

    With unknown parts: unknown if every known part is met (the answer could still be "met");
    otherwise partial or not met from the known parts, since "met" is already ruled out.

    Example (met): all parts met
    Example (partial): one part met, one part not met
    """

    type: Literal["all_of"]
    criteria: Annotated[list[Criterion], Field(min_length=1)]

    def describe(self, words: Labels) -> str:
        return "all of: " + "; ".join(f"({i}) {c.describe(words)}" for i, c in enumerate(self.criteria, 1))

    def evaluate(self, facts: Facts) -> Outcome:
        outs = [c.evaluate(facts) for c in self.criteria]
        statuses = [o.status for o in outs]
        missing = tuple(m for o in outs for m in o.missing)
        unknown = tuple(dict.fromkeys(u for o in outs for u in o.unknown))
        known = [s for s in statuses if s is not Status.UNKNOWN]
        if all(s is Status.MET for s in statuses):
            return Outcome(Status.MET)
        if all(s is Status.MET for s in known):
            return Outcome(Status.UNKNOWN, missing, unknown)
        if any(s in (Status.MET, Status.PARTIAL) for s in known):
            return Outcome(Status.PARTIAL, missing, unknown)
        return Outcome(Status.NOT_MET, missing, unknown)

    def facts_read(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for c in self.criteria for f in c.facts_read()))


class AnyOf(_Criterion):
    """Met when any part is met; else unknown if a part is unknown; else the best known status.

    Example (met): means_required = false (no means needed at all), means list incomplete
    Example (not met): every part not met
    """

    type: Literal["any_of"]
    criteria: Annotated[list[Criterion], Field(min_length=1)]

    def describe(self, words: Labels) -> str:
        return "any of: " + "; ".join(f"({i}) {c.describe(words)}" for i, c in enumerate(self.criteria, 1))

    def evaluate(self, facts: Facts) -> Outcome:
        outs = [c.evaluate(facts) for c in self.criteria]
        statuses = [o.status for o in outs]
        if Status.MET in statuses:
            return Outcome(Status.MET)
        missing = tuple(m for o in outs for m in o.missing)
        unknown = tuple(dict.fromkeys(u for o in outs for u in o.unknown))
        if Status.UNKNOWN in statuses:
            return Outcome(Status.UNKNOWN, missing, unknown)
        if Status.PARTIAL in statuses:
            # the nearest alternative says best what is left to do
            near = tuple(m for o in outs if o.status is Status.PARTIAL for m in o.missing)
            return Outcome(Status.PARTIAL, near, unknown)
        return Outcome(Status.NOT_MET, missing, unknown)

    def facts_read(self) -> tuple[str, ...]:
        return AllOf.facts_read(self)  # type: ignore[arg-type]


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


Criterion = Annotated[
    IncludesAll | IncludesAny | IsTrue | IsFalse | AtLeast | OneOf | AllOf | AnyOf,
    Field(discriminator="type"),
]

CRITERIA: dict[str, type[_Criterion]] = {
    cls.model_fields["type"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in (IncludesAll, IncludesAny, IsTrue, IsFalse, AtLeast, OneOf, AllOf, AnyOf)
}

AllOf.model_rebuild()
AnyOf.model_rebuild()


def walk(criterion: _Criterion) -> list[_Criterion]:
    """The criterion and every criterion nested inside it."""
    found = [criterion]
    for child in getattr(criterion, "criteria", ()):
        found.extend(walk(child))
    return found


# Which fact types each leaf criterion can read; loading checks checklists against it.
READS_TYPE: dict[str, str] = {
    "includes_all": "terms",
    "includes_any": "terms",
    "is_true": "boolean",
    "is_false": "boolean",
    "at_least": "number",
    "one_of": "term",
}
