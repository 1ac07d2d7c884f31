"""The domain's nouns as frozen, typed values. No I/O here.

Two kinds of file feed lawcheck:

* a **country profile** (``Profile``): what one jurisdiction's statutes provide, fact by fact,
  each fact tied to the section and a verbatim quote;
* a **checklist** (``ChecklistFile``): requirements drawn from international instruments, each
  pointing at sources (article, paragraph, binding force, quote) and carrying a criterion.

The vocabulary of facts a profile may state, and the registry of instrument sources that
requirements cite, are data too (``Catalogue``), so a new requirement needs no code change.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .criteria import Criterion


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.\-]*$", max_length=64)]
RequirementId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9.]+)+$")]
Jurisdiction = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,6})?$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Force(str, Enum):
    """How strongly an instrument obliges: a treaty's "shall", its "shall consider", soft law's "should"."""

    SHALL = "shall"
    SHALL_CONSIDER = "shall_consider"
    SHOULD = "should"

    @property
    def rank(self) -> int:
        return {"shall": 0, "shall_consider": 1, "should": 2}[self.value]


class Severity(str, Enum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"critical": 0, "high": 1, "medium": 2, "low": 3}[self.value]


class FactType(str, Enum):
    BOOLEAN = "boolean"
    NUMBER = "number"
    TERM = "term"
    TERMS = "terms"


class ProfileStatus(str, Enum):
    IN_FORCE = "in_force"
    DRAFT = "draft"
    BILL = "bill"


class Commencement(str, Enum):
    """Whether an enacted provision has legal effect today."""

    IN_FORCE = "in_force"
    NOT_YET_IN_FORCE = "not_yet_in_force"
    REPEALED = "repealed"
    SUSPENDED = "suspended"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


# --- catalogue: areas, fact vocabulary, instruments and their sources -----------------------


class Area(_Model):
    title: Text
    order: int
    description: str = ""


class FactSpec(_Model):
    """One fact a profile may state, e.g. ``definition.acts``: its type and the words for it."""

    type: FactType
    label: Text
    question: Text
    terms: dict[Identifier, Text] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _terms_match_type(self) -> FactSpec:
        if self.type in (FactType.TERM, FactType.TERMS) and not self.terms:
            raise ValueError(f"a fact of type {self.type.value} needs a 'terms' list")
        if self.type not in (FactType.TERM, FactType.TERMS) and self.terms:
            raise ValueError(f"a fact of type {self.type.value} takes no 'terms'")
        return self


class Instrument(_Model):
    """An international instrument requirements are drawn from."""

    title: Text
    short: Text
    year: int
    url: Url | None = None
    kind: Annotated[str, StringConstraints(pattern="^(treaty|soft_law)$")]
    regional: bool = False


class Source(_Model):
    """One article or paragraph of an instrument, with the operative words."""

    instrument: Identifier
    article: Text
    paragraph: str = ""
    force: Force
    quote: Text
    url: Url | None = None
    note: str = ""

    def citation(self, instrument: Instrument) -> str:
        """How a lawyer cites it: "UNTOC, Art. 12(1)(a)", "OHCHR ..., Guideline 4, para. 5"."""
        return f"{instrument.short}, {_pinpoint(self.article, self.paragraph)}"


def _pinpoint(article: str, paragraph: str) -> str:
    """Article and paragraph in the usual form: Art. 10(4)(a), Art. 28(1)-(2), Art. 30, chapeau."""
    if not paragraph:
        return f"Art. {article}" if article[0].isdigit() else article
    if not article[0].isdigit():  # "Guideline 4", "Principle 7": numbered paragraphs, not articles
        return f"{article}, {'paras' if '-' in paragraph else 'para.'} {paragraph}"
    # bare numbers and letters become bracketed: "4(a)" -> "(4)(a)", "1-2" -> "(1)-(2)", "a" -> "(a)"
    bracketed = re.sub(r"(?<![(\w])(\d+|[a-z])(?![)\w])", r"(\1)", paragraph)
    if bracketed.startswith("("):
        return f"Art. {article}{bracketed}"
    return f"Art. {article}, {paragraph}"


class CatalogueFile(_Model):
    """Shared data: areas, fact vocabulary, instruments and sources (any part optional)."""

    areas: dict[Identifier, Area] = Field(default_factory=dict)
    facts: dict[Identifier, dict[Identifier, FactSpec]] = Field(default_factory=dict)
    instruments: dict[Identifier, Instrument] = Field(default_factory=dict)
    sources: dict[Identifier, Source] = Field(default_factory=dict)


class Requirement(_Model):
    """What an instrument asks of a statute, and how to tell from a profile whether it is met."""

    id: RequirementId
    area: Identifier
    title: Text
    sources: Annotated[list[Identifier], Field(min_length=1)]
    criterion: Criterion
    applies_if: Criterion | None = None
    severity: Severity
    rationale: Text
    remedy: Text


class ChecklistFile(CatalogueFile):
    """A checklist: requirements, plus any catalogue entries of its own."""

    checklist: Identifier
    title: Text
    version: Text
    description: str = ""
    default: bool = False
    # requirements defined in another built-in checklist that this one also applies
    includes: list[RequirementId] = Field(default_factory=list)
    requirements: list[Requirement] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> ChecklistFile:
        if not self.requirements and not self.includes:
            raise ValueError(
                "a checklist needs 'requirements' (or 'includes' of other checklists' requirements)"
            )
        return self


class Catalogue(_Model):
    """All catalogue files merged: what profiles may say and what requirements may cite."""

    areas: dict[str, Area]
    facts: dict[str, dict[str, FactSpec]]
    instruments: dict[str, Instrument]
    sources: dict[str, Source]

    def spec(self, path: str) -> FactSpec | None:
        area, _, name = path.partition(".")
        return self.facts.get(area, {}).get(name)

    def label(self, path: str) -> str:
        spec = self.spec(path)
        return spec.label if spec else path

    def term(self, path: str, term: str) -> str:
        spec = self.spec(path)
        return spec.terms.get(term, term) if spec else term


class Checklist(_Model):
    id: str
    title: str
    version: str
    description: str
    default: bool
    file: str
    requirements: tuple[Requirement, ...]
    included: tuple[Requirement, ...] = ()

    @property
    def all_requirements(self) -> tuple[Requirement, ...]:
        return self.requirements + self.included


# --- country profile -----------------------------------------------------------------------


class Evidence(_Model):
    """Where a statute says it: the instrument (declared in the profile), section, verbatim quote."""

    instrument: Identifier
    section: Text
    quote: Text
    url: Url | None = None
    # None: as its instrument (in force unless the instrument says otherwise)
    in_force: Commencement | None = None
    # line range in a draft the quote was extracted from ("12" or "12-14")
    lines: Annotated[str, StringConstraints(pattern=r"^[0-9]+(-[0-9]+)?$")] | None = None


class Fact(_Model):
    """One thing a statute provides, with its evidence, or an explicit "not assessed"."""

    # typed by the fact vocabulary, which loading checks (it is data, not a fixed schema)
    value: Any = None
    evidence: list[Evidence] = Field(default_factory=list)
    checked: list[Identifier] = Field(default_factory=list)
    note: str | None = None
    not_assessed: str | None = None
    # For a list of terms: terms whose presence was not assessed, each with the reason.
    # They count as unknown, never as missing.
    not_assessed_terms: dict[Identifier, Text] = Field(default_factory=dict)
    # detected by `lawcheck extract`: a suggestion until a person has checked it against the draft
    extracted: bool = False

    @model_validator(mode="after")
    def _evidence_rules(self) -> Fact:
        if self.not_assessed is not None:
            if not self.not_assessed.strip():
                raise ValueError("'not_assessed' needs a reason (what was not read, and why)")
            if self.value is not None or self.evidence or self.checked or self.not_assessed_terms:
                raise ValueError(
                    "a fact that is 'not_assessed' takes no 'value', 'evidence', 'checked' "
                    "or 'not_assessed_terms'"
                )
            return self
        if self.value is None:
            raise ValueError("a fact needs a 'value' (or 'not_assessed: <reason>')")
        if not self.evidence and not self.checked:
            raise ValueError(
                "a fact needs 'evidence' (instrument, section, quote); a fact that a provision "
                "is absent needs 'checked' (the instruments read) and a 'note'"
            )
        if self.checked and not (self.note and self.note.strip()):
            raise ValueError("'checked' needs a 'note' saying what was searched for")
        return self

    @property
    def assessed(self) -> bool:
        return self.not_assessed is None


class ProfileInstrument(_Model):
    """A national instrument (act, ordinance, code) the profile's evidence cites."""

    id: Identifier
    title: Text
    year: int | None = None
    url: Url | None = None
    version_date: dt.date | None = None
    # an instrument enacted but not (or no longer) in force: its provisions do not count
    in_force: Commencement = Commencement.IN_FORCE
    in_force_note: str | None = None


