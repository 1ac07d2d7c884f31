"""Loading profiles and checklists: every class of bad input gives a positioned, named problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.errors import InputError
from lawcheck.loading import load_checklists, load_profile
from lawcheck.model import Profile

from .conftest import EXAMPLELAND, PROFILES


def problems(path: Path, catalogue) -> list:
    with pytest.raises(InputError) as info:
        load_profile(path, catalogue)
    return list(info.value.problems)


def only(path: Path, catalogue):
    found = problems(path, catalogue)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_shipped_profiles_load(catalogue):
    paths = sorted(PROFILES.glob("*.yaml"))
    assert EXAMPLELAND in paths and len(paths) >= 3
    for path in paths:
        assert isinstance(load_profile(path, catalogue), Profile)


def test_misspelt_key_is_named_with_a_suggestion(edited, catalogue):
    p = only(edited(("  - id: bill\n", "  - id: bill\n    titel: x\n")), catalogue)
    assert p.path == ("instruments", 0, "titel")
    assert "unknown key 'titel'" in p.message and "did you mean 'title'" in p.message
    assert p.line == 10 and p.file.endswith("p.yaml")


def test_unknown_fact_and_area(edited, catalogue):
    p = only(edited(("    acts:\n", "    act:\n")), catalogue)
    assert p.path == ("facts", "definition", "act") and "did you mean 'acts'" in p.message
    p = only(edited(("  residence:\n", "  residense:\n")), catalogue)
    assert p.path == ("facts", "residense") and "did you mean 'residence'" in p.message


def test_duplicate_keys_are_refused(edited, catalogue):
    p = only(edited(("as_of: 2026-11-01\n", "as_of: 2026-11-01\nas_of: 2026-11-02\n")), catalogue)
    assert "duplicate key 'as_of'" in p.message and "line 6" in p.message and p.line == 7


def test_wrong_types(edited, catalogue):
    p = only(edited(("value: 16", 'value: "sixteen"')), catalogue)
    assert p.path == ("facts", "definition", "child_age_limit", "value")
    assert "expected a number" in p.message
    p = only(
        edited(("    offence_exists:\n      value: true", "    offence_exists:\n      value: yes please")),
        catalogue,
    )
    assert "expected true or false" in p.message
    p = only(
        edited(("value: [recruitment, transportation, transfer, harbouring]", "value: recruitment")),
        catalogue,
    )
    assert "expected a list of terms" in p.message
    p = only(edited(("as_of: 2026-11-01", "as_of: last week")), catalogue)
    assert p.path == ("as_of",) and "date" in p.message


def test_bad_enum_values(edited, catalogue):
    p = only(edited(("status: bill", "status: proposed")), catalogue)
    assert p.path == ("status",) and "'in_force'" in p.message and "proposed" in p.message
    p = only(edited(("value: direct_consequence", "value: direct-consequence")), catalogue)
    assert "unknown term 'direct-consequence'" in p.message and "direct_consequence" in p.message


def test_unknown_term_suggests(edited, catalogue):
    p = only(edited(("transfer, harbouring]", "transfer, harboring]")), catalogue)
    assert p.path == ("facts", "definition", "acts", "value", 3) and "did you mean 'harbouring'" in p.message


def test_term_listed_twice(edited, catalogue):
    p = only(
        edited(
            (
                "[recruitment, transportation, transfer, harbouring]",
                "[recruitment, transportation, transfer, recruitment]",
            )
        ),
        catalogue,
    )
    assert "listed twice" in p.message


def test_missing_evidence(edited, catalogue):
    p = only(
        edited(
            (
                "    victims_any_sex:\n      value: true\n      evidence:\n"
                '        - {instrument: bill, section: s. 1(1), quote: "harbours another person"}\n',
                "    victims_any_sex:\n      value: true\n",
            )
        ),
        catalogue,
    )
    assert p.path == ("facts", "definition", "victims_any_sex") and "needs 'evidence'" in p.message


def test_blank_quote_and_missing_section(edited, catalogue):
    p = only(edited(('quote: "harbours another person"', 'quote: "   "')), catalogue)
    assert p.path[-1] == "quote" and "blank" in p.message
    p = only(
        edited(
            (
                '{instrument: bill, section: s. 1(1), quote: "harbours another person"}',
                '{instrument: bill, quote: "harbours another person"}',
            )
        ),
        catalogue,
    )
    assert p.path[-1] == "section" and "missing required key 'section'" in p.message


def test_evidence_must_cite_a_declared_instrument(edited, catalogue):
    p = only(
        edited(
            (
                '{instrument: bill, section: s. 1(1), quote: "harbours another person"}',
                '{instrument: bil, section: s. 1(1), quote: "harbours another person"}',
            )
        ),
        catalogue,
    )
    assert p.path[-1] == "instrument" and "not declared" in p.message and "did you mean 'bill'" in p.message


def test_not_assessed_takes_no_value(edited, catalogue):
    p = only(
        edited(
            (
                "      not_assessed: The bill is silent on detention;",
                "      value: true\n      not_assessed: The bill is silent on detention;",
            )
        ),
        catalogue,
    )
    assert "takes no 'value'" in p.message


def test_absence_needs_a_note(edited, catalogue):
    p = only(
        edited(
            ("      note: Part 3 provides a fine only; no confiscation, closure or disqualification.\n", "")
        ),
        catalogue,
    )
    assert "'checked' needs a 'note'" in p.message


def test_checked_must_name_declared_instruments(edited, catalogue):
    p = only(edited(("checked: [bill]", "checked: [act]")), catalogue)
    assert p.path == ("facts", "legal_persons", "further_sanctions", "checked", 0)


def test_several_problems_reported_together(edited, catalogue):
    found = problems(
        edited(("status: bill", "status: proposed"), ("jurisdiction: XX", "jurisdiction: xx")), catalogue
    )
    assert {p.path for p in found} == {("status",), ("jurisdiction",)}


def test_top_level_must_be_a_mapping(tmp_path, catalogue):
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n")
    assert "expected a mapping" in only(path, catalogue).message
    path.write_text("")
    assert "empty" in only(path, catalogue).message


def test_missing_file_and_directory(tmp_path, catalogue):
    assert "no such file" in only(tmp_path / "nope.yaml", catalogue).message
    assert "is a directory" in only(tmp_path, catalogue).message


# --- checklists ---------------------------------------------------------------------------


def write_checklist(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text("checklist: mine\ntitle: Mine\nversion: '1'\nrequirements:\n" + body, encoding="utf-8")
    return path


REQ = """  - id: MY-REQ-ONE
    area: definition
    title: A test requirement
    sources: [palermo-3a-acts]
    criterion: {criterion}
    severity: high
    rationale: Because.
    remedy: do it
