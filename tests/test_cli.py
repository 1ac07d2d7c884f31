"""The CLI through typer's runner and through the installed entry point: exit codes, streams, files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawcheck import __version__
from lawcheck.cli import app

from .conftest import EXAMPLELAND, PROFILES, entry_point

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_check_terminal_exit_code_follows_fail_on():
    result = invoke("check", EXAMPLELAND)
    assert result.exit_code == 1
    assert "lawcheck gap report: Exampleland" in result.stdout
    assert "exit 1: gaps at severity high or above" in result.stderr
    assert invoke("check", EXAMPLELAND, "--fail-on", "none").exit_code == 0
    # GB's only gaps are medium, high and low: critical passes, high fails
    assert invoke("check", PROFILES / "gb.yaml", "--fail-on", "critical").exit_code == 0
    assert invoke("check", PROFILES / "gb.yaml", "--fail-on", "high").exit_code == 1


def test_json_goes_to_stdout_and_the_summary_to_stderr():
    result = invoke("check", EXAMPLELAND, "-f", "json")
    data = json.loads(result.stdout)  # nothing but the report on stdout
    assert data["profile"]["jurisdiction"] == "XX"
    assert result.stderr.startswith("XX: 12 met")


def test_markdown_to_file_then_regenerate(tmp_path):
    out = tmp_path / "report.md"
    first = invoke("check", EXAMPLELAND, "-f", "markdown", "-o", out)
    assert first.exit_code == 1 and first.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!-- lawcheck report") and "## Key gaps" in text
    # a previous lawcheck report may be overwritten without --force
    assert invoke("check", EXAMPLELAND, "-f", "markdown", "-o", out).exit_code == 1
    assert out.read_text(encoding="utf-8") == text
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_reports_are_ordinary_files_and_an_interrupt_leaves_the_old_one(tmp_path, monkeypatch):
    from lawcheck import output

    report = tmp_path / "r.md"
    output.write_atomic(str(report), "first\n")
    umask = os.umask(0)
    os.umask(umask)
    assert report.stat().st_mode & 0o777 == 0o666 & ~umask  # not the 0600 of a temporary file

    real_open = os.open

    def created_then_interrupted(name, flags, mode=0o777):
        os.close(real_open(name, flags, mode))
        raise KeyboardInterrupt  # Ctrl-C arriving as the temporary file is created

    monkeypatch.setattr(output.os, "open", created_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(str(report), "second\n")
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temporary file left behind
    assert report.read_text(encoding="utf-8") == "first\n"


def test_a_report_that_cannot_be_written_is_an_error_for_that_profile(tmp_path, monkeypatch):
    from lawcheck import output

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", full)
    out = tmp_path / "reports"
    result = invoke(
        "check", PROFILES / "gb.yaml", PROFILES / "de.yaml", "-f", "markdown", "-o", out, "-j", "1"
    )
    assert result.exit_code == 2  # bad input or environment, not "internal error" (3)
    assert f"error: {out / 'de.md'}: cannot be written: No space left on device" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    # no temporary file is left behind, so the directory made for the run is removed again
    assert not out.exists()


def test_refuses_to_overwrite_a_users_file_without_force(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("my own notes\n", encoding="utf-8")
    result = invoke("check", EXAMPLELAND, "-f", "markdown", "-o", notes)
    assert result.exit_code == 2 and "refusing to overwrite" in result.stderr
    assert notes.read_text(encoding="utf-8") == "my own notes\n"
    forced = invoke("check", EXAMPLELAND, "-f", "markdown", "-o", notes, "--force")
    assert forced.exit_code == 1 and notes.read_text(encoding="utf-8").startswith("<!-- lawcheck report")


def test_a_report_that_has_not_changed_is_not_rewritten(tmp_path, edited):
    # regenerating a collection touches only the reports that changed: no rewrite, no new mtime
    profile = edited(name="x.yaml")
    out = tmp_path / "reports"
    out.mkdir()
    args = ("check", profile, "-f", "markdown", "-o", out, "--fail-on", "none")
    assert invoke(*args).exit_code == 0
    report = out / "x.md"
    fresh = report.read_bytes()
    os.utime(report, ns=(10**18, 10**18))
    again = invoke(*args)
    assert again.exit_code == 0 and f"report {report} unchanged" in again.stderr
    assert report.stat().st_mtime_ns == 10**18 and report.read_bytes() == fresh
    # the same size with other bytes (an edit, or a render from another version) is rewritten
    report.write_bytes(fresh.replace(b"Exampleland", b"Examplelant", 1))
    rewritten = invoke(*args)
    assert rewritten.exit_code == 0 and f"report written to {report}" in rewritten.stderr
    assert report.read_bytes() == fresh


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_where_the_report_goes_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "r.md"
    os.mkfifo(fifo)  # opened to read its first bytes, it would block until something wrote to it
    result = run([*entry_point(), "check", str(EXAMPLELAND), "-f", "markdown", "-o", str(fifo)], cwd=tmp_path)
    assert result.returncode == 2 and "is not a lawcheck report" in result.stderr
    # nor is it read as the report to compare with: --check calls it stale
    for command in (["check", str(EXAMPLELAND), "-f", "markdown"], ["matrix", str(EXAMPLELAND)]):
        compared = run([*entry_point(), *command, "-o", str(fifo), "--check"], cwd=tmp_path)
        assert compared.returncode == 1 and f"stale: {fifo} is not a regular file" in compared.stderr


def test_a_batch_in_which_every_profile_fails_leaves_no_output_directory(tmp_path, edited):
    bad = edited(("status: bill", "status: proposed"), name="a.yaml")
    out = tmp_path / "reports"
    result = invoke("check", bad, tmp_path / "missing.yaml", "-f", "markdown", "-o", out)
    assert result.exit_code == 2 and result.stderr.count("error: ") == 2
    assert not out.exists()
    # one good profile: the directory is made, and holds its report
    shutil.copy(EXAMPLELAND, tmp_path / "good.yaml")
    result = invoke("check", bad, tmp_path / "good.yaml", "-f", "markdown", "-o", out)
    assert result.exit_code == 2 and sorted(p.name for p in out.iterdir()) == ["good.md"]


def test_output_to_a_directory_or_missing_directory(tmp_path):
    # an existing directory takes one report per profile, even for a single profile
    assert invoke("check", EXAMPLELAND, "-f", "markdown", "-o", tmp_path, "--fail-on", "none").exit_code == 0
    assert (tmp_path / "exampleland-bill.md").read_text(encoding="utf-8").startswith("<!-- lawcheck report")
    result = invoke("check", EXAMPLELAND, "-o", tmp_path / "nope" / "r.md")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_bad_profile_no_output_file_is_written(tmp_path, edited):
    bad = edited(("status: bill", "status: proposed"))
    out = tmp_path / "r.json"
    result = invoke("check", bad, "-f", "json", "-o", out)
    assert result.exit_code == 2
    assert "p.yaml:5:1: status:" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ("check", "missing.yaml"),
        ("check", "."),
        ("validate", "missing.yaml"),
        ("check", str(EXAMPLELAND), "-c", "palermoo"),
    ],
)
def test_bad_input_exits_2_with_a_message(args):
    result = invoke(*args)
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def test_usage_errors_exit_2():
    assert invoke("check", EXAMPLELAND, "--format", "xml").exit_code == 2
    assert invoke("check").exit_code == 2


def test_custom_checklist_replaces_the_defaults(tmp_path):
    custom = tmp_path / "mine.yaml"
    custom.write_text(
        "checklist: mine\ntitle: Mine\nversion: '1'\nrequirements:\n"
        "  - id: MY-ONLY\n    area: definition\n    title: Offence exists\n    sources: [palermo-5-1]\n"
        "    criterion: {type: is_true, fact: definition.offence_exists}\n    severity: low\n"
        "    rationale: r\n    remedy: do it\n",
        encoding="utf-8",
    )
    result = invoke("check", EXAMPLELAND, "-c", custom, "-f", "json")
    data = json.loads(result.stdout)
    assert [f["requirement"] for f in data["findings"]] == ["MY-ONLY"]
    assert result.exit_code == 0
    both = json.loads(invoke("check", EXAMPLELAND, "-c", "palermo", "-c", custom, "-f", "json").stdout)
    palermo = json.loads(invoke("check", EXAMPLELAND, "-c", "palermo", "-f", "json").stdout)
    assert len(both["findings"]) == len(palermo["findings"]) + 1


def test_validate_directory(tmp_path, edited):
    ok = invoke("validate", PROFILES)
    n = len(list(PROFILES.glob("*.yaml")))
    assert ok.exit_code == 0 and f"{n} of {n} file(s) valid" in ok.stderr
    shutil.copy(EXAMPLELAND, tmp_path / "good.yaml")
    edited(("    acts:\n", "    act:\n"), name="bad.yaml")
    result = invoke("validate", tmp_path)
    assert result.exit_code == 2
    assert "bad.yaml:19:5: facts.definition.act: unknown fact" in result.stderr
    assert "ok: " in result.stderr and "1 of 2 file(s) valid" in result.stderr


def test_validate_checklists_too():
    builtin = Path(__file__).resolve().parents[1] / "checklists"
    result = invoke("validate", builtin / "palermo.yaml", builtin / "un-principles.yaml")
    assert result.exit_code == 0 and "(checklist)" in result.stderr


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("lawcheck ")


# --- the real entry point ---------------------------------------------------------------


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=120, env={**os.environ, **env}
    )


def buffered_env() -> dict[str, str]:
    """This environment with standard output buffered as usual: a PYTHONUNBUFFERED set around the
    tests would hide a missing flush."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def test_installed_entry_point_runs_from_any_directory(tmp_path):
    shutil.copy(EXAMPLELAND, tmp_path / "x.yaml")
    result = run([*entry_point(), "check", "x.yaml", "-f", "json"], cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["counts"]["met"] == 12
    module = run([sys.executable, "-m", "lawcheck", "--version"], cwd=tmp_path)
    assert module.returncode == 0 and module.stdout.startswith("lawcheck ")


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--version"], 0), (["check", str(EXAMPLELAND), "-f", "json"], 1)],
    ids=["short output", "long output"],
)
def test_entry_point_exits_with_its_code_after_exit_handlers_and_flushed_output(tmp_path, args, code):
    # main() leaves without the interpreter's teardown: what a program registered to run at
    # exit must still run, and all it printed must still arrive (a short text sits in a buffer)
    script = (
        "import atexit, sys\n"
        "from lawcheck.cli import main\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        f"sys.argv = ['lawcheck', *{args!r}]\n"
        "main()\n"
    )
    command = [sys.executable, "-c", script]
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=120, env=buffered_env()
    )
    assert result.returncode == code, result.stderr
    if code == 0:
        assert result.stdout == f"lawcheck {__version__}\n"
    else:
        assert json.loads(result.stdout)["summary"]["counts"]["met"] == 12
    assert result.stderr.rstrip().endswith("handler ran")


