"""Benchmark: lawcheck against the floor of just parsing the same YAML.

    python bench/run.py [--profiles N] [--runs R]

Generates N synthetic profiles (copies of the shipped ones under new names) in a temporary
directory and reports medians of R rounds (each command once per round, each run in a fresh
interpreter):

  floor      interpreter start + yaml.load (C loader) of every profile
  check      `lawcheck check DIR -c <every built-in checklist> -f markdown -o OUT`: one run loads
             the checklists once, then loads, evaluates and renders every profile, in one worker
             process per CPU (the default); OUT already holds the reports (a collection
             regenerated after an edit), so a report is compared and left as it is
  check new  the same into an empty directory, made afresh before each run: every report is
             written (temporary file, fsync, rename)
  check -j 1 the first in one process
  version    `lawcheck --version`;   help: `lawcheck --help`;   python: `python -c pass`
  extract    `lawcheck extract` of a 1 MB statute text (the labelled corpus, renumbered and repeated)
  read       `python -c` reading the same 1 MB text and splitting its lines: the floor for extract

then, in this process, where one check of all N profiles spends its time (imports, loading,
evaluating, rendering, writing), and the cost of writing the same bytes with no lawcheck code.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = """
import sys, yaml
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
"""


READ = """
import sys
with open(sys.argv[1], encoding="utf-8") as f:
    f.read().splitlines()
"""


def statute_text(size: int) -> str:
    """About ``size`` bytes of statute-like text: the corpus texts, sections renumbered, repeated."""
    import re

    sources = sorted((ROOT / "tests" / "data" / "statutes").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    parts, number, total = [], 1, 0
    while total < size:
        for text in texts:
            # renumber section headings so the provisions stay distinct, as in one long code
            block = re.sub(r"(?m)^(?:§\s*|Section |Sec\. )?\d+(?:\.\d+)?[A-Z]?\b", str(number), text)
            number += 1
            parts.append(block)
            total += len(block.encode("utf-8"))
    return "\n\n".join(parts)


BREAKDOWN = """
import json, os, sys, time
start = time.perf_counter()
from lawcheck.cli import _quiet_collector
from lawcheck.evaluation import evaluate
from lawcheck.loading import builtin_checklists, check_reservations, load_checklists, load_located
from lawcheck.output import write_atomic
from lawcheck.report import Format, render
spent = {"imports": time.perf_counter() - start, "checklists": 0.0, "load": 0.0, "evaluate": 0.0,
         "render": 0.0, "write": 0.0}
