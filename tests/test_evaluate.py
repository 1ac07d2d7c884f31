"""Evaluation of each core area against the built-in checklists, including partial and unknown cases."""

from __future__ import annotations

import json

from lawcheck.criteria import UNKNOWN, Status
from lawcheck.evaluation import ProfileFacts, evaluate
from lawcheck.loading import load_profile
from lawcheck.model import Force
from lawcheck.report import Format, render

from .conftest import EXAMPLELAND


def assess(path, builtin):
    catalogue, checklists = builtin
    return evaluate(load_profile(path, catalogue), catalogue, checklists, str(path))


def finding(assessment, rid):
    return next(f for f in assessment.findings if f.requirement.id == rid)


# --- definition ---------------------------------------------------------------------------


def test_definition_partial_gaps_name_what_is_missing(exampleland, builtin):
    a = evaluate(exampleland, *builtin)
    acts = finding(a, "PAL-DEF-ACTS")
    assert acts.status is Status.PARTIAL and acts.missing == ("acts lack: receipt",)
    purposes = finding(a, "PAL-DEF-PURPOSES")
    assert purposes.status is Status.PARTIAL
    assert purposes.missing == (
        "exploitation purposes lack: other forms of sexual exploitation; practices "
        "similar to slavery; servitude; removal of organs",
    )
    age = finding(a, "PAL-DEF-CHILD-AGE")
    assert age.status is Status.NOT_MET and "is 16; at least 18" in age.missing[0]
    assert finding(a, "PAL-DEF-DOMESTIC").status is Status.PARTIAL
    assert finding(a, "PAL-DEF-CONSENT").status is Status.MET


def test_definition_without_a_means_element_meets_means_and_child_rules(edited, builtin):
    path = edited(
        ("    means_required:\n      value: true", "    means_required:\n      value: false"),
        ("    child_no_means:\n      value: all_forms", "    child_no_means:\n      value: none"),
    )
    a = assess(path, builtin)
    assert finding(a, "PAL-DEF-MEANS").status is Status.MET
    assert finding(a, "PAL-DEF-CHILD-NO-MEANS").status is Status.MET


def test_complete_definition_is_met(edited, builtin):
    path = edited(
        (
            "value: [recruitment, transportation, transfer, harbouring]",
            "value: [recruitment, transportation, transfer, harbouring, receipt]",
        ),
        (
            "value: [prostitution_of_others, forced_labour_or_services, slavery]",
            "value: [prostitution_of_others, other_sexual_exploitation, forced_labour_or_services, slavery, "
            "practices_similar_to_slavery, servitude, removal_of_organs]",
        ),
        ("value: 16", "value: 18"),
        ("    cross_border_required:\n      value: true", "    cross_border_required:\n      value: false"),
        ("    purposes_open_ended:\n      value: false", "    purposes_open_ended:\n      value: true"),
    )
    a = assess(path, builtin)
    statuses = {f.requirement.id: f.status for f in a.findings if f.requirement.area == "definition"}
    assert statuses.pop("PAL-DEF-MEANS") is Status.PARTIAL  # still lacks four means
    assert set(statuses.values()) == {Status.MET}


# --- non-criminalisation -------------------------------------------------------------------


def test_non_criminalisation_partial_and_unknown(exampleland, builtin):
    a = evaluate(exampleland, *builtin)
    assert finding(a, "RPG-NC-LAW").status is Status.MET
    status_offences = finding(a, "RPG-NC-STATUS-OFFENCES")
    assert status_offences.status is Status.PARTIAL
    assert status_offences.missing == (
        "offences covered lack: offences involving travel or identity documents",
    )
    protections = finding(a, "RPG-NC-PROTECTIONS")
    assert protections.status is Status.PARTIAL and "detention" in protections.missing[0]
    detention = finding(a, "RPG-NC-NO-DETENTION")  # marked not assessed: unknown, never "no"
    assert detention.status is Status.UNKNOWN
    assert detention.unknown_facts == ("non_criminalisation.no_immigration_detention",)
    children = finding(a, "RPG-NC-CHILDREN")  # silent: unknown, with the fact it needs named
    assert children.status is Status.UNKNOWN
    assert children.unknown_facts == ("non_criminalisation.children_without_compulsion",)