STDOUT_CASES = {
    "short text": ["--version"],
    "json report": ["check", str(EXAMPLELAND), "-f", "json"],
    "terminal report": ["check", str(EXAMPLELAND)],
}


@pytest.mark.parametrize("args", STDOUT_CASES.values(), ids=STDOUT_CASES.keys())
def test_a_reader_that_stops_early_ends_the_run_quietly_with_141(tmp_path, args):
    # `lawcheck check x -f json | head`: neither "internal error" (3) nor rich's 1 ("gaps found")
    read, write = os.pipe()
    os.close(read)  # the reader has gone before lawcheck writes a byte
    try:
        result = subprocess.run(
            [*entry_point(), *args],
            cwd=tmp_path,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            env=buffered_env(),
        )
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", STDOUT_CASES.values(), ids=STDOUT_CASES.keys())
def test_a_full_disk_behind_stdout_is_reported_once_with_exit_2(tmp_path, args):
    with open("/dev/full", "w") as full:  # every write fails with ENOSPC
        result = subprocess.run(
            [*entry_point(), *args],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=buffered_env(),
        )
    assert result.returncode == 2
    assert result.stderr == "error: standard output: cannot be written: No space left on device\n"


def test_output_is_identical_across_hash_seeds(tmp_path):
    outputs = set()
    for seed in ("0", "1", "12345"):
        for fmt in ("markdown", "json"):
            result = run(
                [*entry_point(), "check", str(EXAMPLELAND), "-f", fmt], cwd=tmp_path, PYTHONHASHSEED=seed
            )
            outputs.add((fmt, result.stdout))
    assert len(outputs) == 2


