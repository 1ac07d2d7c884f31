"""Writing reports safely: atomically, and never over a file that is not a lawcheck report."""

from __future__ import annotations

import contextlib
import os
import tempfile

from .errors import InputError, Problem

# The first bytes of every report lawcheck writes; a file starting otherwise is the user's own.
REPORT_SIGNATURES = (
    "<!-- lawcheck report",  # markdown
    '{\n  "format": "lawcheck-assessment"',  # json
    "lawcheck gap report:",  # terminal text
)


def is_lawcheck_report(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(200)
    except OSError:
        return False
    return head.startswith(REPORT_SIGNATURES)


def check_target(path: str, force: bool) -> None:
    """Refuse a target that is a directory, or an existing file lawcheck did not write."""
    if os.path.isdir(path):
        raise InputError(Problem(path, "is a directory; give a file name for -o"))
    if os.path.lexists(path) and not force and not is_lawcheck_report(path):
        raise InputError(
            Problem(path, "exists and is not a lawcheck report; refusing to overwrite it (use --force)")
        )
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise InputError(Problem(path, f"directory {parent} does not exist"))


def write_atomic(path: str, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: readers never see half a report."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
