"""Detect profile facts in a draft's provisions, following a lexicon; every detection keeps its evidence."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .lexicon import FactRule, Lexicon, load_lexicon
from .provisions import Provision, split_provisions
from .readers import DraftText, read_draft

MAX_EVIDENCE = 3  # quotes kept per fact; the rest are named in the note
MAX_ALSO = 10  # other provisions named in that note
MAX_QUOTE = 400  # characters; a longer provision is cut to the clause around the match
NEGATION_WINDOW = 40  # characters before a match in which an exclusion phrase negates it
_CLAUSE_END = re.compile(r"(?<=[;:])\s+|(?<=\.)\s+(?=[A-Z(\"“])|\s+(?=\([a-z0-9]{1,4}\)\s)")


@dataclass(frozen=True)
class Hit:
    """Where a pattern matched: the provision, the quoted clause, and (for terms) which term."""

    provision: Provision
    quote: str
    term: str | None = None


@dataclass(frozen=True)
class Detection:
    """What the draft says about one fact: a value with evidence, or why none could be settled."""

    path: str
    value: Any = None
    evidence: tuple[Hit, ...] = ()
    notes: tuple[str, ...] = ()
    ambiguous: str | None = None  # set instead of a value when the draft's text conflicts

    @property
    def found(self) -> bool:
        return self.value is not None or self.ambiguous is not None


@dataclass(frozen=True)
class Extraction:
    draft: DraftText
    lexicon: Lexicon
    provisions: tuple[Provision, ...]
    detections: dict[str, Detection] = field(default_factory=dict)


class _Rules:
    """A lexicon's patterns compiled once per extraction."""

    def __init__(self, lexicon: Lexicon):
        self.scopes = {name: _Gated(pats) for name, pats in lexicon.scopes.items()}
        self.negation = _Gated(lexicon.negations) if lexicon.negations else None
        self.numbers = {k.lower(): v for k, v in lexicon.numbers.items()}

    def scopes_of(self, provision: Provision, text: str) -> frozenset[str]:
        """The scopes a provision falls in (its text or its section heading matches): once per provision."""
        by_heading = self._heading_scopes(provision.heading.lower())
        return by_heading | frozenset(
            name for name, pattern in self.scopes.items() if name not in by_heading and pattern.search(text)
        )

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one _Rules per extraction; headings repeat
    def _heading_scopes(self, heading: str) -> frozenset[str]:
        return frozenset(name for name, pattern in self.scopes.items() if pattern.search(heading))

    def negated(self, text: str, start: int) -> bool:
        if self.negation is None:
            return False
        window = text[max(0, start - NEGATION_WINDOW) : start]
        window = re.split(r"[;:.]", window)[-1]  # only within the same clause
        return bool(self.negation.search(window))

    def number(self, word: str) -> int | None:
        word = word.strip().lower()
        if word.isdigit():
            return int(word)
        return self.numbers.get(word)


def extract_file(path: str | os.PathLike[str], language: str = "en") -> Extraction:
    """Read a draft file and detect every fact its lexicon knows."""
    return extract(read_draft(path), load_lexicon(language))


def extract(draft: DraftText, lexicon: Lexicon) -> Extraction:
    provisions = tuple(split_provisions(draft, lexicon))
    rules = _Rules(lexicon)
    texts = [p.matchable for p in provisions]
    scopes = [rules.scopes_of(p, t) for p, t in zip(provisions, texts, strict=True)]
    everything = list(zip(provisions, texts, strict=True))
    detections = {}
    for path, rule in lexicon.facts.items():
        wanted = set(rule.scope)
        scoped = (
            [pt for pt, inside in zip(everything, scopes, strict=True) if inside & wanted]
            if wanted
            else everything
        )
        detection = _DETECTORS[rule.kind](path, rule, scoped, rules)
        if detection.found and rule.conditions:
            detection = _with_conditions(detection, rule, provisions, texts)
        detections[path] = detection
    return Extraction(draft, lexicon, provisions, detections)


# --- detectors, one per kind of rule -----------------------------------------------------------

Scoped = Sequence[tuple[Provision, str]]


