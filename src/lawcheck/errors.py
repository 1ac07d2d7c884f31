"""The one error type lawcheck raises for bad input, carrying where each problem is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Path_ = tuple[str | int, ...]


def format_path(path: Path_) -> str:
    """Render a field path the way a reader of the YAML file thinks of it: ``facts.definition.acts[2]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: Path_ = ()

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = format_path(self.path)
        return f"{where}: {field}: {self.message}" if field else f"{where}: {self.message}"


class InputError(Exception):
    """Bad input (a file, an option, a reference). The CLI maps it to exit code 2."""

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems: Sequence[Problem] = (problems,) if isinstance(problems, Problem) else tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
