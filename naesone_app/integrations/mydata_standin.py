"""A stand-in public-MyData provider on 127.0.0.1 (stdlib http.server), for development and tests.

It speaks the protocol of `integrations/mydata.HttpEvidenceProvider` and serves SAMPLE documents — a
주민등록표등본-like JSON (names masked, address with its 행정동, household members with birth dates,
move-in date) and one of each of the seven other kinds (core/evidence_kinds.py), all about the same
sample resident (김*순, born 1959-04-02, 신당동 since 2025-11-01) — for the tokens it was given.
Nothing here is real data.

    with running() as base_url:           # or running({"token": {kind: document}}, fail_first=2)
        HttpEvidenceProvider(base_url).fetch("sample-token", "resident_registration_copy")

`python -m naesone_app.integrations.mydata_standin [port]` serves the sample until interrupted.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SAMPLE_TOKEN = "sample-token"
SAMPLE_COPY: dict[str, Any] = {
    "kind": "resident_registration_copy",
    "sample": True,
    "issued_on": "2026-11-20",
    "issuer": "서울특별시 중구 신당동장 (예시)",
    "address": {
        "text": "서울특별시 중구 다산로 000, 000호 (예시)",
        "admin_dong": "신당동",
        "admin_dong_code": "1114061500",
    },
    "moved_in_on": "2025-11-01",
    "members": [
        {"relation": "본인", "name": "김*순", "birth_date": "1959-04-02", "sex": "female"},
        {"relation": "자녀", "name": "이*민", "birth_date": "2015-03-01", "sex": "male"},
    ],
}
SAMPLE_HOLDER = {"name": "김*순", "birth_date": "1959-04-02", "sex": "female"}
SAMPLE_ABSTRACT: dict[str, Any] = {
    "kind": "resident_registration_abstract",
    "sample": True,
    "issued_on": "2026-11-20",
    "issuer": "서울특별시 중구 신당동장 (예시)",
    "holder": SAMPLE_HOLDER,
    "address_history": [
        {"address": "서울특별시 성동구 왕십리로 000 (예시)", "admin_dong_code": "1120052000",
         "moved_in_on": "2010-05-10", "moved_out_on": "2025-10-31"},
        {"address": "서울특별시 중구 다산로 000, 000호 (예시)", "admin_dong": "신당동",
         "admin_dong_code": "1114061500", "moved_in_on": "2025-11-01"},
    ],
}  # fmt: skip
SAMPLE_FAMILY: dict[str, Any] = {
    "kind": "family_relation_certificate",
    "sample": True,
    "issued_on": "2026-11-20",
    "issuer": "대법원 전자가족관계등록시스템 (예시)",
    "holder": SAMPLE_HOLDER,
    "family": [
        {"relation": "자녀", "name": "이*영", "birth_date": "1986-07-15", "sex": "female"},
        {"relation": "자녀", "name": "이*민", "birth_date": "2015-03-01", "sex": "male"},
    ],
}
SAMPLE_LIVELIHOOD: dict[str, Any] = {
    "kind": "livelihood_certificate",
    "sample": True,
    "issued_on": "2026-11-20",
    "issuer": "서울특별시 중구청장 (예시)",
    "holder": SAMPLE_HOLDER,
    "certificate": "near_poor",
    "since": "2024-03-01",
}
SAMPLE_DISABILITY: dict[str, Any] = {
    "kind": "disability_certificate",
    "sample": True,
    "issued_on": "2026-11-20",
    "issuer": "서울특별시 중구청장 (예시)",
    "holder": SAMPLE_HOLDER,
    "disability": {"type": "지체장애", "severity": "심하지 않은 장애"},
    "registered_on": "2018-06-01",
}
SAMPLE_HEALTH_INSURANCE: dict[str, Any] = {
    "kind": "health_insurance_qualification",
    "sample": True,
    "issued_on": "2026-11-20",
    "issuer": "국민건강보험공단 (예시)",
    "holder": SAMPLE_HOLDER,
    "history": [
        {"type": "직장가입자", "workplace": "(주)예시관리 (예시)", "acquired_on": "2023-01-02",
         "lost_on": "2026-08-31"},
        {"type": "지역가입자", "acquired_on": "2026-09-01", "lost_on": None},
    ],
}  # fmt: skip
SAMPLE_PREMIUMS: dict[str, Any] = {
    "kind": "health_insurance_payment",
    "sample": True,
    "issued_on": "2026-11-20",
    "issuer": "국민건강보험공단 (예시)",
    "holder": SAMPLE_HOLDER,
    "insured_type": "지역가입자",
    "payments": [{"month": "2026-09", "premium_krw": 41200}, {"month": "2026-10", "premium_krw": 41200},
                 {"month": "2026-11", "premium_krw": 43600}],
}  # fmt: skip
SAMPLE_EMPLOYMENT: dict[str, Any] = {
    "kind": "employment_insurance_history",
    "sample": True,
    "issued_on": "2026-11-20",
    "issuer": "고용노동부 (예시)",
    "holder": SAMPLE_HOLDER,
    "history": [
        {"workplace": "(주)예시관리 (예시)", "acquired_on": "2023-01-02", "lost_on": "2026-08-31",
         "reason": "계약만료"},
    ],
}  # fmt: skip
SAMPLES = (SAMPLE_COPY, SAMPLE_ABSTRACT, SAMPLE_FAMILY, SAMPLE_LIVELIHOOD, SAMPLE_DISABILITY,
           SAMPLE_HEALTH_INSURANCE, SAMPLE_PREMIUMS, SAMPLE_EMPLOYMENT)  # fmt: skip
SAMPLE_DOCUMENTS: dict[str, dict[str, dict[str, Any]]] = {SAMPLE_TOKEN: {d["kind"]: d for d in SAMPLES}}
MAX_BODY = 10_000


class StandinServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, documents: Mapping[str, Mapping[str, Any]], fail_first: int = 0, port: int = 0
    ) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.documents = documents
        self.failures_left = fail_first  # answer 503 this many times first (to exercise retries)
        self.requests = 0
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: StandinServer

    def log_message(self, *_args: Any) -> None:  # keep tokens out of logs
        pass

    def _answer(self, status: int, body: Any) -> None:
        raw = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self) -> None:
        if self.path == "/health":
            self._answer(200, {"ok": True})
        else:
            self._answer(404, {"error": "not found"})

    def do_POST(self) -> None:
        with self.server.lock:
            self.server.requests += 1
            failing = self.server.failures_left > 0
            self.server.failures_left -= 1 if failing else 0
        length = int(self.headers.get("Content-Length") or 0)
        if self.path != "/documents" or not 0 < length <= MAX_BODY:
            self._answer(404 if self.path != "/documents" else 400, {"error": "bad request"})
            return
        try:
            request = json.loads(self.rfile.read(length))
        except ValueError:
            self._answer(400, {"error": "not JSON"})
            return
        if failing:
            self._answer(503, {"error": "temporarily unavailable"})
            return
        token, kind = request.get("token"), request.get("kind")
        held = self.server.documents.get(token) if isinstance(token, str) else None
        if held is None:
            self._answer(401, {"error": "unknown or expired token"})
        elif kind not in held:
            self._answer(404, {"error": f"no document of kind {kind}"})
        else:
            self._answer(200, {"document": held[kind]})


@contextmanager
def running(
    documents: Mapping[str, Mapping[str, Any]] | None = None, *, fail_first: int = 0
) -> Iterator[str]:
    """Serve on 127.0.0.1 (a free port) in a thread; yields the base URL; stops on exit."""
    server = StandinServer(SAMPLE_DOCUMENTS if documents is None else documents, fail_first)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - manual use
    port = int((argv or sys.argv[1:] or ["8765"])[0])
    server = StandinServer(SAMPLE_DOCUMENTS, port=port)
    print(f"stand-in MyData provider on http://127.0.0.1:{port} (token {SAMPLE_TOKEN!r}, sample data)")
    server.serve_forever()


if __name__ == "__main__":  # pragma: no cover
    main()