def _detect_terms(path: str, rule: FactRule, scoped: Scoped, rules: _Rules) -> Detection:
    found: dict[str, list[Hit]] = {}
    excluded: list[str] = []
    for term, patterns in rule.terms.items():
        matcher = _Gated(patterns)
        for provision, text in scoped:
            match = matcher.search(text)
            if match is None:
                continue
            if rules.negated(text, match.start()):
                excluded.append(f"{term} ({provision.citation}, after an exclusion such as 'other than')")
                continue
            found.setdefault(term, []).append(Hit(provision, _quote(provision, match), term))
    if not found and not excluded:
        return Detection(path)
    terms = [t for t in rule.terms if t in found]  # the lexicon's (= the vocabulary's) order
    notes = [f"read as excluded, check by hand: {', '.join(excluded)}"] if excluded else []
    return Detection(path, terms, *_evidence([h for t in terms for h in found[t]], notes))


def _detect_choice(path: str, rule: FactRule, scoped: Scoped, rules: _Rules) -> Detection:
    found: dict[str, Hit] = {}
    for term, patterns in rule.terms.items():
        matcher = _Gated(patterns)
        for provision, text in scoped:
            match = matcher.search(text)
            if match is not None:
                found.setdefault(term, Hit(provision, _quote(provision, match), term))
                break
    if not found:
        return Detection(path)
    if len(found) > 1:
        where = "; ".join(f"{t} ({h.provision.citation})" for t, h in found.items())
        return Detection(path, None, tuple(found.values()), (), f"the draft reads several ways: {where}")
    ((term, hit),) = found.items()
    return Detection(path, term, (hit,))


def _detect_flag(path: str, rule: FactRule, scoped: Scoped, rules: _Rules) -> Detection:
    yes = _hits(rule.patterns, scoped)
    no = _hits(rule.false_patterns, scoped)
    if yes and no:
        where = f"{yes[0].provision.citation} suggests yes, {no[0].provision.citation} suggests no"
        return Detection(path, None, (yes[0], no[0]), (), f"the draft reads both ways: {where}")
    if yes:
        return Detection(path, True if rule.value is None else rule.value, *_evidence(yes))
    if no:
        return Detection(path, False if rule.value is None else not rule.value, *_evidence(no))
    return Detection(path)


def _detect_number(path: str, rule: FactRule, scoped: Scoped, rules: _Rules) -> Detection:
    compiled = [_Gated([p]) for p in rule.patterns]
    values: dict[int, list[Hit]] = {}
    unreadable: list[str] = []
    for provision, text in scoped:
        for pattern in compiled:
            for match in pattern.finditer(text):
                number = rules.number(match.group("number"))
                if number is None:
                    unreadable.append(f"'{match.group('number')}' ({provision.citation})")
                    continue
                values.setdefault(number, []).append(Hit(provision, _quote(provision, match)))
    if not values:
        if unreadable:
            return Detection(path, None, (), (), f"a number could not be read: {', '.join(unreadable)}")
        return Detection(path)
    if len(values) > 1 and rule.combine == "unique":
        where = "; ".join(f"{n} ({hits[0].provision.citation})" for n, hits in sorted(values.items()))
        return Detection(
            path, None, tuple(h[0] for h in values.values()), (), f"the draft gives several values: {where}"
        )
    chosen = max(values) if rule.combine == "max" else min(values)
    notes = []
    if len(values) > 1:
        others = ", ".join(str(n) for n in sorted(values) if n != chosen)
        notes.append(f"the {rule.combine}imum of the values found; also found: {others}")
    if unreadable:
        notes.append(f"not read: {', '.join(unreadable)}")
    return Detection(path, chosen, *_evidence(values[chosen], notes))


_DETECTORS = {
    "terms": _detect_terms,
    "choice": _detect_choice,
    "flag": _detect_flag,
    "number": _detect_number,
}


# --- helpers ----------------------------------------------------------------------------------


