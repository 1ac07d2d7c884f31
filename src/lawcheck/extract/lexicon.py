"""Lexicons: the patterns that detect profile facts in a draft, as data (one YAML file per language)."""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from ..errors import InputError, Problem

Pattern = Annotated[str, StringConstraints(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiled(patterns: list[str], *, lower: bool = False) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
        # provisions are matched lower-cased (matching without IGNORECASE is ~2.5x faster), so an
        # upper-case letter outside an escape or a group name could never match
        if lower and re.search(r"[A-Z]", re.sub(r"\\.|\(\?P[<=][^>)]*[>)]", "", pattern)):
            raise ValueError(
                f"write patterns in lower case (provisions are matched lower-cased): {pattern!r}"
            )
    return patterns


def _lower(patterns: list[str]) -> list[str]:
    return _compiled(patterns, lower=True)


class Heading(_Model):
    """A line that opens a section, e.g. ``Section 3. Title``; ``label`` cites it (``s. {number}``)."""

    pattern: Pattern
    label: str

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, v: str) -> str:
        return _compiled([v])[0]


class FactRule(_Model):
    """How one profile fact is detected.

    ``kind`` says how matches become a value: ``terms`` collects every term whose patterns match,
    ``choice`` picks the one term that matches (several differing terms are ambiguous), ``flag``
    is true (or ``value``) when a pattern matches and ``false_patterns`` give false, ``number``
    reads a number from the ``number`` group of a pattern.
    """

    kind: Literal["terms", "choice", "flag", "number"]
    # names of scopes: a provision is read only if it (or its section heading) matches one of them
    scope: list[str] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)
    false_patterns: list[Pattern] = Field(default_factory=list)
    terms: dict[str, list[Pattern]] = Field(default_factory=dict)
    value: bool | None = None
    # number: how several different numbers combine ("max" for penalties; "unique" = else ambiguous)
    combine: Literal["unique", "max", "min"] = "unique"
    # notes added when one of these matches in the same section as the evidence (e.g. conditions)
    conditions: dict[str, list[Pattern]] = Field(default_factory=dict)

    @field_validator("patterns", "false_patterns")
    @classmethod
    def _patterns_compile(cls, v: list[str]) -> list[str]:
        return _lower(v)

    @field_validator("terms", "conditions")
    @classmethod
    def _term_patterns_compile(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in v.values():
            _lower(patterns)
        return v


class Lexicon(_Model):
    language: str
    name: str
    headings: list[Heading]
    subsection: Pattern
    definition: Pattern | None = None
    numbers: dict[str, int] = Field(default_factory=dict)
    scopes: dict[str, list[Pattern]]
    # phrases that, shortly before a match in the same sentence, turn it into an exclusion
    negations: list[Pattern] = Field(default_factory=list)
    facts: dict[str, FactRule]

    @field_validator("negations")
    @classmethod
    def _negations_lower(cls, v: list[str]) -> list[str]:
        return _lower(v)

    @field_validator("scopes")
    @classmethod
    def _scopes_lower(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in v.values():
            _lower(patterns)
        return v


def lexicon_dir() -> Path:
    return Path(str(resources.files("lawcheck") / "extract" / "lexicons"))


def available_languages() -> list[str]:
    return sorted(p.stem for p in lexicon_dir().glob("*.yaml"))


@functools.lru_cache(maxsize=8)
def load_lexicon(language: str = "en") -> Lexicon:
    """The built-in lexicon for ``language`` (a file ``lexicons/<language>.yaml``)."""
    from ..loading import validate  # the profile/checklist validator gives positioned errors
    from ..yamlread import read_file

    path = lexicon_dir() / f"{language}.yaml"
    if not path.is_file():
        raise InputError(
            Problem(
                "--language", f"no lexicon for {language!r}; available: {', '.join(available_languages())}"
            )
        )
    lexicon = validate(read_file(path), Lexicon)
    unknown = sorted({s for rule in lexicon.facts.values() for s in rule.scope} - set(lexicon.scopes))
    if unknown:
        raise InputError(Problem(str(path), f"facts use undefined scopes: {', '.join(unknown)}"))
    return lexicon
