"""Readers: every draft format gives the same text; bad files give a clear error, never a traceback."""

from __future__ import annotations

import zipfile

import pytest

from lawcheck.errors import InputError
from lawcheck.extract import read_draft

from .conftest import BILL_TXT, bill_lines, write_pdf


def words(lines) -> list[str]:
    return " ".join(lines).split()


def test_txt_md_docx_and_pdf_give_the_bill_text(tmp_path, bill_docx, bill_pdf):
    expected = words(bill_lines())
    md = tmp_path / "bill.md"
    md.write_text(BILL_TXT.read_text(encoding="utf-8"), encoding="utf-8")
    for path in (BILL_TXT, md, bill_docx, bill_pdf):
        assert words(read_draft(path).lines) == expected, path.suffix


def test_bom_is_accepted_and_line_numbers_are_kept(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"\xef\xbb\xbfSection 1. Title\n\n(1) Text.\n")
    assert read_draft(path).lines == ("Section 1. Title", "", "(1) Text.")


def error_of(path) -> str:
    with pytest.raises(InputError) as caught:
        read_draft(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    return problem.message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.md", b"   \n\n", "the file is empty"),
        ("binary.txt", b"\x00\x01\x02ELF\x00" * 20, "binary file"),
        ("latin1.txt", "Section 1. Trafficking\nCr\u00e9ation".encode("latin-1"), "is not UTF-8 text"),
        ("fake.docx", b"this is not a zip", "not a Word .docx file"),
        ("fake.pdf", b"GIF89a....", "not a PDF file"),
        ("bill.rtf", b"{\\rtf1 hello}", "not a draft this tool reads"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert message in error_of(path)


def test_non_utf8_error_names_the_line(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"ok\nok\ncaf\xe9\n")
    with pytest.raises(InputError) as caught:
        read_draft(path)
    assert caught.value.problems[0].line == 3


def test_corrupt_docx_is_refused(tmp_path, bill_docx):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(bill_docx.read_bytes()[:400])  # a truncated package
    assert "corrupt" in error_of(broken) or "not a Word" in error_of(broken)
    # a valid ZIP that is not a Word document
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "corrupt" in error_of(other)


def test_encrypted_pdf_is_refused(tmp_path, bill_pdf):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(bill_pdf).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    assert "encrypted" in error_of(locked)


def test_image_only_pdf_is_refused(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a "scan": marks on the page, no text layer
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert "no text layer" in error_of(path)


def test_truncated_pdf_is_refused(tmp_path, bill_pdf):
    path = tmp_path / "cut.pdf"
    path.write_bytes(bill_pdf.read_bytes()[:300])
    message = error_of(path)
    assert "PDF" in message


def test_missing_file_and_directory(tmp_path):
    assert "no such file" in error_of(tmp_path / "nope.txt")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    assert "is a directory" in error_of(folder)


def test_pdf_reader_keeps_wrapped_lines_as_one_provision(tmp_path):
    long = "(1) A person commits an offence who recruits " + "another person " * 20 + "for exploitation."
    path = write_pdf(tmp_path / "wrapped.pdf", ["Section 1. Offence", long])
    from lawcheck.extract import load_lexicon, split_provisions

    provisions = split_provisions(read_draft(path), load_lexicon())
    (offence,) = [p for p in provisions if p.citation == "s. 1(1)"]
    assert offence.text == long and offence.first_line < offence.last_line
