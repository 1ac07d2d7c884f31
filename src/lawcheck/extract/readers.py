"""Draft readers: a file in, its text as numbered lines out, or an InputError saying why not.

Libraries are imported inside the reader that needs them so that the CLI starts fast.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem

MAX_DRAFT_BYTES = 50 * 1024 * 1024  # a long consolidated code is a few MB; 50 MB is not a statute
DRAFT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class DraftText:
    """A draft's text, one entry per line (line 1 is ``lines[0]``), and where it came from."""

    file: str
    lines: tuple[str, ...]


def is_draft(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in DRAFT_SUFFIXES


def read_draft(path: str | os.PathLike[str]) -> DraftText:
    """Read a .txt, .md, .docx or .pdf draft; the kind is chosen by the file's suffix."""
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if suffix not in DRAFT_SUFFIXES:
        raise InputError(
            Problem(
                name,
                f"not a draft this tool reads ({suffix or 'no suffix'}); "
                f"use one of {', '.join(DRAFT_SUFFIXES)}",
            )
        )
    data = _read_bytes(name)
    if not data.strip():
        raise InputError(Problem(name, "the file is empty"))
    if suffix == ".docx":
        lines = _docx_lines(name, data)
    elif suffix == ".pdf":
        lines = _pdf_lines(name, data)
    else:
        lines = _text_lines(name, data)
    lines = tuple(line.rstrip() for line in lines)
    if not any(line.strip() for line in lines):
        raise InputError(Problem(name, "no text found in the file"))
    return DraftText(name, lines)


def _read_bytes(name: str) -> bytes:
    try:
        if os.path.isdir(name):
            raise InputError(Problem(name, "is a directory, not a file"))
        size = os.stat(name).st_size
        if size > MAX_DRAFT_BYTES:
            raise InputError(
                Problem(
                    name, f"file is {size:,} bytes; drafts larger than {MAX_DRAFT_BYTES:,} bytes are refused"
                )
            )
        with open(name, "rb") as handle:
            return handle.read(MAX_DRAFT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(Problem(name, "no such file")) from None
    except OSError as exc:
        raise InputError(Problem(name, f"cannot read the file: {exc.strerror or exc}")) from None


def _text_lines(name: str, data: bytes) -> list[str]:
    if b"\x00" in data[:8192]:
        raise InputError(Problem(name, "looks like a binary file, not text (it contains NUL bytes)"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            Problem(name, "is not UTF-8 text; save it as UTF-8 (or convert it with iconv) and retry", line)
        ) from None
    return text.splitlines()


@contextlib.contextmanager
def _damaged(name: str, kind: str) -> Iterator[None]:
    """Any error a reader library raises on a damaged file becomes one clear InputError."""
    try:
        yield
    except InputError:
        raise
    except Exception as exc:  # the libraries raise many kinds on damaged files; none is a lawcheck bug
        raise InputError(
            Problem(name, f"corrupt or unsupported {kind} ({type(exc).__name__}: {exc})")
        ) from None


def _docx_lines(name: str, data: bytes) -> list[str]:
    if not data.startswith(b"PK"):
        raise InputError(Problem(name, "is not a Word .docx file (not a ZIP package)"))
    import docx  # python-docx: imported here so that the CLI starts fast

    with _damaged(name, ".docx file"):
        document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for paragraph in document.paragraphs:
        lines.extend(paragraph.text.splitlines() or [""])
    for table in document.tables:  # schedules are often tables
        for row in table.rows:
            for cell in row.cells:
                lines.extend(cell.text.splitlines())
    return lines


def _pdf_lines(name: str, data: bytes) -> list[str]:
    if not data.startswith(b"%PDF"):
        raise InputError(Problem(name, "is not a PDF file (no %PDF header)"))
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd PDFs are not ours to show
    with _damaged(name, "PDF"):
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(Problem(name, "the PDF is encrypted; save an unprotected copy and retry"))
        pages = [page.extract_text() or "" for page in reader.pages]
    if not any(page.strip() for page in pages):
        raise InputError(
            Problem(name, "the PDF has no text layer (scanned or image-only); run OCR on it first")
        )
    return [line for page in pages for line in page.splitlines()]