def test_no_provision_makes_dependent_requirements_not_met_and_exclusions_not_applicable(tmp_path, builtin):
    text = EXAMPLELAND.read_text(encoding="utf-8")
    start, end = text.index("  non_criminalisation:\n"), text.index("  residence:\n")
    path = tmp_path / "none.yaml"
    path.write_text(
        text[:start]
        + (
            "  non_criminalisation:\n"
            "    provision_in_law:\n"
            "      value: false\n"
            "      checked: [bill]\n"
            "      note: Searched the whole bill for any provision on offences committed by victims.\n"
        )
        + text[end:],
        encoding="utf-8",
    )
    a = assess(path, builtin)
    assert finding(a, "RPG-NC-LAW").status is Status.NOT_MET
    protections = finding(a, "RPG-NC-PROTECTIONS")
    assert protections.status is Status.NOT_MET
    assert protections.missing == ("not provided: a non-criminalisation or non-punishment provision in law",)
    assert finding(a, "RPG-NC-STATUS-OFFENCES").status is Status.NOT_MET
    assert finding(a, "RPG-NC-EXCLUSIONS").status is Status.NOT_APPLICABLE


# --- residence ------------------------------------------------------------------------------


def test_residence_partial_period_and_conditional_permit(exampleland, builtin):
    a = evaluate(exampleland, *builtin)
    reflection = finding(a, "PAL-RES-REFLECTION")
    assert reflection.status is Status.PARTIAL and "is 14; at least 30" in reflection.missing[0]
    assert finding(a, "RPG-RES-NOT-CONDITIONAL").status is Status.NOT_MET
    assert finding(a, "PAL-RES-HUMANITARIAN").status is Status.PARTIAL
    assert finding(a, "RPG-RES-PROCEEDINGS").status is Status.MET
    assert finding(a, "PAL-RES-PERMANENT").status is Status.UNKNOWN


# --- legal persons --------------------------------------------------------------------------


def test_legal_persons(exampleland, builtin):
    a = evaluate(exampleland, *builtin)
    assert finding(a, "UNTOC-LP-LIABILITY").status is Status.MET
    assert finding(a, "UNTOC-LP-CUMULATIVE").status is Status.MET
    assert finding(a, "RPG-LP-FORMS").status is Status.PARTIAL
    confiscation = finding(a, "RPG-LP-CONFISCATION")
    assert confiscation.status is Status.NOT_MET  # recorded as absent after reading the bill
    assert finding(a, "RPG-LP-LICENSING").status is Status.UNKNOWN


# --- force, order, summaries ----------------------------------------------------------------


def test_regional_treaty_binds_only_its_parties(exampleland, edited, builtin):
    a = evaluate(exampleland, *builtin)
    coe = next(s for s in finding(a, "PAL-RES-REFLECTION").sources if s.id == "coe-13-1")
    assert coe.force is Force.SHOULD
    party = assess(edited(("status: bill\n", "status: bill\nparty_to: [coe-cets197]\n")), builtin)
    coe = next(s for s in finding(party, "PAL-RES-REFLECTION").sources if s.id == "coe-13-1")
    assert coe.force is Force.SHALL
    assert finding(party, "PAL-RES-REFLECTION").force is Force.SHALL


def test_findings_are_in_area_then_id_order_and_gaps_by_priority(exampleland, builtin):
    a = evaluate(exampleland, *builtin)
    assert [f.sort_key for f in a.findings] == sorted(f.sort_key for f in a.findings)
    gaps = a.gaps()
    assert all(f.status.is_gap for f in gaps)
    forces = [f.force.rank for f in gaps]
    assert forces == sorted(forces)  # binding obligations first
    assert gaps[0].requirement.severity.value == "critical"


def test_coverage_is_separate_from_compliance(exampleland, builtin):
    total = evaluate(exampleland, *builtin).summary()
    counts = total.counts
    assert total.applicable == sum(counts.values()) - counts[Status.NOT_APPLICABLE]
    assert total.coverage == total.assessed / total.applicable
    expected = (counts[Status.MET] + 0.5 * counts[Status.PARTIAL]) / total.assessed
    assert total.score == expected


