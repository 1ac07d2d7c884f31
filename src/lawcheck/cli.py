"""The command line: wires arguments to library calls and maps errors to exit codes.

Exit codes: 0 no gaps at or above the --fail-on threshold; 1 gaps at or above it;
2 bad input or usage; 3 internal error (a bug in lawcheck: please report it); 130 interrupted;
141 the reader of standard output went away (`lawcheck ... | head`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__
from .report import Format
from .schema import SchemaKind

if TYPE_CHECKING:  # the engine is imported inside the commands, to keep `--help` fast
    from .baseline import Baseline, Entry
    from .evaluation import Assessment, Finding
    from .model import Catalogue, Checklist

EXIT_OK, EXIT_GAPS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_CLOSED_PIPE = 130, 141  # 128 + the signal's number, as the shell reports them

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help text: rendering help with rich costs ~80 ms of start-up
    help="Gap analysis of anti-trafficking law against the Palermo Protocol, UNTOC and the "
    "OHCHR Principles and Guidelines.",
)


class FailOn(str, Enum):
    """What makes `check` exit with 1: gaps of a severity or higher, unknown findings, or nothing."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    UNKNOWN = "unknown"
    NONE = "none"


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


@contextlib.contextmanager
def _writing_stdout() -> Iterator[None]:
    """A standard output that cannot take what is written is bad input (2), not a bug (3)."""
    from .errors import InputError, Problem

    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader stopped early: see _errors
    except OSError as exc:  # e.g. `> report.md` on a full disk
        _drop_stdout()  # said once here, not again when the exit flushes what is left
        raise InputError(Problem("standard output", f"cannot be written: {exc.strerror or exc}")) from None


def _stdout(text: str) -> None:
    """Write ``text`` to standard output now."""
    with _writing_stdout():
        sys.stdout.write(text)


def _drop_stdout() -> None:
    """Send what is still buffered for stdout nowhere: it cannot arrive, and exit must not fail on it."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    """Bad input -> its problems on stderr and exit 2; anything unexpected -> exit 3, no traceback."""
    from .errors import InputError

    try:
        yield
    except InputError as exc:
        for problem in exc.problems:
            _stderr(f"error: {problem}")
        raise typer.Exit(EXIT_INPUT) from None
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        _stderr("interrupted; files already written are complete, and none is left half-written")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:  # `lawcheck check x -f json | head`: the reader has all it wanted
        _drop_stdout()
        raise typer.Exit(EXIT_CLOSED_PIPE) from None
    except Exception as exc:  # a bug: say so plainly, never dump a traceback on a user
        _stderr(
            f"internal error: {type(exc).__name__}: {exc}\nPlease report this to the lawcheck maintainers."
        )
        raise typer.Exit(EXIT_INTERNAL) from None


def _profile_files(paths: list[Path]) -> list[str]:
    """The YAML files (and drafts given by name) among ``paths``; none at all is a usage error."""
    from .errors import InputError, Problem
    from .loading import profile_files

    files = profile_files(paths)
    if not files:
        raise InputError(Problem(" ".join(map(str, paths)), "no YAML files found"))
    return files


def _version(value: bool) -> None:
    if value:
        with _errors():
            _stdout(f"lawcheck {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """lawcheck: how far a country's anti-trafficking law falls short of international standards."""


ChecklistOption = Annotated[
    list[str] | None,
    typer.Option(
        "--checklist",
        "-c",
        metavar="NAME|PATH",
        help="A built-in checklist name or a checklist file; repeat for several. "
        "Replaces the default set (palermo, un-principles); name them too to add to them.",
    ),
]


SUFFIX = {
    Format.TERMINAL: ".txt",
    Format.MARKDOWN: ".md",
    Format.JSON: ".json",
    Format.JUNIT: ".xml",
    Format.SARIF: ".sarif",
    Format.HTML: ".html",
}

LanguageOption = Annotated[
    str, typer.Option("--language", "-l", help="Lexicon used to read draft laws (see lexicons/).")
]