class _Gated:
    """A regex for several patterns, behind a cheap test: a literal that every match must contain.

    Most provisions of a long code name none of a fact's words; ``"threat" in text`` costs far
    less than running the regular expression over the provision.
    """

    __slots__ = ("gates", "pattern")

    def __init__(self, patterns: Sequence[str]):
        # no IGNORECASE: provisions are matched lower-cased and the lexicon's patterns are lower case
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns))
        gates = [_gate(p) for p in patterns]
        self.gates = (
            None if any(g is None for g in gates) else tuple(sorted({o for g in gates if g for o in g}))
        )

    def _open(self, text: str) -> bool:
        return self.gates is None or any(g in text for g in self.gates)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._open(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self._open(text) else iter(())


_LEADING_ASSERTIONS = re.compile(r"^(?:\\b|\(\?<[!=](?:[^()\\]|\\.)*\))+")
_LEADING_LITERAL = re.compile(r"[a-z0-9 ,'-]+")
_LEADING_GROUP = re.compile(r"\(\?:([a-z0-9 ,'-]+(?:\|[a-z0-9 ,'-]+)*)\)")


def _gate(pattern: str) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` contains (3+ characters each), or None.

    Read from the pattern's start: plain words (``threat``), or a leading group of plain
    alternatives (``(?:commits|is guilty of) an offence`` gives ``commits``, ``is guilty of``).
    """
    if "|" in _top_level(pattern):
        return None
    rest = _LEADING_ASSERTIONS.sub("", pattern)
    group = _LEADING_GROUP.match(rest)
    if group is not None:
        if rest[group.end() : group.end() + 1] in ("?", "*", "{"):
            return None
        options = tuple(group.group(1).split("|"))
        return options if all(len(o.strip()) >= 3 for o in options) else None
    match = _LEADING_LITERAL.match(rest)
    if match is None:
        return None
    literal = match.group(0)
    if rest[match.end() : match.end() + 1] in ("?", "*", "{"):  # the last character is optional
        literal = literal[:-1]
    return (literal,) if len(literal.strip()) >= 3 else None


def _top_level(pattern: str) -> str:
    """The pattern's characters outside groups, classes and escapes (to spot a top-level ``|``)."""
    depth, out, escaped, in_class = 0, [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _hits(patterns: Sequence[str], scoped: Scoped) -> list[Hit]:
    if not patterns:
        return []
    combined = _Gated(patterns)
    hits = []
    for provision, text in scoped:
        match = combined.search(text)
        if match is not None:
            hits.append(Hit(provision, _quote(provision, match)))
    return hits


def _evidence(hits: Sequence[Hit], notes: Sequence[str] = ()) -> tuple[tuple[Hit, ...], tuple[str, ...]]:
    """At most MAX_EVIDENCE hits, one per provision; the others are named in a note."""
    unique: dict[str, Hit] = {}
    for hit in hits:
        key = hit.provision.citation + "\x00" + hit.quote
        unique.setdefault(key, hit)
    kept = list(unique.values())[:MAX_EVIDENCE]
    rest = list(dict.fromkeys(h.provision.citation for h in list(unique.values())[MAX_EVIDENCE:]))
    notes = list(notes)
    if rest:  # name the first few; a long code can repeat a phrase hundreds of times
        named = ", ".join(rest[:MAX_ALSO])
        notes.append(
            f"also in {named}" + (f" and {len(rest) - MAX_ALSO} more" if len(rest) > MAX_ALSO else "")
        )
    return tuple(kept), tuple(notes)


def _quote(provision: Provision, match: re.Match[str]) -> str:
    """The provision, or for a long one the clause around the match: always a verbatim substring."""
    text = provision.text
    if len(text) <= MAX_QUOTE:
        return text
    start, end = match.start(), match.end()
    bounds = _clause_bounds(text)
    left = max((b for b in bounds if b <= start), default=0)
    right = min((b for b in bounds if b >= end), default=len(text))
    if right - left > MAX_QUOTE:  # no clause break near: a window around the match
        left = max(left, start - MAX_QUOTE // 2)
        right = min(right, max(end, left + MAX_QUOTE))
    return text[left:right].strip()


@functools.lru_cache(maxsize=1024)
def _clause_bounds(text: str) -> list[int]:
    return [0] + [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text)]


def _with_conditions(
    detection: Detection, rule: FactRule, provisions: Sequence[Provision], texts: Sequence[str]
) -> Detection:
    """Note conditions (e.g. "only if the victim cooperates") found in the evidence's sections."""
    sections = {h.provision.section for h in detection.evidence}
    notes = list(detection.notes)
    evidence = list(detection.evidence)
    for label, patterns in rule.conditions.items():
        combined = _Gated(patterns)
        for provision, text in zip(provisions, texts, strict=True):
            if provision.section not in sections:
                continue
            match = combined.search(text)
            if match is not None:
                notes.append(f"{label} ({provision.citation})")
                hit = Hit(provision, _quote(provision, match))
                if all(h.provision.citation != provision.citation for h in evidence):
                    evidence.append(hit)
                break
    return Detection(detection.path, detection.value, tuple(evidence), tuple(notes), detection.ambiguous)
