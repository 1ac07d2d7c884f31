"""The pre-commit hooks, run the way a profile repository would: `pre-commit try-repo` in a temp repo."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import EXAMPLELAND, PROFILES, ROOT

pytestmark = pytest.mark.skipif(
    not (ROOT / ".git").exists() or shutil.which("git") is None, reason="needs a git checkout of lawcheck"
)


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def try_repo(cwd, hook, *files):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "test@example.org")
    git(tmp_path, "config", "user.name", "test")
    shutil.copy(PROFILES / "gb.yaml", tmp_path / "gb.yaml")
    broken = EXAMPLELAND.read_text(encoding="utf-8").replace("status: bill", "status: proposed")
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    shutil.copy(EXAMPLELAND, tmp_path / "bill.yaml")
    git(tmp_path, "add", ".")
    return tmp_path


def test_validate_hook_passes_a_good_profile_and_fails_a_broken_one(repo):
    good = try_repo(repo, "lawcheck-validate", "gb.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = try_repo(repo, "lawcheck-validate", "broken.yaml")
    assert bad.returncode == 1 and "broken.yaml:5:1: status" in bad.stdout


def test_check_hook_fails_on_critical_gaps(repo):
    result = try_repo(repo, "lawcheck-check", "bill.yaml", "gb.yaml")  # several files in one run
    # the Exampleland bill has a critical gap (acts lack receipt)
    assert result.returncode == 1 and "gaps at severity critical or above" in result.stdout