class Review(_Model):
    """Who checked the profile against the sources, when, and what is still open."""

    last_verified: dt.date
    verified_by: Text | None = None
    open_questions: list[Text] = Field(default_factory=list)


class Reservation(_Model):
    """An accepted exception for one requirement: shown in every report, never hidden, until it expires."""

    justification: Text
    accepted_by: Text
    expires: dt.date
    accepted_on: dt.date | None = None


class Profile(_Model):
    """What one jurisdiction's law provides, as of a date."""

    jurisdiction: Jurisdiction
    name: Text
    status: ProfileStatus
    as_of: dt.date
    party_to: list[Identifier] = Field(default_factory=list)
    instruments: Annotated[list[ProfileInstrument], Field(min_length=1)]
    facts: dict[Identifier, dict[Identifier, Fact]] = Field(default_factory=dict)
    notes: str | None = None
    review: Review | None = None
    # requirement id -> an accepted exception (a waiver) with its justification and expiry
    reservations: dict[RequirementId, Reservation] = Field(default_factory=dict)
    # the draft a profile was machine-extracted from (set by `lawcheck extract`)
    extracted_from: Text | None = None

    @property
    def machine_extracted(self) -> bool:
        return self.extracted_from is not None or any(
            fact.extracted for named in self.facts.values() for fact in named.values()
        )

    def fact(self, path: str) -> Fact | None:
        area, _, name = path.partition(".")
        return self.facts.get(area, {}).get(name)

    @functools.cached_property
    def instruments_by_id(self) -> dict[str, ProfileInstrument]:
        # the first of a repeated id wins, as a scan would find it (validation rejects repeats)
        return {i.id: i for i in reversed(self.instruments)}

    def instrument(self, ident: str) -> ProfileInstrument | None:
        return self.instruments_by_id.get(ident)

    def commencement(self, evidence: Evidence) -> Commencement:
        """The evidence's own commencement status, else its instrument's."""
        if evidence.in_force is not None:
            return evidence.in_force
        instrument = self.instrument(evidence.instrument)
        return instrument.in_force if instrument else Commencement.IN_FORCE


def fact_paths(facts: dict[str, dict[str, Any]]) -> list[str]:
    """``area.name`` for every fact in a nested facts mapping, in file order."""
    return [f"{area}.{name}" for area, names in facts.items() for name in names]
