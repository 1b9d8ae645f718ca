"""Browser tests: the production build served by `reflex run --env prod`, driven in Debian's Chromium.

The app runs against its own SQLite file loaded with the sample catalogue, on a port of its own.
Screenshots go to artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
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
    """The running app: where to browse, which database it uses and where its output goes."""

    url: str
    db_url: str
    log: Path | None = None


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedApp]:
    """Migrate, load the samples and serve the production build; yield its URL."""
    from naesone_app.integrations.mydata_standin import running

    work = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    db_url = f"sqlite:///{work / 'e2e.db'}"
    env = _env(db_url, port)
    mydata = running()  # the stand-in public-MyData provider the apply page imports from
    env["NAESONE_MYDATA_URL"] = mydata.__enter__()
    env["NAESONE_UPLOAD_DIR"] = str(work / "uploads")
    for command in (["db", "upgrade"], ["catalog", "load-samples"], ["facilities", "load-samples"],
                    ["classes", "load-samples"]):  # fmt: skip
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
        yield ServedApp(url, db_url, log)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        mydata.__exit__(None, None, None)


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


# --- a server of its own that a test may stop and start again ----------------------------------------


def _copy_web_dir(target: Path) -> None:
    """A private copy of the initialised `.web` (node_modules shared by a symlink, no build).

    `reflex run --env prod` rebuilds the frontend with its port baked into env.json; building in the
    shared `.web` would point the session app's pages (served from `.web/build`) at this server's socket.
    """
    source = ROOT / ".web"
    if not (source / "node_modules").is_dir():
        raise RuntimeError(f"{source} is not initialised: the session `app` fixture builds it first")
    for attempt in range(3):  # another server may be compiling into the shared .web right now
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        try:
            for child in source.iterdir():
                if child.name == "node_modules":
                    (target / child.name).symlink_to(child.resolve(), target_is_directory=True)
                elif child.name == "build":
                    continue
                elif child.is_dir():
                    shutil.copytree(child, target / child.name, symlinks=True)
                else:
                    shutil.copy2(child, target / child.name)
            return
        except (OSError, shutil.Error):
            if attempt == 2:
                raise
            time.sleep(2)


def _private_web(work: Path) -> dict[str, str]:
    """Environment for a server that builds and keeps its state under `work`, not in the shared `.web`."""
    _copy_web_dir(work / "web")
    return {"REFLEX_WEB_WORKDIR": str(work / "web"), "REFLEX_STATES_WORKDIR": str(work / "states")}


class RestartableApp:
    """`reflex run --env prod` on a fixed port against a given database; `restart()` stops and starts it.

    Nothing carries over a restart but the database and the browser: the state directory is wiped by
    Reflex on start, exactly as on a real deployment.
    """

    def __init__(self, work: Path, db_url: str) -> None:
        self.work = work
        self.db_url = db_url
        self.port = _free_port()
        self.url = f"http://localhost:{self.port}"
        self.log = work / "reflex.log"
        self.process: subprocess.Popen | None = None
        self.env = _env(db_url, self.port) | _private_web(work)

    def start(self) -> float:
        """Start the server and wait for it to answer; return the seconds it took."""
        started = time.monotonic()
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                [str(BIN / "reflex"), "run", "--env", "prod", "--loglevel", "warning"],
                cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        _wait_until_up(self.url, self.process, self.log, seconds=300)
        return time.monotonic() - started

    def stop(self) -> None:
        """SIGTERM the whole process group and wait until the port no longer answers."""
        if self.process is None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/ping", timeout=1)
            except httpx.HTTPError:
                return
            time.sleep(0.2)
        raise RuntimeError(f"port {self.port} still answers after the server was stopped")

    def restart(self) -> float:
        """Stop the server, start it again on the same port; return the seconds the start took."""
        self.stop()
        return self.start()


@pytest.fixture(scope="module")
def restartable_app(app: ServedApp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestartableApp]:
    """A second server, of this module only, on the session app's database, that tests may restart."""
    server = RestartableApp(tmp_path_factory.mktemp("restartable"), app.db_url)
    try:
        server.start()
        yield server
    finally:
        server.stop()


# --- accounts made directly in the served database, and browsers signed in as them ------------------

SESSION_COOKIE = "naesone_session"


def db_account(
    db_url: str,
    login: str,
    password: str,
    profile: dict | None = None,
    role: str = "resident",
    saved: tuple[str, ...] = (),
    department: str = "복지정책과",
    identity: object = True,
) -> tuple[int, str]:
    """An account with its consents (and profile, saved programmes); returns (id, a session token).

    A resident also has an identity (a name and 생년월일, as applying needs): `identity=True` gives a
    sample one (the profile's birth date if it has one), an `Identity` that one, None/False none."""
    from datetime import date

    from naesone_app.core.identity import Identity
    from naesone_app.db.accounts import create_account, start_session
    from naesone_app.db.engine import transaction
    from naesone_app.db.identity import save_identity
    from naesone_app.db.resident_data import grant_consent, save_profile, set_saved

    with transaction(db_url) as session:
        account = create_account(session, login, password, role=role, department=department)
        grant_consent(session, account.id, "account")
        if identity is True and role == "resident":
            born = (profile or {}).get("birth_date")
            identity = Identity("시험 주민", date.fromisoformat(born) if born else date(1960, 1, 1))
        if isinstance(identity, Identity):
            save_identity(session, account.id, identity)
        if profile is not None:
            grant_consent(session, account.id, "sensitive_profile")
            save_profile(session, account.id, profile)
        for key in saved:
            set_saved(session, account.id, key, True)
        return account.id, start_session(session, account.id)


def new_session_token(db_url: str, account_id: int) -> str:
    """Another signed-in browser for the account (as a sign-in would make)."""
    from naesone_app.db.accounts import start_session
    from naesone_app.db.engine import transaction

    with transaction(db_url) as session:
        return start_session(session, account_id)


def sqlite_rows(db_url: str, sql: str, *params: object) -> list[tuple]:
    """Rows of a query against the served SQLite file, read with the plain sqlite3 module."""
    import sqlite3

    path = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, params).fetchall()


def signed_in_context(browser: Browser, url: str, token: str, locale: str = "ko-KR"):
    """A browser context that carries the session cookie, as after a sign-in."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
    context.add_cookies(
        [{"name": SESSION_COOKIE, "value": token, "url": url, "httpOnly": True, "sameSite": "Strict"}]
    )
    return context


def program_key(db_url: str, source_id: str) -> str:
    """A programme's key as the app stores and links it (e.g. of the sample `junggu-senior-lunch`)."""
    from sqlmodel import Session

    from naesone_app.db.catalog import load_programs
    from naesone_app.db.engine import engine_for

    with Session(engine_for(db_url)) as session:
        [key] = [p.key for p in load_programs(session) if p.source_id == source_id]
    return key
