"""A batch in worker processes: the same reports, messages and exit code as in one process.

These run the installed entry point in a subprocess: the test process itself may have threads
(the browser tests' driver), and then lawcheck rightly refuses to fork and works serially.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from .conftest import PROFILES, ROOT, entry_point

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")


def run(args: list[str], cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*entry_point(), *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def files(directory) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_workers_write_what_one_process_writes(tmp_path, edited):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    for n in range(3):  # enough profiles that both workers get several
        for source in PROFILES.glob("*.yaml"):
            shutil.copy(source, profiles / f"{source.stem}-{n}.yaml")
    bad = edited(("status: bill", "status: proposed"), name="m-bad.yaml")
    shutil.copy(bad, profiles / bad.name)  # an error in the middle of the batch, reported in its place

    serial = run(["check", "profiles", "-f", "markdown", "-o", "out", "-j", "1"], tmp_path)
    (tmp_path / "out").rename(tmp_path / "out-serial")
    parallel = run(["check", "profiles", "-f", "markdown", "-o", "out", "-j", "2"], tmp_path)

    assert serial.returncode == parallel.returncode == 2, parallel.stderr
    assert parallel.stderr == serial.stderr  # every line, in the order of the files
    assert "m-bad.yaml:5:1" in parallel.stderr and "Traceback" not in parallel.stderr
    assert files(tmp_path / "out") == files(tmp_path / "out-serial")
    assert len(files(tmp_path / "out")) == 3 * len(list(PROFILES.glob("*.yaml")))

    # the collection without the bad profile: --write-baseline and --check agree too
    (profiles / bad.name).unlink()
    for jobs in ("1", "2"):
        written = run(
            ["check", "profiles", "-o", "out", "--write-baseline", f"base-{jobs}.json", "-j", jobs], tmp_path
        )
        assert written.returncode == 1 and f"written to base-{jobs}.json" in written.stderr
    assert (tmp_path / "base-1.json").read_bytes() == (tmp_path / "base-2.json").read_bytes()
    checks = [
        run(["check", "profiles", "-f", "markdown", "-o", "out", "--check", "-j", j], tmp_path) for j in "12"
    ]
    assert checks[0].returncode == checks[1].returncode == 0 and checks[0].stderr == checks[1].stderr


def test_work_really_runs_in_other_processes(tmp_path):
    code = (
        "import os, sys\n"
        "from lawcheck.workers import ordered_map\n"
        "def work(item):\n"
        "    print('said by', item, file=sys.stderr)\n"
        "    return os.getpid()\n"
        "out = list(ordered_map(work, [str(n) for n in range(8)], 2))\n"
        "assert [text for _, text in out] == [''] + [f'said by {n}\\n' for n in range(1, 8)], out\n"
        "pids = [pid for pid, _ in out]\n"
        "print(pids[0] == os.getpid(), os.getpid() not in pids[1:])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # the first item runs in the parent (warming what every worker then inherits), printing
    # directly; the others run in workers, which hand back what they printed
    assert result.stderr == "said by 0\n"
    assert result.stdout.split() == ["True", "True"]


# after the first report (written before the workers start: Ctrl-C as they are forked) and
# after many (Ctrl-C while the workers are writing)
@pytest.mark.parametrize("after", [1, 40])
def test_interrupted_batch_leaves_only_whole_reports(tmp_path, after):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    shipped = sorted(PROFILES.glob("*.yaml"))
    for n in range(400):  # long enough to interrupt well before the end
        source = shipped[n % len(shipped)]
        shutil.copy(source, profiles / f"{n:03d}-{source.stem}.yaml")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [*entry_point(), "check", "profiles", "-f", "markdown", "-o", "out", "-j", "2", "--fail-on", "none"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not (out.is_dir() and sum(p.suffix == ".md" for p in out.iterdir()) >= after):
        assert process.poll() is None and time.monotonic() < deadline, "no report was written"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGINT)  # as Ctrl-C would, to the parent
    _, stderr = process.communicate(timeout=120)

    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    written = sorted(out.iterdir())
    assert not [p.name for p in written if p.suffix != ".md"]  # no temporary file left behind
    assert 0 < len(written) < 400
    for report in written:  # each is whole: what the committed report of its profile says
        stem = report.stem.split("-", 1)[1]
        assert report.read_bytes() == (ROOT / "reports" / f"{stem}.md").read_bytes(), report.name