@app.command()
def check(
    profiles: Annotated[
        list[Path],
        typer.Argument(
            help="Country profiles (YAML), directories of them, or draft laws (.txt, .md, .docx, .pdf), "
            "which are extracted first."
        ),
    ],
    checklist: ChecklistOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.TERMINAL,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file instead of stdout; with several profiles (or an existing "
            "directory), a directory to write one report per profile into (created if absent).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an -o file that is not a lawcheck report.")
    ] = False,
    fail_on: Annotated[
        list[FailOn] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a gap (partly met or not met) of this severity or higher is found; "
            "'unknown': also when a requirement is unknown; 'none': never. Repeatable "
            "(e.g. --fail-on critical --fail-on unknown). Default: high.",
        ),
    ] = None,
    language: LanguageOption = "en",
    check_only: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Write nothing: exit 1 if any -o report is missing or differs from a fresh render "
            "(for CI on a collection of profiles).",
        ),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Worker processes for a batch written to -o DIRECTORY (Linux); 0: one per CPU. "
            "Reports, messages and exit code are the same for any number.",
        ),
    ] = 0,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", help="Fail only on gaps (and unknowns) that are new or worse than in this baseline."
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline", help="Record every profile's statuses in this file, as the baseline."
        ),
    ] = None,
) -> None:
    """Evaluate country profiles against checklists and report the gaps (several at once in one run)."""
    with _errors():
        from .errors import InputError, Problem
        from .loading import load_checklists

        files = _profile_files(profiles)
        several = (
            len(files) > 1 or any(p.is_dir() for p in profiles) or (output is not None and output.is_dir())
        )
        if several and fmt is not Format.TERMINAL and output is None:
            raise InputError(Problem("--output", "give -o DIRECTORY to write one report per profile"))
        if several and output is not None:
            why = "with several profiles -o names one"
            if check_only and not output.is_dir():  # the reports to compare with must already be there
                raise InputError(Problem(str(output), f"is not a directory; {why}"))
            _output_directory(output, why)
        if check_only and output is None:
            raise InputError(Problem("--check", "needs -o: the report file or directory to compare with"))
        from . import baseline as baselines
        from .output import check_target

        if several:
            _distinct_names(files, output, fmt, by_name=baseline is not None or write_baseline is not None)
        accepted = baselines.load(str(baseline)) if baseline is not None else None
        if write_baseline is not None:
            check_target(str(write_baseline), force)
        threshold = _Threshold(fail_on, accepted, keep=write_baseline is not None)
        catalogue, checklists = load_checklists(checklist)
        created = False
        if several:
            _quiet_collector()
            if output is not None and not output.exists():  # _output_directory checked it
                output.mkdir(exist_ok=True)
                created = True

        def one(name: str) -> tuple[int, Entry | None]:
            """Check (or compare) one profile, printing its messages; its exit code and baseline entry."""
            target = None
            if output is not None:
                target = _report_in(output, name, fmt) if several else str(output)
            try:
                if check_only:
                    assert target is not None
                    return _compare_one(name, catalogue, checklists, fmt, target, language), None
                return _check_one(name, catalogue, checklists, fmt, target, force, threshold, language)
            except InputError as exc:
                for problem in exc.problems:
                    _stderr(f"error: {problem}")
                return EXIT_INPUT, None

        from .workers import ordered_map, usable_cpus

        # workers only when every report goes to a file: a report on stdout is printed in turn
        workers = (jobs or usable_cpus()) if several and output is not None else 1
        codes, entries = [], []
        for (code, entry), printed in ordered_map(one, files, workers):
            sys.stderr.write(printed)
            codes.append(code)
            if entry is not None:
                entries.append(entry)
        if created and output is not None and not any(output.iterdir()):
            output.rmdir()  # every profile failed: leave no trace of the run
        if write_baseline is not None and EXIT_INPUT not in codes:
            from .output import write_atomic

            write_atomic(str(write_baseline), baselines.render(entries))
            _stderr(f"baseline of {len(entries)} profile(s) written to {write_baseline}")
    raise typer.Exit(EXIT_INPUT if EXIT_INPUT in codes else max(codes))


def _report_in(directory: Path, profile: str, fmt: Format) -> str:
    """Where a batch writes a profile's report: its file name, with the format's suffix."""
    return str(directory / (Path(profile).stem + SUFFIX[fmt]))


