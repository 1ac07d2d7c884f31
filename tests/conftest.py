"""Shared fixtures: the built-in checklists, the shipped profiles, and a profile editor."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from lawcheck.loading import load_checklists, load_profile

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "country_profiles"
EXAMPLELAND = PROFILES / "exampleland-bill.yaml"


@pytest.fixture(scope="session")
def builtin():
    """(catalogue, checklists) for the default built-in checklists."""
    return load_checklists()


@pytest.fixture(scope="session")
def shipped(builtin):
    """Every shipped profile evaluated against the default checklists, by file stem."""
    from lawcheck.evaluation import evaluate

    catalogue, lists = builtin
    return {
        f.stem: evaluate(load_profile(f, catalogue), catalogue, lists, profile_file=str(f))
        for f in sorted(PROFILES.glob("*.yaml"))
    }


def entry_point() -> list[str]:
    """The installed `lawcheck` command (or `python -m lawcheck` where no script was installed)."""
    script = Path(sys.executable).with_name("lawcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lawcheck"]


@pytest.fixture
def catalogue(builtin):
    return builtin[0]


@pytest.fixture
def checklists(builtin):
    return builtin[1]


@pytest.fixture
def exampleland(catalogue):
    return load_profile(EXAMPLELAND, catalogue)


@pytest.fixture
def edited(tmp_path) -> Callable[..., Path]:
    """Write a copy of a shipped profile with text replacements applied; fail if one does not match."""

    def make(*replacements: tuple[str, str], source: Path = EXAMPLELAND, name: str = "p.yaml") -> Path:
        text = source.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"replacement target not found: {old!r}"
            text = text.replace(old, new, 1)
        target = tmp_path / name
        target.write_text(text, encoding="utf-8")
        return target

    return make


def fact_block(text: str, name: str) -> str:
    """The YAML block of one fact in a profile (from its key to the next key at the same depth)."""
    match = re.search(rf"^    {name}:\n(?:      .*\n|        .*\n)*", text, re.M)
    assert match, name
    return match.group(0)
