"""Headless Chromium for the HTML report and dashboard (Debian's chromium, driven by Playwright).

The tests skip when no Chromium is installed, unless LAWCHECK_BROWSER_TESTS=required (as in
.ci/run), where a missing browser is a failure. Screenshots go to build/test-artifacts/ (or
$LAWCHECK_ARTIFACTS).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ..conftest import ROOT, entry_point

CHROMIUM = os.environ.get("LAWCHECK_CHROMIUM", "/usr/bin/chromium")
# As the machine's notes advise for a closed network: no background connections, no first-run work.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(os.environ.get("LAWCHECK_ARTIFACTS", ROOT / "build" / "test-artifacts"))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        message = f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
        if os.environ.get("LAWCHECK_BROWSER_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A page, with every request it made and every script error or CSP violation it logged."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def screenshot(self, name: str, full_page: bool = False) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    opened = Tab(page)
    page.on("request", lambda r: opened.requests.append(r.url))
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()


def assert_offline(tab: Tab, root: Path) -> None:
    """Only the site's own files were requested, and no script failed or broke the page's policy."""
    prefix = root.resolve().as_uri() + "/"
    assert tab.requests, "the page was not opened"
    assert [u for u in tab.requests if not u.startswith(prefix)] == []
    assert tab.errors == []


def lawcheck(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed command, as a user runs it."""
    return subprocess.run([*entry_point(), *args], capture_output=True, text=True, timeout=120, check=False)
