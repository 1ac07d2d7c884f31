"""Precision and recall of the English lexicon on the labelled statute corpus.

python bench/extraction_quality.py [--errors]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from lawcheck.extract import extract_file
from lawcheck.extract.scoring import score, table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "statutes"
BILL = ROOT / "country_profiles" / "drafts" / "exampleland-bill.txt"


def main() -> None:
    labels = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))
    files = [CORPUS / name for name in labels if (CORPUS / name).exists()] + [BILL]
    scores = score(((f.name, extract_file(f)) for f in files), labels)
    print(f"{len(files)} texts")
    print(table(scores))
    if "--errors" in sys.argv:
        for group, s in scores.items():
            for error in s.errors:
                print(f"{group}: {error}")


if __name__ == "__main__":
    main()