def _distinct_names(files: list[str], output: Path | None, fmt: Format, by_name: bool) -> None:
    """Two profiles must not share a report file (the second would overwrite the first), nor, with a
    baseline, a file name (the baseline knows a profile by its file name). The same file given
    twice is not two profiles."""
    from .baseline import key_of_file
    from .errors import InputError, Problem

    problems: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}
    for name in files:
        keys = [("report", _report_in(output, name, fmt))] if output is not None else []
        if by_name:
            keys.append(("baseline name", key_of_file(name)))
        for what, key in keys:
            first = seen.setdefault((what, key), name)
            if os.path.realpath(first) != os.path.realpath(name):
                advice = "give the profiles different file names"
                problems.append(Problem(name, f"shares the {what} {key} with {first}; {advice}"))
    if problems:
        raise InputError(problems)


def _output_directory(output: Path, why: str) -> None:
    """-o names a directory: an existing one, or a new one lawcheck may create in an existing parent."""
    from .errors import InputError, Problem

    if output.exists() and not output.is_dir():
        raise InputError(Problem(str(output), f"is not a directory; {why}"))
    if not output.parent.is_dir():
        raise InputError(Problem(str(output), f"directory {output.parent} does not exist"))


def _quiet_collector() -> None:
    """Tune the cycle collector for a batch: its default thresholds make it re-scan the checklists
    and every live report object thousands of times, although a batch creates no reference cycles
    worth collecting before it ends (measured: about 5% of a 200-profile run)."""
    import gc

    gc.freeze()  # the checklists loaded so far live until the end: never scan them again
    gc.set_threshold(100_000, 50, 100)


def _check_one(
    name: str,
    catalogue: Catalogue,
    checklists: list[Checklist],
    fmt: Format,
    target: str | None,
    force: bool,
    threshold: _Threshold,
    language: str = "en",
) -> tuple[int, Entry | None]:
    """Check one profile, write or print its report, print its summary line.

    Returns its exit code, and its baseline entry when ``--write-baseline`` asked for one.
    """
    from . import baseline as baselines
    from .output import check_target, write_atomic
    from .report import render
    from .report.common import STATUS_LABEL

    if target is not None:
        check_target(target, force)
    assessment = _assess(name, catalogue, checklists, language)
    loaded = assessment.profile
    if loaded.machine_extracted:
        _stderr(f"{name}: findings rest on MACHINE-EXTRACTED facts; review them against the draft")
    written = False
    if target is not None:
        written = write_atomic(target, render(assessment, fmt))
    elif fmt is Format.TERMINAL:
        from .report.terminal import StdoutConsole, show

        with _writing_stdout():
            show(assessment, StdoutConsole(file=sys.stdout))
    else:
        _stdout(render(assessment, fmt))
    code, verdict = threshold.exit_code(assessment)
    total = assessment.summary()
    counts = ", ".join(f"{n} {STATUS_LABEL[s].lower()}" for s, n in total.counts.items() if n)
    where = ""
    if target is not None:
        where = f"; report written to {target}" if written else f"; report {target} unchanged"
    _stderr(f"{loaded.jurisdiction}: {counts}{where} (exit {code}: {verdict})")
    return code, baselines.entry(assessment) if threshold.keep else None


def _compare_one(
    name: str, catalogue: Catalogue, checklists: list[Checklist], fmt: Format, target: str, language: str
) -> int:
    """--check: 0 when ``target`` holds exactly what would be written now, else 1 (and say so)."""
    from .report import render

    assessment = _assess(name, catalogue, checklists, language)
    return _compare_text(target, render(assessment, fmt), f"regenerate it from {name}")


def _assess(name: str, catalogue: Catalogue, checklists: list[Checklist], language: str) -> Assessment:
    """Load a profile (or extract a draft), check its reservations, evaluate it: what `check` reports."""
    from .evaluation import evaluate
    from .loading import check_reservations, load_located

    loaded, positions = load_located(name, catalogue, language)
    check_reservations(name, loaded, positions, checklists)
    return evaluate(loaded, catalogue, checklists, profile_file=str(name), positions=positions)


def _assess_all(files: list[str], assess: Callable[[str], Assessment]) -> list[Assessment]:
    """Every file assessed; or, if any is bad input, an error naming the problems of all of them."""
    from .errors import InputError

    problems, assessments = [], []
    for name in files:
        try:
            assessments.append(assess(name))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return assessments


