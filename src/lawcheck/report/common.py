"""Wording shared by every report format: status labels, recommendations, evidence lines."""

from __future__ import annotations

from .. import __version__
from ..criteria import Status
from ..evaluation import Assessment, Finding
from ..model import Commencement, Force

STATUS_LABEL = {
    Status.MET: "Met",
    Status.PARTIAL: "Partly met",
    Status.NOT_MET: "Not met",
    Status.UNKNOWN: "Unknown",
    Status.NOT_APPLICABLE: "Not applicable",
}

FORCE_LABEL = {
    Force.SHALL: "binding (shall)",
    Force.SHALL_CONSIDER: "binding to consider (shall consider)",
    Force.SHOULD: "recommended (should)",
}

GENERATOR = f"lawcheck {__version__}"


def recommendation(finding: Finding) -> str:
    """A legislative-opinion sentence whose strength follows the binding force of the sources.

    "urge" for a binding obligation not met, "recommend ... consider" for an obligation to
    consider, "invite" for soft law or a regional benchmark the State has not accepted.
    """
    if finding.status is Status.UNKNOWN:
        facts = ", ".join(f"`{p}`" for p in finding.unknown_facts)
        return f"Assess the law on this point and record it in the profile ({facts})."
    if not finding.status.is_gap:
        return ""
    remedy = finding.requirement.remedy.strip().rstrip(".")
    if finding.force is Force.SHALL:
        return f"We urge the legislator to {remedy}."
    if finding.force is Force.SHALL_CONSIDER:
        return f"We recommend that the legislator consider measures to {remedy}."
    return f"The legislator is invited to {remedy}."


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value * 100)}%"


def value_text(assessment: Assessment, path: str, value: object) -> str:
    """A fact's value in words: term labels for term lists, yes/no for booleans."""
    catalogue = assessment.catalogue
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(catalogue.term(path, v) for v in value) if value else "none"
    if isinstance(value, str):
        return catalogue.term(path, value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def lines_text(lines: str) -> str:
    """A draft line range in words: "line 7" or "lines 7-9"."""
    return f"lines {lines}" if "-" in lines else f"line {lines}"


def dormant_provisions(assessment: Assessment) -> list[tuple[str, str, str]]:
    """(instrument title, section, status) for every cited provision that is not in force."""
    profile = assessment.profile
    rows = {
        (instrument.title, ev.section, status.label)
        for named in profile.facts.values()
        for fact in named.values()
        for ev in fact.evidence
        if (status := profile.commencement(ev)) is not Commencement.IN_FORCE
        and (instrument := profile.instrument(ev.instrument)) is not None
    }
    return sorted(rows)
