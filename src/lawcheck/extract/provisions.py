"""Split a draft's lines into provisions: numbered sections and their subsections, with line ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .readers import DraftText

# Straight quotes and dashes for matching; one character for one, so offsets still fit the original.
_STRAIGHTEN = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)


@dataclass(frozen=True)
class Provision:
    """One citable unit of a draft: a subsection (or an unnumbered paragraph) of a section."""

    citation: str  # e.g. "s. 10(1)"
    section: str  # the section's own citation, e.g. "s. 10", to group its provisions
    heading: str  # the section's title, e.g. "Immigration offences by victims"
    first_line: int  # 1-based, inclusive
    last_line: int
    text: str  # the provision's lines joined by single spaces: what quotes are cut from

    @property
    def lines(self) -> str:
        return (
            str(self.first_line)
            if self.first_line == self.last_line
            else f"{self.first_line}-{self.last_line}"
        )

    @property
    def matchable(self) -> str:
        """The text as patterns see it: lower case, straight quotes (same length as ``text``)."""
        return self.text.translate(_STRAIGHTEN).lower()


def split_provisions(draft: DraftText, lexicon: Lexicon) -> list[Provision]:
    """One pass: a heading opens a section, ``(n)`` a subsection, and a blank line ends a unit."""
    headings = [(re.compile(h.pattern, re.IGNORECASE), h.label) for h in lexicon.headings]
    subsection = re.compile(lexicon.subsection)
    definition = re.compile(lexicon.definition, re.IGNORECASE) if lexicon.definition else None
    provisions: list[Provision] = []
    section, heading = "", ""
    citation = ""
    unit: list[tuple[int, str]] = []

    def close() -> None:
        if unit:
            text = " ".join(" ".join(line.split()) for _, line in unit)
            provisions.append(
                Provision(citation or section or "preamble", section, heading, unit[0][0], unit[-1][0], text)
            )
            unit.clear()

    for number, raw in enumerate(draft.lines, start=1):
        line = raw.strip()
        if not line:
            close()
            continue
        opened = _heading(line, headings)
        if opened is not None:
            close()
            section, title = opened
            heading, citation = title, section
            if title and _looks_like_text(title):  # "3. A person who ..." : the heading line is also text
                unit.append((number, line))
            continue
        sub = subsection.match(line)
        if sub is not None:
            close()
            citation = f"{section}({sub.group('number')})" if section else f"({sub.group('number')})"
        elif definition is not None and (term := definition.match(line)) is not None:
            close()
            citation = f'{section} ("{term.group("term")}")'.strip()
        unit.append((number, line))
    close()
    return provisions


def _heading(line: str, headings: list[tuple[re.Pattern[str], str]]) -> tuple[str, str] | None:
    for pattern, label in headings:
        match = pattern.match(line)
        if match is not None:
            return label.format(number=match.group("number")), match.group("title").strip()
    return None


def _looks_like_text(title: str) -> bool:
    """A heading's rest is body text when it reads as a sentence rather than a short title."""
    return len(title) > 80 or title.startswith("(") or title.rstrip().endswith((".", ";", ":", "—", "-"))
