"""`lawcheck schema`: the JSON Schema accepts every shipped file and rejects a typo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from lawcheck.cli import app

from .conftest import PROFILES

CHECKLISTS = Path(__file__).resolve().parents[1] / "checklists"
runner = CliRunner()


def schema_of(kind: str) -> dict:
    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def as_json(value):
    """YAML data as JSON would carry it: dates become ISO strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def load(path: Path):
    return as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.stem)
def test_profile_schema_accepts_every_shipped_profile(path):
    validator = jsonschema.Draft202012Validator(schema_of("profile"))
    assert not list(validator.iter_errors(load(path)))


@pytest.mark.parametrize(
    "path", [p for p in sorted(CHECKLISTS.glob("*.yaml")) if "checklist:" in p.read_text(encoding="utf-8")]
)
def test_checklist_schema_accepts_every_builtin_checklist(path):
    validator = jsonschema.Draft202012Validator(schema_of("checklist"))
    assert not list(validator.iter_errors(load(path)))


def test_profile_schema_rejects_a_misspelt_key_as_validate_does(tmp_path):
    data = load(PROFILES / "gb.yaml")
    data["jurisdicton"] = data.pop("jurisdiction")
    errors = list(jsonschema.Draft202012Validator(schema_of("profile")).iter_errors(data))
    assert any("jurisdicton" in e.message for e in errors)
    assert any("'jurisdiction' is a required property" in e.message for e in errors)
    path = tmp_path / "typo.yaml"
    text = (PROFILES / "gb.yaml").read_text(encoding="utf-8").replace("jurisdiction:", "jurisdicton:", 1)
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and "jurisdicton" in result.stderr


def test_schema_rejects_a_bad_enum_and_an_unknown_kind():
    data = load(PROFILES / "gb.yaml")
    data["status"] = "proposed"
    assert list(jsonschema.Draft202012Validator(schema_of("profile")).iter_errors(data))
    assert runner.invoke(app, ["schema", "report"]).exit_code == 2
