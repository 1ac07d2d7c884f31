"""Drafts in every format the readers take, made from the Exampleland bill's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import PROFILES

BILL_TXT = PROFILES / "drafts" / "exampleland-bill.txt"


def bill_lines() -> list[str]:
    return BILL_TXT.read_text(encoding="utf-8").splitlines()


def write_docx(path: Path, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_pdf(path: Path, lines: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        # one paragraph per line; long lines wrap inside the PDF, as in a real printed bill
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture
def bill_docx(tmp_path) -> Path:
    return write_docx(tmp_path / "exampleland-bill.docx", bill_lines())


@pytest.fixture
def bill_pdf(tmp_path) -> Path:
    return write_pdf(tmp_path / "exampleland-bill.pdf", bill_lines())
