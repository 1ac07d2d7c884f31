"""Terminal summary (rich): per-area table, counts by status, top gaps."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..criteria import Status
from ..evaluation import Assessment
from . import common

STYLE = {
    Status.MET: "green",
    Status.PARTIAL: "yellow",
    Status.NOT_MET: "red",
    Status.UNKNOWN: "cyan",
    Status.NOT_APPLICABLE: "dim",
}
TOP_GAPS = 8
SHORT = {
    Status.MET: "Met",
    Status.PARTIAL: "Partly",
    Status.NOT_MET: "Not met",
    Status.UNKNOWN: "Unknown",
    Status.NOT_APPLICABLE: "N/A",
}


class StdoutConsole(Console):
    """A console whose closed pipe (`lawcheck check x | head`) raises ``BrokenPipeError`` for the
    caller to report: rich's own answer is to exit with 1, which means "gaps found" here."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def show(a: Assessment, console: Console) -> None:
    p = a.profile
    console.print(Text(f"lawcheck gap report: {p.name} ({p.jurisdiction})", style="bold"))
    if p.machine_extracted:
        console.print(
            Text(
                "MACHINE-EXTRACTED: these facts were detected automatically"
                + (f" in {p.extracted_from}" if p.extracted_from else "")
                + "; check each against the draft.",
                style="bold yellow",
            )
        )
    console.print(
        f"Status {p.status.value.replace('_', ' ')}, law as of {p.as_of.isoformat()}; "
        f"checklists: {', '.join(c.id for c in a.checklists)}",
        highlight=False,
    )
    table = Table(show_lines=False)
    table.add_column("Area")
    for status in STATUS_COLUMNS:
        table.add_column(SHORT[status], justify="right", style=STYLE[status])
    table.add_column("Coverage", justify="right")
    table.add_column("Score", justify="right")
    for s in [*a.areas(), a.summary()]:
        table.add_row(
            s.title,
            *(str(s.counts[st]) for st in STATUS_COLUMNS),
            common.percent(s.coverage),
            common.percent(s.score),
        )
    console.print(table)
    gaps = a.gaps()
    if gaps:
        console.print(Text(f"Top gaps ({min(len(gaps), TOP_GAPS)} of {len(gaps)}):", style="bold"))
        for f in gaps[:TOP_GAPS]:
            line = Text(f"  {f.requirement.id} ", style="bold")
            line.append(common.STATUS_LABEL[f.status].lower(), style=STYLE[f.status])
            line.append(f" [{f.requirement.severity.value}, {f.force.value}] {f.requirement.title}")
            if f.reservation is not None:
                state = "reservation expired" if f.reservation_expired else "reserved"
                line.append(f" ({state} until {f.reservation.expires.isoformat()})", style="magenta")
            console.print(line)
            for missing in f.missing:
                console.print(Text(f"      {missing}", style="dim"))
    else:
        console.print("No gaps among the requirements the profile answers.")
    unknown = a.summary().counts[Status.UNKNOWN]
    if unknown:
        console.print(
            f"{unknown} requirement(s) unknown: the profile is silent or did not assess "
            "the facts they read (see the markdown report).",
            highlight=False,
        )


STATUS_COLUMNS = (Status.MET, Status.PARTIAL, Status.NOT_MET, Status.UNKNOWN, Status.NOT_APPLICABLE)


def render_text(a: Assessment) -> str:
    """The same summary as plain text (for ``-o``), with a fixed width so output is stable."""
    buffer = io.StringIO()
    show(a, Console(file=buffer, width=110, color_system=None, force_terminal=False))
    return buffer.getvalue()
