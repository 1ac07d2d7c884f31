"""Markdown report, for opinions and submissions: a Jinja2 template for the page, Python for each finding."""

from __future__ import annotations

import functools
import re

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..criteria import Status
from ..evaluation import Assessment, CitedSource, FactUse, Finding
from ..model import Commencement
from . import common

MARKER = "<!-- lawcheck report: generated; regenerate it rather than editing it -->"

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_text(value: object) -> str:
    """Escape text from profiles and checklists so it renders literally, on one line."""
    return _md_text(str(value))


def md_quote(value: object) -> str:
    """A blockquote that keeps the quote's line breaks and renders its characters literally."""
    return _md_quote(str(value))


# Checklist text (titles, quotes, rationales) repeats in every report of a batch: escape it once.
@functools.lru_cache(maxsize=4096)
def _md_text(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


@functools.lru_cache(maxsize=4096)
def _md_quote(text: str) -> str:
    lines = [_SPECIAL.sub(r"\\\1", line.strip()) for line in text.strip().splitlines()]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


@functools.lru_cache(maxsize=1)
def _template():
    """Compiled once per process: compiling costs far more than rendering."""
    return _environment().get_template("report.md.j2")


@functools.lru_cache(maxsize=1)
def _standard_template():
    return _environment().get_template("standard.md.j2")


# A requirement's sources read the same in every report of a batch (given the forces, which
# depend on the State's ratifications), and evaluation hands every such finding the same tuple
# of cited sources: render that block once per tuple. Keyed by the tuple's identity, which is
# cheap; each entry keeps its tuple alive, so the id cannot be reused while the entry exists.
_STANDARD: dict[int, tuple[tuple[CitedSource, ...], str]] = {}


def standard_block(finding: Finding) -> str:
    """The "What the standard requires" block of one finding."""
    sources = finding.sources
    entry = _STANDARD.get(id(sources))
    if entry is None:
        if len(_STANDARD) > 4096:  # a long-lived process with many checklists: start again
            _STANDARD.clear()
        text = _squeeze(_standard_template().render(sources=sources, force_label=common.FORCE_LABEL))
        entry = _STANDARD[id(sources)] = (sources, text)
    return entry[1]


@functools.lru_cache(maxsize=4096)
def _indented_quote(quote: str) -> str:
    """A statute quote as a blockquote inside a list item (Jinja's ``quote | indent(2, true)``)."""
    return "\n".join("  " + line if line else line for line in _md_quote(quote).split("\n"))


@functools.lru_cache(maxsize=4096)
def _heading(finding_id: str, title: str) -> str:
    return f"### {finding_id}: {_md_text(title)}\n\n"


def finding_block(finding: Finding, assessment: Assessment, said: dict[str, str]) -> str:
    """One finding's section: status, the law's facts with their quotes, the standard, the advice.

    Written in Python rather than in the template: a batch renders it for every requirement of
    every profile, and Jinja's attribute lookups made it most of the rendering time. ``said``
    keeps each fact's lines (by path) for the rest of the report: several requirements read one fact.
    """
    f = finding
    head, tail = _wording(f)
    out = [head]
    if (reservation := f.reservation) is not None:
        on = f" on {reservation.accepted_on.isoformat()}" if reservation.accepted_on else ""
        expired = " The reservation has expired and no longer counts." if f.reservation_expired else ""
        out.append(
            f"\n**{'Reservation expired' if f.reservation_expired else 'Reserved'}** "
            f"(until {reservation.expires.isoformat()}; accepted by {md_text(reservation.accepted_by)}{on}): "
            f"{md_text(reservation.justification)}{expired}\n\n"
        )
    # no run of blank lines anywhere in the block: render() puts it in the page unsqueezed
    out.append("**What the law says**\n\n" if reservation is not None else "\n**What the law says**\n\n")
    for use in f.facts:
        text = said.get(use.path)
        if text is None:
            text = said[use.path] = _fact_lines(use, assessment)
        out.append(text)
    if not out[-1].endswith("\n\n"):
        out.append("\n")
    out.append(tail)
    return "".join(out)


# What a finding says apart from the law's facts repeats across the reports of a batch (the same
# requirement with the same status): write it once per combination. Keyed by identity where the
# parts are objects; each entry keeps them alive, so their ids cannot be reused meanwhile.
_WORDING: dict[tuple[object, ...], tuple[object, object, str, str]] = {}


def _wording(f: Finding) -> tuple[str, str]:
    """The finding's heading and status line; and its standard, what is missing, advice and rationale."""
    req = f.requirement
    key = (id(req), id(f.sources), f.status, f.force, f.checklist, f.missing, f.unknown_facts)
    entry = _WORDING.get(key)
    if entry is None:
        head = (
            f"{_heading(req.id, req.title)}**Status: {common.STATUS_LABEL[f.status]}** · "
            f"severity {req.severity.value} · {common.FORCE_LABEL[f.force]} · checklist {f.checklist}\n"
        )
        tail = [standard_block(f)]
        if f.missing:
            tail.append(f"**What is missing:** {'; '.join(md_text(m) for m in f.missing)}.\n\n")
        if f.status.is_gap or f.status is Status.UNKNOWN:
            tail.append(f"**Recommendation:** {md_text(common.recommendation(f))}\n\n")
        tail.append(f"*Why it matters:* {md_text(req.rationale)}\n\n")
        if len(_WORDING) > 65536:  # a long-lived process with many checklists: start again
            _WORDING.clear()
        entry = _WORDING[key] = (req, f.sources, head, "".join(tail))
    return entry[2], entry[3]


def _fact_lines(use: FactUse, assessment: Assessment) -> str:
    """What the profile says on one fact: its value, note, and every provision with its quote."""
    fact = use.fact
    if fact is None:
        return f"- {use.path}: the profile is silent.\n"
    if not fact.assessed:
        return f"- {use.path}: not assessed ({md_text(fact.not_assessed)}).\n"
    profile = assessment.profile
    value = md_text(common.value_text(assessment, use.path, fact.value))
    extracted = " (machine-extracted)" if fact.extracted else ""
    note = f" ({md_text(fact.note)})" if fact.note else ""
    out = [f"- {use.path}: **{value}**{extracted}{note}\n"]
    if use.disregarded:
        reading = "read as lacking it" if fact.checked else "unknown on this point"
        out.append(
            "  Not counted: every provision cited for this fact is out of force, "
            f"so the law in force is {reading}.\n"
        )
    for ev in fact.evidence:
        title = md_text(profile.instruments_by_id[ev.instrument].title)
        lines = f", {common.lines_text(ev.lines)}" if ev.lines else ""
        url = f" ({ev.url})" if ev.url else ""
        status = profile.commencement(ev)
        dormant = f" (**{status.label}**)" if status is not Commencement.IN_FORCE else ""
        where = f"{title}, {md_text(ev.section)}{lines}{url}{dormant}"
        out.append(f"  {where}:\n\n{_indented_quote(ev.quote)}\n\n")
    if fact.checked:
        titles = "; ".join(md_text(profile.instruments_by_id[c].title) for c in fact.checked)
        out.append(f"  No such provision was found in: {titles}.\n")
    return "".join(out)


def _squeeze(text: str) -> str:
    """Collapse runs of blank lines to one (str.replace is several times faster than a regex here)."""
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lawcheck", "report/templates"),
        autoescape=False,  # markdown, not HTML: escaping is done by md_text / md_quote
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_text
    env.filters["quote"] = md_quote
    env.filters["percent"] = common.percent
    return env


# Stands in the template's output for each finding block until the text around it is collapsed.
# NUL cannot occur in YAML text; if profile text built in memory holds the marker anyway,
# render() notices (the count is off) and takes the long way.
_SLOT = "\x00lawcheck-finding\x00"


def render(assessment: Assessment) -> str:
    template = _template()
    areas = assessment.areas()
    by_area: dict[str, list[Finding]] = {area.id: [] for area in areas}
    for f in assessment.findings:
        by_area[f.requirement.area].append(f)
    silent = sorted(
        {p for f in assessment.findings for p in f.unknown_facts if assessment.profile.fact(p) is None}
    )
    context = dict(
        marker=MARKER,
        a=assessment,
        p=assessment.profile,
        total=assessment.summary(),
        areas=areas,
        gaps=assessment.gaps()[:10],
        not_assessed=assessment.not_assessed(),
        silent=silent,
        dormant=common.dormant_provisions(assessment),
        Status=Status,
        label=common.STATUS_LABEL,
        force_label=common.FORCE_LABEL,
        recommendation=common.recommendation,
        generator=common.GENERATOR,
    )
    said: dict[str, str] = {}
    blocks: list[str] = []

    def area_findings(area: str) -> str:
        return "".join(finding_block(f, assessment, said) for f in by_area[area])

    def slot(area: str) -> str:
        blocks.append(area_findings(area))
        return _SLOT

    # The template's text has runs of blank lines to collapse; the finding blocks (nearly all of
    # the report) are written without any, so they go into their slots after collapsing. One
    # slot per area, not per finding: each call out of a template costs Jinja a context lookup.
    parts = _squeeze(template.render(context, findings=slot)).split(_SLOT)
    if len(parts) != len(blocks) + 1:
        return _squeeze(template.render(context, findings=area_findings))
    pieces = [""] * (2 * len(blocks) + 1)
    pieces[0::2] = parts
    pieces[1::2] = blocks
    return "".join(pieces)
