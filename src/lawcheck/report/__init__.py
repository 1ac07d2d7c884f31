"""Rendering an assessment: one module per output format, chosen by :class:`Format`."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # keep `lawcheck --help` free of the engine's imports
    from ..evaluation import Assessment


class Format(str, Enum):
    """Output formats; also the type of the CLI's ``--format`` option."""

    TERMINAL = "terminal"
    MARKDOWN = "markdown"
    JSON = "json"
    JUNIT = "junit"
    SARIF = "sarif"
    HTML = "html"


def render(assessment: Assessment, fmt: Format) -> str:
    """The report as text, ready to print or write to a file."""
    if fmt is Format.MARKDOWN:
        from . import markdown

        return markdown.render(assessment)
    if fmt is Format.JSON:
        from . import json_report

        return json_report.render(assessment)
    if fmt is Format.SARIF:
        from . import sarif

        return sarif.render(assessment)
    if fmt is Format.HTML:
        from . import html

        return html.render(assessment)
    if fmt is Format.JUNIT:
        from . import junit

        return junit.render(assessment)
    from . import terminal

    return terminal.render_text(assessment)
