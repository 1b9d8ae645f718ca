"""Browser tests: the production build served by `reflex run --env prod`, driven in Debian's Chromium.

The app runs against its own SQLite file loaded with the sample catalogue, on a port of its own.
Screenshots go to artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
CHROMIUM = os.environ.get("NAESONE_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(db_url: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        NAESONE_DATABASE_URL=db_url,
        NAESONE_PORT=str(port),
        PATH=f"{BIN}:{env.get('PATH', '')}",
        REFLEX_USE_NPM="1",
        REFLEX_TELEMETRY_ENABLED="0",
        REFLEX_CHECK_LATEST_VERSION="0",
    )
    return env


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited early:\n{log.read_text()[-3000:]}")
        try:
            if (
                httpx.get(f"{url}/ping", timeout=2).status_code == 200
                and httpx.get(url, timeout=5).is_success
            ):
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"the app did not come up in {seconds}s:\n{log.read_text()[-3000:]}")


@dataclass(frozen=True)
class ServedApp:
    """The running app: where to browse and which database it uses."""

    url: str
    db_url: str


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedApp]:
    """Migrate, load the samples and serve the production build; yield its URL."""
    work = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    db_url = f"sqlite:///{work / 'e2e.db'}"
    env = _env(db_url, port)
    for command in (["db", "upgrade"], ["catalog", "load-samples"]):
        subprocess.run([str(BIN / "naesone"), *command], cwd=ROOT, env=env, check=True, capture_output=True)
    log = work / "reflex.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(BIN / "reflex"), "run", "--env", "prod", "--loglevel", "warning"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    url = f"http://localhost:{port}"
    try:
        _wait_until_up(url, process, log)
        yield ServedApp(url, db_url)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: .ci/run installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def wait_hydrated(page: Page) -> None:
    """Wait until the backend has answered the page's on_load (the websocket is up)."""
    page.wait_for_function("() => !!window.sessionStorage.getItem('token')", timeout=30_000)
    page.wait_for_load_state("networkidle")
