"""A stand-in SMS provider on 127.0.0.1 (stdlib http.server), for development and tests.

It speaks the protocol of `integrations/sms.HttpSmsSender`: POST /messages with a bearer token and
`{"id", "to", "text"}`; it keeps what it accepted (deduplicated by id) so a test can read the text a
resident would have received. Nothing is sent anywhere.

    with running() as (base_url, outbox):      # or running(fail_first=2)
        HttpSmsSender(base_url, SAMPLE_TOKEN).send("010-1234-5678", "...")
        outbox.messages[-1]["text"]

`python -m naesone_app.integrations.sms_standin [port]` serves until interrupted and prints each text.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SAMPLE_TOKEN = "sample-sms-token"
MAX_BODY = 5_000


@dataclass
class Outbox:
    """The texts the stand-in accepted, oldest first."""

    messages: list[dict[str, str]] = field(default_factory=list)
    echo: bool = False


class StandinServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, token: str, fail_first: int = 0, port: int = 0, echo: bool = False) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.token, self.failures_left = token, fail_first
        self.outbox = Outbox(echo=echo)
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: StandinServer

    def log_message(self, *_args: Any) -> None:  # texts hold reset links: keep them out of logs
        pass

    def _answer(self, status: int, body: Any) -> None:
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if self.path != "/messages" or not 0 < length <= MAX_BODY:
            self._answer(404 if self.path != "/messages" else 400, {"error": "bad request"})
            return
        if self.headers.get("Authorization") != f"Bearer {self.server.token}":
            self._answer(401, {"error": "unknown token"})
            return
        try:
            message = json.loads(self.rfile.read(length))
        except ValueError:
            self._answer(400, {"error": "not JSON"})
            return
        with self.server.lock:
            if self.server.failures_left > 0:
                self.server.failures_left -= 1
                self._answer(503, {"error": "temporarily unavailable"})
                return
            outbox = self.server.outbox
            if not any(m["id"] == message.get("id") for m in outbox.messages):
                outbox.messages.append({k: str(message.get(k, "")) for k in ("id", "to", "text")})
                if outbox.echo:
                    print(f"SMS to {message.get('to')}: {message.get('text')}", flush=True)
        self._answer(200, {"id": message.get("id"), "status": "accepted"})


@contextmanager
def running(token: str = SAMPLE_TOKEN, *, fail_first: int = 0) -> Iterator[tuple[str, Outbox]]:
    """Serve on 127.0.0.1 (a free port) in a thread; yields (base URL, outbox); stops on exit."""
    server = StandinServer(token, fail_first)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.outbox
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - manual use
    port = int((argv or sys.argv[1:] or ["8766"])[0])
    server = StandinServer(SAMPLE_TOKEN, port=port, echo=True)
    print(f"stand-in SMS provider on http://127.0.0.1:{port} (token {SAMPLE_TOKEN!r}); texts are printed")
    server.serve_forever()


if __name__ == "__main__":  # pragma: no cover
    main()