def test_public_python_api(tmp_path):
    code = (
        "from lawcheck import Format, evaluate, load_checklists, load_profile, render\n"
        "import lawcheck.report.markdown\n"
        "catalogue, checklists = load_checklists()\n"
        f"profile = load_profile({str(EXAMPLELAND)!r}, catalogue)\n"
        "print(render(evaluate(profile, catalogue, checklists), Format.JSON)[:40])\n"
    )
    result = run([sys.executable, "-c", code], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"format": "lawcheck-assessment"' in result.stdout


def test_batch_mode_checks_every_profile_in_one_run(tmp_path, edited):
    out = tmp_path / "reports"
    out.mkdir()
    result = invoke("check", PROFILES, "-f", "markdown", "-o", out, "--fail-on", "none")
    assert result.exit_code == 0
    stems = sorted(p.stem for p in PROFILES.glob("*.yaml"))
    assert sorted(p.stem for p in out.iterdir()) == stems
    assert result.stderr.count("report written to") == len(stems)
    # a bad profile among good ones: the others are still checked, and the run exits 2
    bad = edited(("status: bill", "status: proposed"), name="zz-bad.yaml")
    shutil.copy(EXAMPLELAND, bad.parent / "good.yaml")
    mixed = invoke("check", bad.parent, "--fail-on", "none")
    assert mixed.exit_code == 2 and "zz-bad.yaml:5:1" in mixed.stderr and "XX: 12 met" in mixed.stderr
    # several reports need a directory to go into
    assert invoke("check", PROFILES, "-f", "json").exit_code == 2
    assert "is not a directory" in invoke("check", PROFILES, "-f", "json", "-o", out / "gb.md").stderr


def test_batch_output_directory_is_created_but_never_its_parents(tmp_path):
    fresh = tmp_path / "new-reports"
    result = invoke("check", PROFILES, "-f", "markdown", "-o", fresh, "--fail-on", "none")
    assert result.exit_code == 0
    assert sorted(p.stem for p in fresh.iterdir()) == sorted(p.stem for p in PROFILES.glob("*.yaml"))
    # a mistyped parent is an error, not a tree of new directories
    deep = tmp_path / "typo" / "reports"
    result = invoke("check", PROFILES, "-f", "markdown", "-o", deep)
    assert result.exit_code == 2 and "does not exist" in result.stderr and not (tmp_path / "typo").exists()
    # --check compares with reports that must already be there: nothing is created
    result = invoke("check", PROFILES, "-f", "markdown", "-o", tmp_path / "absent", "--check")
    assert result.exit_code == 2 and not (tmp_path / "absent").exists()


def test_two_profiles_of_the_same_name_are_refused_before_anything_is_written(tmp_path):
    for folder, source in (("a", "au.yaml"), ("b", "ca.yaml")):
        (tmp_path / folder).mkdir()
        shutil.copy(PROFILES / source, tmp_path / folder / "x.yaml")
    a, b = tmp_path / "a" / "x.yaml", tmp_path / "b" / "x.yaml"
    out = tmp_path / "out"
    # one report file for two profiles: the second would silently replace the first
    result = invoke("check", tmp_path / "a", tmp_path / "b", "-f", "markdown", "-o", out)
    assert result.exit_code == 2
    assert f"{b}: shares the report {out / 'x.md'} with {a}" in result.stderr
    assert not out.exists()
    # a baseline knows a profile by its file name: two would share one entry
    result = invoke("check", a, b, "--write-baseline", tmp_path / "base.json")
    assert result.exit_code == 2 and "shares the baseline name x.yaml" in result.stderr
    assert not (tmp_path / "base.json").exists()
    # the same file named twice is one profile, not two
    result = invoke(
        "check", a, tmp_path / "a" / "." / "x.yaml", "-f", "markdown", "-o", out, "--fail-on", "none"
    )
    assert result.exit_code == 0 and (out / "x.md").read_text(encoding="utf-8").count("(AU)") >= 1


def load_yaml(path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_matrix_command(tmp_path, edited):
    out = tmp_path / "matrix.md"
    result = invoke("matrix", PROFILES, "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    codes = sorted(load_yaml(p)["jurisdiction"] for p in PROFILES.glob("*.yaml"))
    for code in codes:  # a row per profile in the areas table, a column in the key-requirements table
        assert f"\n| {code}: " in text
    assert "| Requirement | " + " | ".join(codes) + " |" in text
    bad = edited(("status: bill", "status: proposed"))
    failed = invoke("matrix", bad)
    assert failed.exit_code == 2 and "p.yaml:5:1" in failed.stderr


def test_fail_on_thresholds_combine(edited):
    # the bill has high-severity gaps and unknown requirements
    assert invoke("check", EXAMPLELAND, "-f", "json").exit_code == 1  # default: high
    assert invoke("check", EXAMPLELAND, "-f", "json", "--fail-on", "none").exit_code == 0
    unknown = invoke("check", EXAMPLELAND, "-f", "json", "--fail-on", "none", "--fail-on", "unknown")
    assert unknown.exit_code == 1 and "unknown requirements" in unknown.stderr
    both = invoke("check", EXAMPLELAND, "-f", "json", "--fail-on", "critical", "--fail-on", "unknown")
    assert (
        both.exit_code == 1 and "gaps at severity critical or above and unknown requirements" in both.stderr
    )
    assert invoke("check", EXAMPLELAND, "--fail-on", "sometimes").exit_code == 2


def test_junit_output_file_is_guarded_and_named_xml(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    result = invoke("check", PROFILES / "gb.yaml", EXAMPLELAND, "-f", "junit", "-o", out, "--fail-on", "none")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["exampleland-bill.xml", "gb.xml"]
    again = invoke("check", EXAMPLELAND, "-f", "junit", "-o", out / "gb.xml", "--fail-on", "none")
    assert again.exit_code == 0  # a previous lawcheck JUnit file may be replaced
