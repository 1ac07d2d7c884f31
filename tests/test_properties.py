"""Property-based tests: random or mutated input never escapes as a traceback.

Either a valid result or an InputError naming the file. The example count is kept small for CI;
raise it with HYPOTHESIS_PROFILE=thorough (see README).
"""

from __future__ import annotations

import copy
import os
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawcheck.errors import InputError
from lawcheck.evaluation import evaluate
from lawcheck.loading import check_profile, validate
from lawcheck.model import Profile
from lawcheck.report import Format, render
from lawcheck.yamlread import Document, parse_text

from .conftest import EXAMPLELAND

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "thorough",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

BASE = yaml.safe_load(EXAMPLELAND.read_text(encoding="utf-8"))

yaml_chars = st.text(
    alphabet=st.sampled_from([*list("ab:-[]{}&*!|>'\"#\n\t ,?%@`1."), "é", "\ufeff", "\x00"]), max_size=200
)


@given(yaml_chars)
def test_any_text_parses_or_fails_cleanly(text):
    try:
        parse_text(text, "fuzz.yaml")
    except InputError as exc:
        assert all(p.file == "fuzz.yaml" for p in exc.problems)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.lists(st.text(max_size=10), max_size=3),
)


def paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            found += paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += paths(v, (*prefix, i))
    return found


ALL_PATHS = [p for p in paths(BASE) if p]


def mutate(data: Any, mutations: list[tuple[tuple, Any, bool]]) -> None:
    """Set (or delete) the value at each path; paths made stale by earlier mutations are skipped."""
    for path, value, delete in mutations:
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if delete and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue


@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), scalars, st.booleans()), min_size=1, max_size=4))
def test_mutated_profiles_validate_or_fail_cleanly(builtin, mutations):
    data = copy.deepcopy(BASE)
    mutate(data, mutations)
    doc = Document("mutant.yaml", data)
    catalogue, checklists = builtin
    try:
        profile = check_profile(doc, validate(doc, Profile), catalogue)
    except InputError as exc:
        assert all(p.file == "mutant.yaml" and p.message for p in exc.problems)
        return
    assessment = evaluate(profile, catalogue, checklists)
    for fmt in Format:
        assert render(assessment, fmt)


CHECKLIST = yaml.safe_load(
    (EXAMPLELAND.parents[1] / "checklists" / "palermo.yaml").read_text(encoding="utf-8")
)
CHECKLIST_PATHS = [p for p in paths(CHECKLIST) if p]


@given(st.lists(st.tuples(st.sampled_from(CHECKLIST_PATHS), scalars, st.booleans()), min_size=1, max_size=3))
def test_mutated_checklists_load_or_fail_cleanly(tmp_path_factory, mutations):
    from lawcheck.loading import load_checklists

    data = copy.deepcopy(CHECKLIST)
    data["checklist"] = "mutant"
    for req in data.get("requirements", []):
        if isinstance(req, dict) and isinstance(req.get("id"), str):
            req["id"] = "MUT-" + req["id"]  # avoid clashing with the built-in palermo ids
    mutate(data, mutations)
    target = tmp_path_factory.mktemp("fuzz") / "mutant.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_checklists([str(target)])
    except InputError as exc:
        assert all(p.message for p in exc.problems)
        assert any("mutant.yaml" in p.file for p in exc.problems)
