"""Serve the production build for a benchmark, from a private build directory (the shared `.web`
may be in use by a running app or tests), against the database `make db` prepared."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _private_web(target: Path) -> None:
    source = ROOT / ".web"
    target.mkdir(parents=True)
    if not source.is_dir():
        return
    for child in source.iterdir():
        if child.name == "node_modules":
            (target / child.name).symlink_to(child.resolve(), target_is_directory=True)
        elif child.name != "build":
            (shutil.copytree if child.is_dir() else shutil.copy2)(child, target / child.name)


@contextmanager
def served_app() -> Iterator[str]:
    """The app's URL while `reflex run --env prod` serves it on a free port."""
    port = _free_port()
    with tempfile.TemporaryDirectory() as work:
        _private_web(Path(work) / "web")
        env = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}", "NAESONE_PORT": str(port),
               "REFLEX_USE_NPM": "1", "REFLEX_TELEMETRY_ENABLED": "0", "REFLEX_CHECK_LATEST_VERSION": "0",
               "REFLEX_WEB_WORKDIR": str(Path(work) / "web"), "REFLEX_STATES_WORKDIR": str(Path(work) / "states")}  # fmt: skip
        log = Path(work) / "reflex.log"
        with log.open("w") as out:
            process = subprocess.Popen([str(BIN / "reflex"), "run", "--env", "prod", "--loglevel", "warning"],
                                       cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                       start_new_session=True)  # fmt: skip
        url = f"http://localhost:{port}"
        try:
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise RuntimeError(f"the app exited: {log.read_text()[-2000:]}")
                try:
                    if httpx.get(f"{url}/ping", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(1)
            yield url
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