clock = time.perf_counter()
catalogue, checklists = load_checklists(sorted(builtin_checklists()))
_quiet_collector()
spent["checklists"] = time.perf_counter() - clock
out, texts = sys.argv[1], []
for name in sys.argv[2:]:
    t0 = time.perf_counter()
    profile, positions = load_located(name, catalogue)
    check_reservations(name, profile, positions, checklists)
    t1 = time.perf_counter()
    assessment = evaluate(profile, catalogue, checklists, profile_file=name, positions=positions)
    t2 = time.perf_counter()
    text = render(assessment, Format.MARKDOWN)
    t3 = time.perf_counter()
    write_atomic(os.path.join(out, os.path.basename(name) + ".md"), text)
    t4 = time.perf_counter()
    for key, seconds in zip(("load", "evaluate", "render", "write"), (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
        spent[key] += seconds
    texts.append(text)
spent["report MB"] = sum(len(t.encode("utf-8")) for t in texts) / 1024 / 1024
print(json.dumps(spent))
"""

# The same bytes written the same way (temporary file, fsync, rename) by a bare loop.
WRITE = """
import os, sys, tempfile
for name in sorted(os.listdir(sys.argv[1])):
    data = open(os.path.join(sys.argv[1], name), "rb").read()
    fd, tmp = tempfile.mkstemp(dir=sys.argv[2])
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, os.path.join(sys.argv[2], name))
"""


def in_process(files: list[str], out: Path, runs: int) -> dict[str, float]:
    """Median seconds per stage of one check of ``files``, each run in a fresh interpreter,
    writing every report into an empty ``out``."""
    import json

    samples = []
    for _ in range(runs):
        empty_directory(out)
        done = subprocess.run(
            [sys.executable, "-c", BREAKDOWN, str(out), *files], check=True, capture_output=True, text=True
        )
        samples.append(json.loads(done.stdout))
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def seconds(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, check=False, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:  # a failed run measures nothing
        sys.exit(f"benchmark command failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def median_seconds(cmd: list[str], runs: int) -> float:
    return statistics.median(seconds(cmd) for _ in range(runs))


def interleaved(
    cmds: dict[str, list[str]], runs: int, before: dict[str, Callable[[], None]]
) -> dict[str, list[float]]:
    """Each command once per round, round after round: a neighbour's load on this shared machine
    then slows the floor and the check alike, instead of whichever happened to run during it.
    ``before[name]``, if any, runs (untimed) before each run of that command."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            if name in before:
                before[name]()
            times[name].append(seconds(cmd))
    return times


def empty_directory(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--profiles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    shipped = sorted((ROOT / "country_profiles").glob("*.yaml"))
    entry = Path(sys.executable).with_name("lawcheck")
    cli = [str(entry)] if entry.exists() else [sys.executable, "-m", "lawcheck"]
    with tempfile.TemporaryDirectory() as tmp:
        profiles, out = Path(tmp) / "profiles", Path(tmp) / "out"
        profiles.mkdir()
        out.mkdir()
        files = []
        for i in range(args.profiles):
            target = profiles / f"p{i:04d}.yaml"
            shutil.copy(shipped[i % len(shipped)], target)
            files.append(str(target))
        from lawcheck.loading import builtin_checklists

        # every built-in checklist, read from the package so that a new one is never left out
        checklists = [arg for name in sorted(builtin_checklists()) for arg in ("-c", name)]
        check = [*cli, "check", str(profiles), *checklists, "-f", "markdown", "-o", str(out), "--force"]
        new = Path(tmp) / "new"
        check_new = [*check[: check.index("-o") + 1], str(new), "--fail-on", "none"]
        seconds([*check, "--fail-on", "none"])  # OUT holds every report before the first round
        statute = Path(tmp) / "statute.txt"
        statute.write_text(statute_text(1024 * 1024), encoding="utf-8")
        extract = [*cli, "extract", str(statute), "--as-of", "2026-01-01"]
        times = interleaved(
            {
                "python": [sys.executable, "-c", "pass"],
                "floor": [sys.executable, "-c", FLOOR, *files],
                "check": [*check, "--fail-on", "none"],
                "check new": check_new,
                "check -j 1": [*check, "--fail-on", "none", "-j", "1"],
                "version": [*cli, "--version"],
                "help": [*cli, "--help"],
                "read": [sys.executable, "-c", READ, str(statute)],
                "extract": extract,
            },
            args.runs,
            before={"check new": lambda: empty_directory(new)},
        )
        results = {name: statistics.median(values) for name, values in times.items()}
        megabytes = statute.stat().st_size / 1024 / 1024
        stages = in_process(files, Path(tmp) / "in-process", args.runs)
        copy = Path(tmp) / "copy"
        copy.mkdir()
        bare_write = median_seconds([sys.executable, "-c", WRITE, str(out), str(copy)], args.runs)
    size = sum(Path(f).stat().st_size for f in shipped) / len(shipped)
    from lawcheck.workers import usable_cpus

    print(
        f"{args.profiles} profiles (mean {size / 1024:.1f} KiB each), median of {args.runs} runs, "
        f"{usable_cpus()} CPUs"
    )
    for name, value in results.items():
        print(f"  {name:<10} {value * 1000:8.1f} ms")
    for name in ("check", "check new", "check -j 1"):
        ratios = sorted(c / f for c, f in zip(times[name], times["floor"], strict=True))
        print(
            f"  {name} / floor = {results[name] / results['floor']:.2f} (ratio of medians); "
            f"per round: median {statistics.median(ratios):.2f}, from {ratios[0]:.2f} to {ratios[-1]:.2f}"
        )
    print(f"  --version / python start-up = {results['version'] / results['python']:.2f}")
    print(
        f"  extract: {megabytes:.2f} MB statute, {results['extract'] / megabytes * 1000:.0f} ms per MB; "
        f"extract / read = {results['extract'] / results['read']:.1f}"
    )
    print(f"one check in-process ({stages.pop('report MB'):.1f} MB of reports), median of {args.runs}:")
    for name, value in stages.items():
        print(f"  {name:<10} {value * 1000:8.1f} ms")
    print(f"  bare write of the same reports (start, temp file, fsync, rename): {bare_write * 1000:.1f} ms")


if __name__ == "__main__":
    main()
