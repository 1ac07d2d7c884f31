"""Each criterion: its statuses and what it says is missing."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from lawcheck import criteria as c
from lawcheck.criteria import UNKNOWN, Status


class FakeFacts:
    """Facts by path; absent paths are UNKNOWN. Labels are the path's last part."""

    def __init__(self, **values: Any):
        self.values = {k.replace("__", "."): v for k, v in values.items()}

    def value(self, path: str) -> Any:
        return self.values.get(path, UNKNOWN)

    def label(self, path: str) -> str:
        return path.split(".")[1]

    def term(self, path: str, term: str) -> str:
        return term.replace("_", " ")

    def unassessed_terms(self, path: str) -> frozenset[str]:
        return frozenset(self.values.get(f"{path}#open", ()))


parse = TypeAdapter(c.Criterion).validate_python


def run(criterion: dict, **facts: Any) -> c.Outcome:
    return parse(criterion).evaluate(FakeFacts(**facts))


ALL = {"type": "includes_all", "fact": "a.acts", "terms": ["recruitment", "receipt", "transfer"]}


def test_includes_all():
    assert run(ALL, a__acts=["transfer", "receipt", "recruitment"]).status is Status.MET
    partial = run(ALL, a__acts=["recruitment"])
    assert partial.status is Status.PARTIAL and partial.missing == ("acts lack: receipt; transfer",)
    assert run(ALL, a__acts=[]).status is Status.NOT_MET
    unknown = run(ALL)
    assert unknown.status is Status.UNKNOWN and unknown.unknown == ("a.acts",)


def test_includes_any():
    crit = {"type": "includes_any", "fact": "a.forms", "terms": ["civil", "criminal"]}
    assert run(crit, a__forms=["criminal"]).status is Status.MET
    out = run(crit, a__forms=["administrative"])
    assert out.status is Status.NOT_MET and out.missing == ("forms include none of: civil; criminal",)


def test_is_true_and_is_false():
    assert run({"type": "is_true", "fact": "a.x"}, a__x=True).status is Status.MET
    out = run({"type": "is_true", "fact": "a.x"}, a__x=False)
    assert out.status is Status.NOT_MET and out.missing == ("not provided: x",)
    assert (
        run({"type": "is_true", "fact": "a.x", "otherwise": "partial"}, a__x=False).status is Status.PARTIAL
    )
    assert run({"type": "is_false", "fact": "a.x"}, a__x=False).status is Status.MET
    assert run({"type": "is_false", "fact": "a.x"}, a__x=True).missing == ("x",)
    assert run({"type": "is_false", "fact": "a.x"}).status is Status.UNKNOWN


def test_at_least():
    crit = {"type": "at_least", "fact": "a.days", "value": 30, "partial_from": 1}
    assert run(crit, a__days=30).status is Status.MET
    out = run(crit, a__days=14)
    assert out.status is Status.PARTIAL and out.missing == ("days is 14; at least 30 is required",)
    assert run(crit, a__days=0).status is Status.NOT_MET
    assert run({"type": "at_least", "fact": "a.age", "value": 18}, a__age=16).status is Status.NOT_MET


def test_one_of():
    crit = {"type": "one_of", "fact": "a.std", "met": ["direct"], "partial": ["compulsion"]}
    assert run(crit, a__std="direct").status is Status.MET
    out = run(crit, a__std="compulsion")
    assert out.status is Status.PARTIAL and out.missing == ("std: compulsion (required: direct)",)
    assert run(crit, a__std="duress").status is Status.NOT_MET


def both(kind: str) -> dict:
    return {
        "type": kind,
        "criteria": [{"type": "is_true", "fact": "a.x"}, {"type": "is_true", "fact": "a.y"}],
    }


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (True, True, Status.MET),
        (True, False, Status.PARTIAL),
        (False, False, Status.NOT_MET),
        (True, None, Status.UNKNOWN),  # could still be met
        (False, None, Status.NOT_MET),  # cannot be met, nothing known is met
        (None, None, Status.UNKNOWN),
    ],
)
def test_all_of(x, y, expected):
    facts = {k: v for k, v in (("a__x", x), ("a__y", y)) if v is not None}
    out = run(both("all_of"), **facts)
    assert out.status is expected
    if y is None:
        assert "a.y" in out.unknown


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (True, False, Status.MET),
        (False, False, Status.NOT_MET),
        (False, None, Status.UNKNOWN),
        (True, None, Status.MET),
    ],
)
def test_any_of(x, y, expected):
    facts = {k: v for k, v in (("a__x", x), ("a__y", y)) if v is not None}
    assert run(both("any_of"), **facts).status is expected


def test_any_of_reports_the_nearest_alternative():
    crit = {"type": "any_of", "criteria": [{"type": "is_false", "fact": "a.needs"}, ALL]}
    out = run(crit, a__needs=True, a__acts=["recruitment", "receipt"])
    assert out.status is Status.PARTIAL and out.missing == ("acts lack: transfer",)


def test_facts_read_lists_nested_facts_once():
    crit = parse({"type": "all_of", "criteria": [ALL, {"type": "any_of", "criteria": [ALL, both("all_of")]}]})
    assert crit.facts_read() == ("a.acts", "a.x", "a.y")


def test_every_criterion_documents_a_passing_and_a_failing_example():
    for name, cls in c.CRITERIA.items():
        doc = cls.__doc__ or ""
        assert "Example (met)" in doc, name
        assert "Example (partial)" in doc or "Example (not met)" in doc, name


def test_every_leaf_criterion_declares_the_fact_type_it_reads():
    leaves = {name for name in c.CRITERIA if name not in ("all_of", "any_of")}
    assert leaves == set(c.READS_TYPE)


def test_terms_not_assessed_are_unknown_not_missing():
    out = run(ALL, a__acts=["recruitment"], **{"a__acts#open": ["receipt", "transfer"]})
    assert out.status is Status.UNKNOWN and out.unknown == ("a.acts",)
    assert out.missing == ("acts not assessed: receipt; transfer",)
    out = run(ALL, a__acts=[], **{"a__acts#open": ["receipt"]})
    assert out.status is Status.NOT_MET
    assert out.missing == ("acts lack: recruitment; transfer", "acts not assessed: receipt")
    any_receipt = {"type": "includes_any", "fact": "a.acts", "terms": ["receipt"]}
    assert run(any_receipt, a__acts=[], **{"a__acts#open": ["receipt"]}).status is Status.UNKNOWN
