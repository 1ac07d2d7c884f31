"""JUnit XML: one test case per requirement, so CI systems list requirements like tests.

Met requirements pass; partly met and not met ones fail (with what is missing and the
recommendation); unknown and not applicable ones are skipped (with the reason).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

from ..criteria import Status
from ..evaluation import Assessment, Finding
from . import common

# XML 1.0 cannot carry most control characters, even escaped; a quote could hold one ("\x0b" in YAML)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


SIGNATURE = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="lawcheck"'


def _case(suite: ET.Element, f: Finding, classname: str) -> None:
    req = f.requirement
    case = ET.SubElement(
        suite, "testcase", {"classname": _x(classname), "name": _x(f"{req.id}: {req.title}")}
    )
    if f.reserved and f.reservation is not None and (f.status.is_gap or f.status is Status.UNKNOWN):
        r = f.reservation
        text = f"reserved until {r.expires.isoformat()} (accepted by {r.accepted_by}): {r.justification}"
        ET.SubElement(case, "skipped", {"message": _x(f"{common.STATUS_LABEL[f.status]}; {text}")})
    elif f.status.is_gap:
        message = f"{common.STATUS_LABEL[f.status]} (severity {req.severity.value}, {f.force.value})"
        failure = ET.SubElement(case, "failure", {"message": message, "type": f.status.value})
        details = [*f.missing, common.recommendation(f)]
        details += [f"{c.citation}: {c.source.quote}" for c in f.sources]
        failure.text = _x("\n".join(d for d in details if d))
    elif f.status is Status.UNKNOWN:
        ET.SubElement(case, "skipped", {"message": _x(common.recommendation(f))})
    elif f.status is Status.NOT_APPLICABLE:
        ET.SubElement(case, "skipped", {"message": "not applicable to this law"})


def render(a: Assessment) -> str:
    p = a.profile
    total = a.summary()
    root = ET.Element("testsuites", {"name": "lawcheck"})
    gaps = total.counts[Status.PARTIAL] + total.counts[Status.NOT_MET]
    skipped = total.counts[Status.UNKNOWN] + total.counts[Status.NOT_APPLICABLE]
    suite = ET.SubElement(
        root,
        "testsuite",
        {
            "name": _x(f"{p.jurisdiction}: {p.name}"),
            "tests": str(len(a.findings)),
            "failures": str(gaps),
            "errors": "0",
            "skipped": str(skipped),
            "file": _x(os.path.basename(a.profile_file)),
        },
    )
    for f in a.findings:
        _case(suite, f, f"lawcheck.{p.jurisdiction}.{f.requirement.area}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