def test_area_summaries_count_each_areas_findings(shipped):
    for a in shipped.values():
        areas = a.areas()
        assert [s.id for s in areas] == list(dict.fromkeys(f.requirement.area for f in a.findings))
        for s in areas:
            chosen = [f for f in a.findings if f.requirement.area == s.id]
            assert s.counts == {st: sum(f.status is st for f in chosen) for st in s.counts}
            assert s.title == a.catalogue.areas[s.id].title
        assert sum(sum(s.counts.values()) for s in areas) == len(a.findings)


def test_every_requirement_is_evaluated_once(exampleland, builtin):
    a = evaluate(exampleland, *builtin)
    ids = [f.requirement.id for f in a.findings]
    assert len(ids) == len(set(ids)) == len({r.id for c in builtin[1] for r in c.all_requirements})


# --- provisions enacted but not in force ----------------------------------------------------

PROVISION = '        - {instrument: bill, section: s. 10(1), quote: "A person identified as a victim'


def test_provision_not_yet_in_force_is_not_counted_and_the_report_says_so(edited, builtin):
    before = evaluate(load_profile(EXAMPLELAND, builtin[0]), *builtin)
    path = edited(
        (PROVISION, PROVISION.replace("{instrument: bill,", "{in_force: not_yet_in_force, instrument: bill,"))
    )
    a = assess(path, builtin)
    rid = "RPG-NC-LAW"
    assert finding(before, rid).status is not Status.UNKNOWN
    # nobody recorded having checked the law in force, so the point is unknown, not "no"
    use = next(u for u in finding(a, rid).facts if u.path == "non_criminalisation.provision_in_law")
    assert use.disregarded and use.not_in_force[0][1].value == "not_yet_in_force"
    assert finding(a, rid).status is Status.UNKNOWN
    text = render(a, Format.MARKDOWN)
    assert "(**not yet in force**)" in text
    assert "## Provisions not in force" in text and "s. 10(1): not yet in force" in text
    data = json.loads(render(a, Format.JSON))
    fact = next(
        x
        for f in data["findings"]
        if f["requirement"] == rid
        for x in f["facts"]
        if x["fact"] == "non_criminalisation.provision_in_law"
    )
    assert fact["counted"] is False and fact["evidence"][0]["in_force"] == "not_yet_in_force"


def test_repealed_instrument_with_checked_law_in_force_reads_as_absent(edited, builtin):
    path = edited(
        (
            "    title: Exampleland Anti-Trafficking Bill, 2026 (fictional)\n",
            "    title: Exampleland Anti-Trafficking Bill, 2026 (fictional)\n    in_force: repealed\n",
        ),
        (
            "    provision_in_law:\n      value: true\n",
            "    provision_in_law:\n      value: true\n      checked: [bill]\n"
            "      note: Nothing else in force provides it.\n",
        ),
    )
    a = assess(path, builtin)
    facts = ProfileFacts(load_profile(path, builtin[0]), builtin[0])
    assert facts.value("non_criminalisation.provision_in_law") is False
    # a terms fact whose provisions are all repealed, without `checked`, is unknown
    assert facts.value("definition.acts") is UNKNOWN
    assert finding(a, "PAL-DEF-ACTS").status is Status.UNKNOWN


def test_review_block_appears_in_reports(edited, builtin):
    path = edited(
        (
            "instruments:\n",
            "review:\n  last_verified: 2026-11-20\n  verified_by: A. Reviewer\n"
            "  open_questions:\n    - Has s. 10 commenced?\n\ninstruments:\n",
        )
    )
    a = assess(path, builtin)
    text = render(a, Format.MARKDOWN)
    assert "| Last verified | 2026-11-20 by A. Reviewer |" in text
    assert "## Open questions\n\n- Has s. 10 commenced?" in text
    assert json.loads(render(a, Format.JSON))["profile"]["review"]["open_questions"] == [
        "Has s. 10 commenced?"
    ]
