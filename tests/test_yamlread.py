"""The strict YAML reader: what PyYAML lets through silently, lawcheck refuses with a position."""

from __future__ import annotations

import os

import pytest

from lawcheck.errors import InputError
from lawcheck.yamlread import MAX_DEPTH, parse_bytes, parse_text, read_file


def problem_of(text: str | bytes):
    with pytest.raises(InputError) as info:
        if isinstance(text, bytes):
            parse_bytes(text, "f.yaml")
        else:
            parse_text(text, "f.yaml")
    (problem,) = info.value.problems
    return problem


def test_values_and_positions():
    doc = parse_text("a: 1\nb:\n  - x\n  - {c: true, d: 2026-01-02}\n", "f.yaml")
    assert doc.data == {"a": 1, "b": ["x", {"c": True, "d": __import__("datetime").date(2026, 1, 2)}]}
    assert doc.locate(("b", 1, "d")) == (4, 15)
    assert doc.locate(("b", 0)) == (3, 5)
    # a path that is not in the file is located at its nearest ancestor
    assert doc.locate(("b", 1, "missing")) == doc.locate(("b", 1))


def test_duplicate_key_at_top_level():
    p = problem_of("name: a\nname: b\n")
    assert p.line == 2 and "duplicate key 'name'" in p.message and "line 1" in p.message


def test_duplicate_key_deep_in_a_list():
    p = problem_of("facts:\n  area:\n    - x: 1\n      y: 2\n      x: 3\n")
    assert p.line == 5 and p.path == ("facts", "area", 0) and "duplicate key 'x'" in p.message


@pytest.mark.parametrize("key", ["1", "yes", "null", "2026-01-01", "1.5"])
def test_keys_must_be_strings(key):
    p = problem_of(f"{key}: value\n")
    assert "not a string" in p.message and p.line == 1


def test_quoted_keys_are_strings():
    assert parse_text("'1': a\n", "f").data == {"1": "a"}


def test_complex_keys_are_refused():
    assert "plain strings" in problem_of("? [a, b]\n: c\n").message


def test_anchors_and_aliases_are_refused():
    assert "anchors" in problem_of("a: &x [1]\nb: 2\n").message
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert "anchors" in problem_of(bomb).message


def test_depth_limit():
    deep = "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)
    p = problem_of(deep)
    assert f"deeper than {MAX_DEPTH}" in p.message


def test_one_document_only():
    assert "one YAML document" in problem_of("a: 1\n---\nb: 2\n").message


def test_python_tags_are_refused():
    p = problem_of("a: !!python/object/apply:os.system ['true']\n")
    assert "unsupported YAML tag" in p.message


def test_invalid_date_is_a_problem_not_a_crash():
    p = problem_of("as_of: 2026-13-45\n")
    assert p.line == 1 and "invalid" in p.message


def test_tabs_in_indentation():
    p = problem_of("a:\n\tb: 1\n")
    assert p.line == 2 and "malformed YAML" in p.message


def test_malformed_yaml_names_line_and_column():
    p = problem_of("a: [1, 2\nb: 3\n")
    assert p.line is not None and p.column is not None and "malformed YAML" in p.message


def test_not_utf8_names_the_line():
    p = problem_of(b"a: 1\nb: \xff\xfe\n")
    assert p.line == 2 and "not UTF-8" in p.message


def test_bom_is_accepted():
    assert parse_bytes(b"\xef\xbb\xbfa: 1\n", "f").data == {"a": 1}


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "absent.yaml")
    with pytest.raises(InputError, match="is a directory"):
        read_file(tmp_path)


def test_size_limit_checked_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(2048)
    with pytest.raises(InputError, match="limit is 1,000 bytes"):
        read_file(big, max_bytes=1000)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads anything")
def test_unreadable_file(tmp_path):
    target = tmp_path / "secret.yaml"
    target.write_text("a: 1\n")
    target.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_file(target)
