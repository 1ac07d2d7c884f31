"""Detectors: what the English lexicon finds in a draft, with evidence, and what it refuses to guess."""

from __future__ import annotations

import pytest

from lawcheck.extract import DraftText, extract, load_lexicon

from .conftest import BILL_TXT


def detect(*lines: str):
    return extract(DraftText("draft.txt", tuple(lines)), load_lexicon()).detections


def value(detections, path):
    return detections[path].value


@pytest.fixture(scope="module")
def bill():
    from lawcheck.extract import extract_file

    return extract_file(BILL_TXT)


def test_bill_definition_is_read_with_evidence(bill):
    d = bill.detections
    assert value(d, "definition.acts") == ["recruitment", "transportation", "transfer", "harbouring"]
    assert value(d, "definition.means") == [
        "threat_of_force",
        "use_of_force",
        "abduction",
        "fraud",
        "deception",
    ]
    assert value(d, "definition.purposes") == [
        "prostitution_of_others",
        "forced_labour_or_services",
        "slavery",
    ]
    assert value(d, "definition.purposes_open_ended") is False  # '"exploitation" means' closes the list
    assert value(d, "definition.child_age_limit") == 16  # "sixteen" in words
    assert value(d, "definition.child_no_means") == "all_forms"
    assert value(d, "definition.consent_irrelevant") is True
    assert value(d, "definition.cross_border_required") is True
    acts = d["definition.acts"].evidence[0]
    assert acts.provision.citation == "s. 1(1)" and acts.provision.lines == "7"
    assert acts.quote in BILL_TXT.read_text(encoding="utf-8")  # verbatim


def test_bill_victims_and_legal_persons(bill):
    d = bill.detections
    assert value(d, "non_criminalisation.offences_covered") == ["immigration_status"]
    assert value(d, "non_criminalisation.protects_against") == ["prosecution"]
    assert value(d, "non_criminalisation.adult_standard") == "direct_consequence"
    nc = d["non_criminalisation.provision_in_law"]
    # "applies only if the victim cooperates" makes the protection conditional: said, with its source
    assert any("conditional on cooperating" in n and "s. 10(2)" in n for n in nc.notes)
    assert value(d, "residence.reflection_period_days") == 14
    assert value(d, "residence.permit_conditional_on_cooperation") is True
    assert value(d, "residence.permit_grounds") == ["cooperation"]
    assert value(d, "legal_persons.liability_exists") is True
    assert value(d, "legal_persons.without_prejudice_to_natural_persons") is True
    assert value(d, "penalties.max_prison_years") == 15


def test_every_quote_is_a_verbatim_substring_of_its_provision(bill):
    for detection in bill.detections.values():
        for hit in detection.evidence:
            assert hit.quote and hit.quote in hit.provision.text


def test_prostitution_alone_does_not_yield_forced_labour():
    d = detect(
        "Section 4. Trafficking",
        "(1) A person who recruits another for the purpose of prostitution commits an offence.",
    )
    assert value(d, "definition.purposes") == ["prostitution_of_others"]
    assert value(d, "definition.acts") == ["recruitment"]


def test_including_makes_the_purposes_open_ended():
    d = detect(
        "Section 2. Interpretation",
        '(1) "exploitation" includes forced labour, servitude and the removal of organs.',
    )
    assert value(d, "definition.purposes_open_ended") is True
    assert value(d, "definition.purposes") == ["forced_labour_or_services", "servitude", "removal_of_organs"]


def test_excluded_purpose_is_not_counted_but_reported():
    d = detect(
        "Section 2. Interpretation",
        '(1) "exploitation" means slavery or servitude, and does not include forced labour.',
    )
    purposes = d["definition.purposes"]
    assert purposes.value == ["slavery", "servitude"]
    assert any("forced_labour_or_services" in n for n in purposes.notes)


def test_conflicting_numbers_are_ambiguous_not_guessed():
    d = detect(
        "Section 7. Reflection period",
        "(1) A victim shall be granted a reflection period of 30 days.",
        "(2) A child victim shall be granted a reflection period of 60 days.",
    )
    days = d["residence.reflection_period_days"]
    assert days.value is None and "30 (s. 7(1))" in days.ambiguous and "60 (s. 7(2))" in days.ambiguous


def test_unreadable_number_is_reported():
    d = detect("Section 7. Reflection", "(1) A victim shall have a reflection period of umpteen days.")
    assert "umpteen" in d["residence.reflection_period_days"].ambiguous


def test_penalties_take_the_highest_term_and_say_so():
    d = detect(
        "Section 3. Penalties",
        "(1) A person guilty of trafficking is liable to imprisonment for a term not exceeding 12 years.",
        "(2) Where the victim is a child, the person is liable to imprisonment for life.",
    )
    penalty = d["penalties.max_prison_years"]
    assert penalty.value == 99 and any("12" in n for n in penalty.notes)


def test_receiving_money_is_not_the_act_of_receipt():
    d = detect(
        "Section 5. Trafficking",
        "(1) A person who harbours another and receives any payment for the purpose of exploitation "
        "commits an offence.",
    )
    assert value(d, "definition.acts") == ["harbouring"]


def test_words_outside_scope_are_ignored():
    # "transport" and "receive" in a compensation clause are not acts of trafficking
    d = detect(
        "Section 30. Compensation", "(1) The court may order the State to transport and receive the claimant."
    )
    assert not d["definition.acts"].found


def test_nothing_found_in_unrelated_text():
    d = detect("Section 1. Short title", "This Act may be cited as the Fisheries Act.")
    assert not any(x.found for x in d.values())


def test_a_new_language_is_a_data_file(tmp_path, monkeypatch):
    from lawcheck.extract import lexicon as lexicon_module

    src = lexicon_module.lexicon_dir() / "en.yaml"
    (tmp_path / "xx.yaml").write_text(src.read_text(encoding="utf-8").replace("language: en", "language: xx"))
    monkeypatch.setattr(lexicon_module, "lexicon_dir", lambda: tmp_path)
    lexicon_module.load_lexicon.cache_clear()
    try:
        assert load_lexicon("xx").language == "xx"
        from lawcheck.errors import InputError

        with pytest.raises(InputError, match="available: xx"):
            load_lexicon("fr")
    finally:
        lexicon_module.load_lexicon.cache_clear()


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        (r"\bthreat(?:s|en)?\b", ("threat",)),
        (r"(?<!threat of )\bforce\b(?!d)", ("force",)),
        (r"\bharbou?r(?:s|ed)?\b", ("harbo",)),  # the optional "u" is not required
        ("(?:commits|is guilty of) an offen[cs]e", ("commits", "is guilty of")),
        ("(?:other )?sexual exploitation", None),  # optional leading group: no safe literal
        ("co-?operat", None),  # too short once the optional character is dropped
        ("adoption|surrogacy", None),  # top-level alternatives
    ],
)
def test_literal_gates_are_required_by_every_match(pattern, gate):
    from lawcheck.extract.detect import _gate

    assert _gate(pattern) == gate


def test_gates_change_no_result(monkeypatch):
    """The literal gates only skip work: every corpus text gives the same detections without them."""
    from pathlib import Path

    from lawcheck.extract import detect as detect_module
    from lawcheck.extract import extract_file

    corpus = sorted((Path(__file__).resolve().parents[1] / "data" / "statutes").glob("*.txt"))
    gated = [extract_file(p).detections for p in [*corpus, BILL_TXT]]
    monkeypatch.setattr(detect_module, "_gate", lambda pattern: None)
    plain = [extract_file(p).detections for p in [*corpus, BILL_TXT]]
    assert gated == plain
