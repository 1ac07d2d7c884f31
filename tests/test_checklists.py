"""The shipped checklists as data: complete, cited, resolvable, and exercised."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from lawcheck import criteria
from lawcheck.cli import app
from lawcheck.loading import builtin_checklists, load_checklists
from lawcheck.model import Force, Source


@pytest.fixture(scope="module")
def everything():
    return load_checklists(sorted(builtin_checklists()))


def test_at_least_seventy_requirements_in_the_un_checklists():
    _, lists = load_checklists(["palermo", "un-principles"])
    assert sum(len(c.requirements) for c in lists) >= 70


def test_every_source_pointer_resolves(everything):
    catalogue, lists = everything
    for checklist in lists:
        for req in checklist.requirements:
            for sid in req.sources:
                source = catalogue.sources[sid]
                assert source.instrument in catalogue.instruments
                assert source.quote.strip()


def test_every_requirement_is_complete(everything):
    catalogue, lists = everything
    for req in (r for c in lists for r in c.requirements):
        assert req.area in catalogue.areas
        assert req.rationale.strip() and req.remedy.strip() and req.sources
        # a remedy completes "We urge the legislator to ...": it starts with a verb in lower case
        assert req.remedy[0].islower(), req.id


def test_no_two_requirements_share_criterion_and_sources(everything):
    _, lists = everything
    seen = {}
    for req in (r for c in lists for r in c.requirements):
        key = (req.criterion.model_dump_json(), tuple(sorted(req.sources)))
        assert key not in seen, f"{req.id} duplicates {seen[key]}"
        seen[key] = req.id


def test_every_criterion_type_is_used_by_a_shipped_requirement(everything):
    _, lists = everything
    used = {c.type for r in (r for cl in lists for r in cl.requirements) for c in criteria.walk(r.criterion)}
    assert used == set(criteria.CRITERIA)


def test_soft_law_checklist_is_all_should(everything):
    catalogue, lists = everything
    un = next(c for c in lists if c.id == "un-principles")
    ohchr_sources = {sid for r in un.requirements for sid in r.sources if sid.startswith("ohchr-")}
    assert ohchr_sources and all(catalogue.sources[s].force is Force.SHOULD for s in ohchr_sources)


def test_every_fact_in_the_vocabulary_is_read_by_some_requirement(everything):
    catalogue, lists = everything
    read = {p for r in (r for c in lists for r in c.requirements) for p in r.criterion.facts_read()}
    vocabulary = {f"{a}.{n}" for a, names in catalogue.facts.items() for n in names}
    assert vocabulary - read == set()


@pytest.mark.parametrize(
    ("article", "paragraph", "cited"),
    [
        ("3", "(a)", "UNTOC, Art. 3(a)"),
        ("7", "1", "UNTOC, Art. 7(1)"),
        ("10", "4(a)", "UNTOC, Art. 10(4)(a)"),
        ("6", "3(a)-(d)", "UNTOC, Art. 6(3)(a)-(d)"),
        ("28", "1-2", "UNTOC, Art. 28(1)-(2)"),
        ("30", "a", "UNTOC, Art. 30(a)"),
        ("30", "chapeau", "UNTOC, Art. 30, chapeau"),
        ("20", "", "UNTOC, Art. 20"),
        ("Guideline 4", "5", "UNTOC, Guideline 4, para. 5"),
        ("Guideline 3", "2-3", "UNTOC, Guideline 3, paras 2-3"),
        ("Principle 7", "", "UNTOC, Principle 7"),
    ],
)
def test_sources_are_cited_the_way_lawyers_cite_them(everything, article, paragraph, cited):
    catalogue, _ = everything
    source = Source(instrument="untoc", article=article, paragraph=paragraph, force="shall", quote="q")
    assert source.citation(catalogue.instruments["untoc"]) == cited


def test_no_shipped_citation_runs_article_and_paragraph_together(everything):
    catalogue, _ = everything
    for sid, source in catalogue.sources.items():
        cited = source.citation(catalogue.instruments[source.instrument])
        assert not re.search(r"(Art\. \d+|Guideline \d+) \d", cited), (sid, cited)


runner = CliRunner()


def test_checklists_command_lists_counts():
    result = runner.invoke(app, ["checklists"])
    assert result.exit_code == 0
    assert "| palermo | yes |" in result.stdout and "| institutions | no |" in result.stdout
    assert "shall " in result.stdout and "should " in result.stdout


def test_explain_command():
    result = runner.invoke(app, ["explain", "pal-def-acts"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("PAL-DEF-ACTS: The offence covers all five acts")
    assert "Trafficking Protocol, Art. 3(a)" in out and "harbouring or receipt of persons" in out
    assert "Criterion: acts include all of: recruitment;" in out
    assert "facts.definition.acts (terms)" in out and "Remedy: extend the acts" in out
    missing = runner.invoke(app, ["explain", "PAL-DEF-ACT"])
    assert missing.exit_code == 2 and "did you mean 'PAL-DEF-ACTS'" in missing.stderr


def test_old_profiles_keep_working_and_name_the_missing_fields():
    result = runner.invoke(
        app,
        [
            "check",
            "country_profiles/exampleland-bill.yaml",
            "-f",
            "json",
            "-c",
            "palermo",
            "-c",
            "un-principles",
            "-c",
            "institutions",
        ],
    )
    data = json.loads(result.stdout)
    unknown = [f for f in data["findings"] if f["status"] == "unknown"]
    assert unknown and all(f["unknown_facts"] for f in unknown)
    plan = next(f for f in data["findings"] if f["requirement"] == "INST-ACTION-PLAN")
    assert plan["unknown_facts"] == ["institutions.national_action_plan"]


def test_shared_requirements_are_evaluated_once(builtin):
    from lawcheck.evaluation import evaluate
    from lawcheck.loading import load_profile

    catalogue, lists = load_checklists(["palermo", "coe-2005"])
    coe = next(c for c in lists if c.id == "coe-2005")
    assert "PAL-DEF-ACTS" in {r.id for r in coe.included}
    profile = load_profile("country_profiles/gb.yaml", catalogue)
    findings = evaluate(profile, catalogue, lists).findings
    ids = [f.requirement.id for f in findings]
    assert len(ids) == len(set(ids))
    acts = next(f for f in findings if f.requirement.id == "PAL-DEF-ACTS")
    assert acts.checklist == "palermo"
    # alone, the regional checklist still applies the shared requirements
    catalogue, only = load_checklists(["coe-2005"])
    alone = evaluate(load_profile("country_profiles/gb.yaml", catalogue), catalogue, only).findings
    assert "PAL-DEF-ACTS" in {f.requirement.id for f in alone}


def test_an_include_of_an_unknown_requirement_is_an_error(tmp_path):
    from lawcheck.errors import InputError

    path = tmp_path / "mine.yaml"
    path.write_text("checklist: mine\ntitle: Mine\nversion: '1'\nincludes: [PAL-DEF-ACT]\n", encoding="utf-8")
    with pytest.raises(InputError, match="did you mean 'PAL-DEF-ACTS'"):
        load_checklists([str(path)])


def test_regional_requirements_bind_only_parties(builtin):
    from lawcheck.evaluation import evaluate
    from lawcheck.loading import load_profile

    catalogue, lists = load_checklists(["coe-2005"])
    gb = evaluate(load_profile("country_profiles/gb.yaml", catalogue), catalogue, lists)
    us = evaluate(load_profile("country_profiles/us.yaml", catalogue), catalogue, lists)
    rid = "COE-RES-PERMIT"
    assert next(f for f in gb.findings if f.requirement.id == rid).force is Force.SHALL  # GB is a Party
    assert next(f for f in us.findings if f.requirement.id == rid).force is Force.SHOULD
