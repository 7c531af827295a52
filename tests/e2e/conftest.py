"""Browser fixtures: Debian's headless Chromium driven by Playwright, and a live ``serve``.

Chromium is the system's (``/usr/bin/chromium``, installed by ``make test``), never a
browser Playwright would download. Without it the browser tests skip, saying why.
Screenshots go to ``test-artifacts/`` (gitignored), one per main page.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storytrace.report import write_report
from tests.conftest import REPO_ROOT
from tests.report.sample import sample_analysis

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO_ROOT / "test-artifacts"
# The machine has no network: keep Chromium from trying (and from waiting on) Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 20


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium; skips when chromium or playwright is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent: 'make test' installs Debian's chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="install the 'dev' extra")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page with a desktop-sized viewport; fails the test on any page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.set_default_timeout(10_000)
    yield opened
    context.close()
    assert errors == [], errors


def screenshot(page: Any, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot (the whole page, or what the window shows) as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 0
    return path


@pytest.fixture
def report_url(tmp_path: Path) -> str:
    """``report.html`` of the sample analysis, as a ``file://`` URL."""
    files = write_report(sample_analysis(), tmp_path / "report")
    return files.html.resolve().as_uri()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    """``storytrace serve`` over a store holding the sample analysis, on 127.0.0.1."""
    import uvicorn

    from storytrace.serve import create_app
    from storytrace.store import Store

    with Store.open(tmp_path / "store.db") as store:
        store.add_analysis(sample_analysis(), inputs=["sample"])
        port = free_port()
        config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                pytest.fail("the server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
        server.should_exit = True
        thread.join(timeout=SERVER_START_SECONDS)