def _compare_text(target: str, text: str, advice: str) -> int:
    from .output import read_regular

    data = text.encode("utf-8")
    if not os.path.lexists(target):
        _stderr(f"stale: {target} is missing; {advice}")
        return EXIT_GAPS
    current = read_regular(target, len(data) + 1)
    if current is None:
        _stderr(f"stale: {target} is not a regular file or cannot be read; {advice}")
        return EXIT_GAPS
    if current != data:
        _stderr(f"stale: {target} is out of date; {advice}")
        return EXIT_GAPS
    _stderr(f"up to date: {target}")
    return EXIT_OK


class _Threshold:
    """--fail-on and --baseline: which findings make `check` exit 1."""

    def __init__(self, fail_on: list[FailOn] | None, accepted: Baseline | None, keep: bool = False):
        self.chosen = set(fail_on or [FailOn.HIGH])
        self.accepted = accepted
        self.keep = keep  # --write-baseline: each profile's statuses are kept

    def exit_code(self, assessment: Assessment) -> tuple[int, str]:
        """The exit code for one assessment, and the reason in words."""
        from .baseline import profile_key
        from .criteria import Status
        from .model import Severity

        def counts(finding: Finding) -> bool:
            if finding.reserved:  # an accepted exception: reported, but it does not fail the run
                return False
            return self.accepted is None or self.accepted.is_new_or_worse(profile_key(assessment), finding)

        severities = [Severity(f.value) for f in self.chosen if f not in (FailOn.UNKNOWN, FailOn.NONE)]
        if not severities and FailOn.UNKNOWN not in self.chosen:
            return EXIT_OK, "gaps do not affect the exit code (--fail-on none)"
        qualifier = "new or worse " if self.accepted is not None else ""
        reasons, failed = [], []
        if severities:
            lowest = max(severities, key=lambda s: s.rank)
            reasons.append(f"{qualifier}gaps at severity {lowest.value} or above")
            if any(f.requirement.severity.rank <= lowest.rank and counts(f) for f in assessment.gaps()):
                failed.append(reasons[-1])
        if FailOn.UNKNOWN in self.chosen:
            reasons.append(f"{qualifier}unknown requirements")
            if any(f.status is Status.UNKNOWN and counts(f) for f in assessment.findings):
                failed.append(reasons[-1])
        if failed:
            return EXIT_GAPS, " and ".join(failed)
        return EXIT_OK, "no " + " and no ".join(reasons)


@app.command()
def matrix(
    paths: Annotated[list[Path], typer.Argument(help="Profiles, or directories of them.")],
    checklist: ChecklistOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an -o file that is not a lawcheck report.")
    ] = False,
    check_only: Annotated[
        bool, typer.Option("--check", help="Write nothing: exit 1 if the -o file is missing or out of date.")
    ] = False,
) -> None:
    """A cross-country markdown matrix: jurisdictions x areas and x critical requirements."""
    with _errors():
        from .errors import InputError, Problem
        from .evaluation import evaluate
        from .loading import load_checklists, load_profile
        from .output import check_target, write_atomic
        from .report.matrix import render as render_matrix

        files = _profile_files(paths)
        if check_only and output is None:
            raise InputError(Problem("--check", "needs -o: the matrix file to compare with"))
        if output is not None and not check_only:
            check_target(str(output), force)
        catalogue, checklists = load_checklists(checklist)
        assessments = _assess_all(
            files, lambda name: evaluate(load_profile(name, catalogue), catalogue, checklists, name)
        )
        text = render_matrix(assessments)
        if check_only:
            assert output is not None
            raise typer.Exit(_compare_text(str(output), text, "regenerate it with `lawcheck matrix`"))
        if output is not None:
            write_atomic(str(output), text)
            _stderr(f"matrix of {len(assessments)} profiles written to {output}")
        else:
            _stdout(text)


