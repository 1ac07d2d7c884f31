"""Markdown report (Jinja2 template), for opinions and submissions."""

from __future__ import annotations

import functools
import re

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..criteria import Status
from ..evaluation import Assessment, Finding
from ..model import Commencement, Force
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
# depend on the State's ratifications): render that block once per distinct set of sources.
_STANDARD: dict[tuple[tuple[str, Force, str, str], ...], str] = {}


def standard_block(finding: Finding) -> str:
    """The "What the standard requires" block of one finding."""
    key = tuple((c.citation, c.force, c.source.quote, c.source.url or "") for c in finding.sources)
    text = _STANDARD.get(key)
    if text is None:
        if len(_STANDARD) > 4096:  # a long-lived process with many checklists: start again
            _STANDARD.clear()
        text = _STANDARD[key] = _standard_template().render(
            sources=finding.sources, force_label=common.FORCE_LABEL
        )
    return text


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
    env.filters["lines"] = common.lines_text
    return env


def render(assessment: Assessment) -> str:
    template = _template()
    areas = assessment.areas()
    by_area = {area.id: [f for f in assessment.findings if f.requirement.area == area.id] for area in areas}
    silent = sorted(
        {p for f in assessment.findings for p in f.unknown_facts if assessment.profile.fact(p) is None}
    )
    text = template.render(
        marker=MARKER,
        a=assessment,
        p=assessment.profile,
        total=assessment.summary(),
        areas=areas,
        by_area=by_area,
        gaps=assessment.gaps()[:10],
        not_assessed=assessment.not_assessed(),
        silent=silent,
        dormant=common.dormant_provisions(assessment),
        Status=Status,
        in_force=Commencement.IN_FORCE,
        label=common.STATUS_LABEL,
        force_label=common.FORCE_LABEL,
        recommendation=common.recommendation,
        value_text=lambda path, value: common.value_text(assessment, path, value),
        generator=common.GENERATOR,
        standard=standard_block,
    )
    return _squeeze(text)
