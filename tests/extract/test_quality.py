"""Extraction quality on the labelled corpus of real statute texts: precision and recall per group.

Targets (issue: draft-law workflow): at least 0.9 precision and recall on acts, means and purposes.
`python bench/extraction_quality.py --errors` prints the same figures and every miss.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lawcheck.extract import extract_file, read_draft
from lawcheck.extract.scoring import score

from .conftest import BILL_TXT

CORPUS = Path(__file__).resolve().parents[1] / "data" / "statutes"
LABELS = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))
TARGET = 0.9


def corpus_files() -> list[Path]:
    return [CORPUS / name for name in LABELS if (CORPUS / name).exists()]


def test_corpus_has_six_real_statutes_each_with_a_recorded_source():
    sources = yaml.safe_load((CORPUS / "sources.yaml").read_text(encoding="utf-8"))
    recorded = {entry["file"]: entry for entry in sources}
    files = corpus_files()
    assert len(files) >= 6
    for path in files:
        assert recorded[path.name]["url"], path.name


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    from .conftest import bill_lines, write_docx, write_pdf

    folder = tmp_path_factory.mktemp("bill")
    bills = [BILL_TXT, write_docx(folder / "b.docx", bill_lines()), write_pdf(folder / "b.pdf", bill_lines())]
    extractions = [(p.name, extract_file(p)) for p in corpus_files()]
    extractions += [("exampleland-bill.txt", extract_file(p)) for p in bills]  # same labels, three formats
    return score(extractions, LABELS)


@pytest.mark.parametrize("group", ["acts", "means", "purposes"])
def test_core_groups_meet_the_target(scores, group):
    s = scores[group]
    assert s.precision >= TARGET and s.recall >= TARGET, (
        f"{group}: precision {s.precision:.2f}, recall {s.recall:.2f}; {s.errors}"
    )


def test_other_groups_find_something_and_rarely_invent(scores):
    for group in ("non_punishment", "residence", "legal_persons"):
        assert scores[group].true_positives > 0, group
        assert scores[group].precision >= 0.8, (group, scores[group].errors)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_quotes_are_verbatim_and_lines_point_at_them(path):
    lines = read_draft(path).lines
    for detection in extract_file(path).detections.values():
        for hit in detection.evidence:
            first, last = hit.provision.first_line, hit.provision.last_line
            span = " ".join(" ".join(line.split()) for line in lines[first - 1 : last])
            assert hit.quote in span, (detection.path, hit.provision.citation)