@app.command()
def site(
    paths: Annotated[list[Path], typer.Argument(help="Profiles, or directories of them.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write the dashboard into.")],
    checklist: ChecklistOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files in the directory that lawcheck did not write.")
    ] = False,
) -> None:
    """A static HTML dashboard: heatmap, one report per profile, requirement view, draft comparisons."""
    with _errors():
        from .output import check_target, write_atomic
        from .report.site import build

        files = _profile_files(paths)
        _output_directory(output, "-o names the dashboard's directory")
        from .loading import load_checklists

        catalogue, checklists = load_checklists(checklist)
        assessments = _assess_all(files, lambda name: _assess(name, catalogue, checklists, "en"))
        pages = build(assessments)
        targets = {rel: output / rel for rel in pages}
        for target in targets.values():  # refuse before writing anything: no half-updated site
            if target.parent.is_dir():
                check_target(str(target), force)
        for rel, text in pages.items():
            targets[rel].parent.mkdir(parents=True, exist_ok=True)
            write_atomic(str(targets[rel]), text)
        _stderr(f"dashboard of {len(assessments)} profiles ({len(pages)} pages) written to {output}")


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Profiles, checklists, or directories of them.")],
    checklist: ChecklistOption = None,
) -> None:
    """Check profiles (schema, vocabulary, evidence) and checklists (schema, references); for CI."""
    with _errors():
        from .errors import InputError
        from .loading import check_profile, check_reservations, load_checklists
        from .loading import validate as schema
        from .model import CatalogueFile, Profile
        from .yamlread import read_file

        catalogue, _ = load_checklists(checklist)
        files = _profile_files(paths)
        failed = 0
        for name in files:
            try:
                doc = read_file(name)
                data = doc.data if isinstance(doc.data, dict) else {}
                if "checklist" in data:
                    load_checklists([name])
                    kind = "checklist"
                elif data and "jurisdiction" not in data and set(data) <= set(CatalogueFile.model_fields):
                    schema(doc, CatalogueFile)  # facts.yaml, sources.yaml and the like
                    kind = "catalogue"
                else:
                    profile = check_profile(doc, schema(doc, Profile), catalogue)
                    check_reservations(name, profile, doc.positions)
                    kind = "profile"
            except InputError as exc:
                failed += 1
                for problem in exc.problems:
                    _stderr(f"error: {problem}")
                continue
            _stderr(f"ok: {name} ({kind})")
        _stderr(f"{len(files) - failed} of {len(files)} file(s) valid")
        if failed:
            raise typer.Exit(EXIT_INPUT)


