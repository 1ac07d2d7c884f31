"""Writing reports safely: atomically, and never over a file that is not a lawcheck report."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat

from .errors import InputError, Problem

# The first bytes of every report lawcheck writes; a file starting otherwise is the user's own.
REPORT_SIGNATURES = (
    "<!-- lawcheck report",  # markdown
    '{\n  "format": "lawcheck-assessment"',  # json
    '{\n  "format": "lawcheck-diff"',  # json diff
    "lawcheck gap report:",  # terminal text
    "lawcheck diff:",  # terminal diff
    '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="lawcheck"',  # junit
    '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json"',  # sarif
    '{\n  "format": "lawcheck-baseline"',  # baseline
    "<!DOCTYPE html>\n<!-- lawcheck report",  # html report and dashboard pages
)


def is_lawcheck_report(path: str) -> bool:
    head = read_regular(path, 200)
    return head is not None and head.decode("utf-8", errors="replace").startswith(REPORT_SIGNATURES)


def read_regular(path: str, limit: int, size: int | None = None) -> bytes | None:
    """Up to ``limit`` bytes of ``path`` if it is a regular file (of exactly ``size`` bytes, if
    given); otherwise, or if it cannot be read, None. Only a regular file can be a report."""
    # O_NONBLOCK: opening a FIFO to look would otherwise wait for a writer; for a regular file
    # the flag changes nothing
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as handle:
            found = os.fstat(handle.fileno())
            if not stat.S_ISREG(found.st_mode) or (size is not None and found.st_size != size):
                return None
            return handle.read(limit)
    except OSError:
        return None


def check_target(path: str, force: bool, *, reports_only: bool = True) -> None:
    """Refuse a target that is a directory, or an existing file lawcheck did not write.

    With ``reports_only=False`` (files meant to be edited, such as extracted profiles) any existing
    file is refused without ``force``: once written, it may hold a person's review work.
    """
    if os.path.isdir(path):
        raise InputError(Problem(path, "is a directory; give a file name for -o"))
    if os.path.lexists(path) and not force and (not reports_only or not is_lawcheck_report(path)):
        what = "is not a lawcheck report" if reports_only else "may hold your edits"
        raise InputError(Problem(path, f"exists and {what}; refusing to overwrite it (use --force)"))
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise InputError(Problem(path, f"directory {parent} does not exist"))


def write_atomic(path: str, text: str) -> bool:
    """Write to a temporary file beside ``path``, then rename: readers never see half a report.

    Returns False, having written nothing, when ``path`` already holds exactly ``text``: a
    regenerated collection then rewrites (and flushes to disk) only the reports that changed.
    A file that cannot be written (a full disk, no permission) is bad input for the command that
    asked, not a bug: it raises :class:`InputError` naming the file.
    """
    data = text.encode("utf-8")
    if read_regular(path, len(data) + 1, size=len(data)) == data:
        return False
    directory, name = os.path.split(os.path.abspath(path))
    # The name is chosen before the file exists, so an interrupt anywhere after it is created,
    # even inside the call that creates it, still knows what to remove (tempfile.mkstemp only
    # returns the name once it has created the file).
    tmp = os.path.join(directory, f".{name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)  # less the umask, as for any ordinary new file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except FileExistsError as exc:  # the random name was taken: that file is not ours to remove
        raise _unwritable(path, exc) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _unwritable(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def _unwritable(path: str, exc: OSError) -> InputError:
    return InputError(Problem(path, f"cannot be written: {exc.strerror or exc}"))