"""


def checklist_problem(tmp_path, criterion: str, **extra) -> str:
    body = REQ.replace("{criterion}", criterion)
    for old, new in extra.items():
        body = body.replace(old, new)
    with pytest.raises(InputError) as info:
        load_checklists(["palermo", str(write_checklist(tmp_path, body))])
    return "\n".join(str(p) for p in info.value.problems)


def test_custom_checklist_adds_a_requirement_without_code(tmp_path):
    body = REQ.replace("{criterion}", "{type: is_true, fact: definition.offence_exists}")
    _, lists = load_checklists(["palermo", str(write_checklist(tmp_path, body))])
    assert [c.id for c in lists] == ["palermo", "mine"]
    assert lists[1].requirements[0].id == "MY-REQ-ONE"


def test_unknown_criterion_type(tmp_path):
    text = checklist_problem(tmp_path, "{type: includes_al, fact: definition.acts, terms: [receipt]}")
    assert "unknown criterion type 'includes_al'" in text and "did you mean 'includes_all'" in text
    assert "mine.yaml:" in text and "requirements[0].criterion" in text


def test_criterion_on_unknown_fact_or_term(tmp_path):
    assert "unknown fact 'definition.actz'" in checklist_problem(
        tmp_path, "{type: includes_all, fact: definition.actz, terms: [receipt]}"
    )
    assert "unknown term 'reciept'" in checklist_problem(
        tmp_path, "{type: includes_all, fact: definition.acts, terms: [reciept]}"
    )


def test_criterion_type_must_fit_fact_type(tmp_path):
    text = checklist_problem(tmp_path, "{type: is_true, fact: definition.acts}")
    assert "needs a fact of type 'boolean'" in text


def test_unknown_source_and_area(tmp_path):
    text = checklist_problem(
        tmp_path,
        "{type: is_true, fact: definition.offence_exists}",
        **{"[palermo-3a-acts]": "[palermo-3a-act]", "area: definition": "area: defn"},
    )
    assert "unknown source 'palermo-3a-act'" in text and "unknown area 'defn'" in text


def test_duplicate_requirement_id_across_checklists(tmp_path):
    text = checklist_problem(
        tmp_path, "{type: is_true, fact: definition.offence_exists}", **{"MY-REQ-ONE": "PAL-DEF-ACTS"}
    )
    assert "'PAL-DEF-ACTS' is already defined" in text


def test_unknown_checklist_name_lists_the_known_ones():
    with pytest.raises(InputError) as info:
        load_checklists(["palermoo"])
    text = str(info.value)
    assert "did you mean 'palermo'" in text and "un-principles" in text