@app.command()
def extract(
    draft: Annotated[Path, typer.Argument(help="A draft law: .txt, .md, .docx or .pdf.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the profile (YAML) here instead of stdout.")
    ] = None,
    jurisdiction: Annotated[str, typer.Option(help="ISO 3166-1 alpha-2 code of the draft's country.")] = "XX",
    name: Annotated[
        str | None, typer.Option(help="The profile's name (default: from the file name).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="The draft's title (default: the file name).")] = None,
    status: Annotated[str, typer.Option(help="draft or bill.")] = "draft",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date the draft is stated as of (default: the file's date).")
    ] = None,
    language: LanguageOption = "en",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing -o file.")] = False,
) -> None:
    """Read a draft law and write a profile of what it provides, each fact citing the draft's lines.

    Every fact is marked `extracted: true`: a suggestion to review and edit, then `lawcheck check`.
    """
    with _errors():
        import datetime as dt

        from .errors import InputError, Problem
        from .extract import extract_file, profile_data, profile_yaml
        from .loading import load_checklists, profile_from_data
        from .output import check_target, write_atomic

        if status not in ("draft", "bill"):
            raise InputError(Problem("--status", f"must be 'draft' or 'bill', not {status!r}"))
        try:
            date = dt.date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise InputError(Problem("--as-of", f"not a date (YYYY-MM-DD): {as_of!r}")) from None
        if output is not None:
            check_target(str(output), force, reports_only=False)
        extraction = extract_file(draft, language)
        data = profile_data(
            extraction, jurisdiction=jurisdiction, name=name, title=title, status=status, as_of=date
        )
        catalogue, _ = load_checklists(None)
        profile_from_data(str(draft), data, catalogue)  # what we write must load back
        text = profile_yaml(data)
        found = sum(1 for d in extraction.detections.values() if d.value is not None)
        ambiguous = sum(1 for d in extraction.detections.values() if d.ambiguous)
        summary = (
            f"{draft}: {len(extraction.provisions)} provisions read; {found} of "
            f"{len(extraction.detections)} facts detected, {ambiguous} ambiguous (review every one)"
        )
        if output is not None:
            write_atomic(str(output), text)
            _stderr(f"{summary}; profile written to {output}")
        else:
            _stdout(text)
            _stderr(summary)


class DiffFormat(str, Enum):
    TERMINAL = "terminal"
    MARKDOWN = "markdown"
    JSON = "json"


@app.command()
def diff(
    base: Annotated[Path, typer.Argument(help="The base version: a profile or a draft law.")],
    new: Annotated[Path, typer.Argument(help="The new version: a profile or a draft law.")],
    checklist: ChecklistOption = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.TERMINAL,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an -o file that is not a lawcheck report.")
    ] = False,
    language: LanguageOption = "en",
) -> None:
    """Per requirement, what NEW closes, opens, improves or worsens compared with BASE.

    Exit 1 when NEW opens a gap (met -> partly or not met) or worsens one (partly -> not met).
    """
    with _errors():
        from .diff import diff as compare
        from .loading import load_checklists
        from .output import check_target, write_atomic
        from .report import diff as render_diff

        if output is not None:
            check_target(str(output), force)
        catalogue, checklists = load_checklists(checklist)
        assessments = [_assess(str(p), catalogue, checklists, language) for p in (base, new)]
        delta = compare(*assessments)
        renderers = {
            DiffFormat.TERMINAL: render_diff.render_terminal,
            DiffFormat.MARKDOWN: render_diff.render_markdown,
            DiffFormat.JSON: render_diff.render_json,
        }
        text = renderers[fmt](delta)
        if output is not None:
            write_atomic(str(output), text)
        else:
            _stdout(text)
        counts = ", ".join(f"{n} {c.value}" for c, n in delta.counts.items() if n)
        code = EXIT_GAPS if delta.regresses else EXIT_OK
        _stderr(f"{base} -> {new}: {counts} (exit {code})")
    raise typer.Exit(code)


@app.command("schema")
def schema_command(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file's schema: profile or checklist.")],
) -> None:
    """Print the JSON Schema of a profile or checklist file (for editors; `validate` checks more)."""
    with _errors():
        from .schema import render

        _stdout(render(kind))


def _every_checklist(extra: list[str] | None) -> list[str]:
    """Every built-in checklist, plus any named with -c."""
    from .loading import builtin_checklists

    builtin = sorted(builtin_checklists())
    return builtin + [c for c in (extra or []) if c not in builtin]


@app.command("checklists")
def list_checklists(checklist: ChecklistOption = None) -> None:
    """List the built-in checklists (and any given with -c) with counts by area and binding force."""
    with _errors():
        from .loading import load_checklists
        from .report.catalogue import checklists_table

        names = _every_checklist(checklist)
        catalogue, loaded = load_checklists(names)
        _stdout(checklists_table(catalogue, loaded))


@app.command()
def explain(
    requirement: Annotated[str, typer.Argument(help="A requirement id, e.g. PAL-DEF-ACTS.")],
    checklist: ChecklistOption = None,
) -> None:
    """Explain one requirement: its sources and quotes, criterion, the profile fields it reads, remedy."""
    with _errors():
        from .errors import InputError, Problem
        from .loading import load_checklists, suggest
        from .report.catalogue import explain as explain_text

        names = _every_checklist(checklist)
        catalogue, loaded = load_checklists(names)
        found = {r.id: (c, r) for c in loaded for r in c.requirements}
        wanted = requirement.upper()
        if wanted not in found:
            raise InputError(
                Problem(
                    requirement,
                    f"no such requirement{suggest(wanted, found)}; "
                    "`lawcheck checklists` lists the checklists",
                )
            )
        _stdout(explain_text(catalogue, *found[wanted]))


def main() -> NoReturn:
    """Console-script entry point."""
    try:
        app()
    except SystemExit as done:
        code = done.code
    else:  # pragma: no cover - typer always exits
        code = EXIT_OK
    if isinstance(code, int):
        import atexit

        # The command has finished: run what was registered to run at exit, flush what it
        # printed, and leave without tearing down the interpreter. Freeing every object of a
        # loaded batch one by one takes ~20 ms and changes nothing the user can see.
        atexit._run_exitfuncs()
        try:
            with _errors(), _writing_stdout():
                pass  # flushes what is still buffered (a short text), reporting it as a command would
        except typer.Exit as failed:
            code = failed.exit_code
        with contextlib.suppress(OSError):
            sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
