"""The live Gov24 API path against a real HTTP server on 127.0.0.1 that behaves like api.odcloud.kr.

The server pages by page/perPage with matchCount, checks `Authorization: Infuser <key>` (401 with
{"code": -4} otherwise), can fail a page once with HTTP 500, and counts every request.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import text

from naesone_app.db.engine import engine_for
from naesone_app.integrations.gov24 import Gov24Client
from naesone_app.integrations.http import OutboundError
from tests.integration.conftest import fingerprint, one_line_error
from tests.integration.gov24_data import SKIPPED, condition_rows, detail_rows, envelope, service_rows
from tests.integration.test_gov24_import import import_args

KEY = "test+key/with==specials"
FILLER = 1100  # other-region rows, so the CLI's 500-row pages really page


@dataclass
class FakeGov24:
    """State shared with the handler: data per endpoint, faults to inject, requests seen."""

    key: str
    data: dict[str, list[dict]]
    fail_once: set[tuple[str, int]] = field(default_factory=set)
    always_500: bool = False
    page_cap: int | None = None  # the server may serve fewer rows per page than asked
    requests: Counter = field(default_factory=Counter)
    per_page_seen: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _handler(state: FakeGov24) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:  # keep pytest output clean
            pass

        def _json(self, status: int, payload: object) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            endpoint = url.path.removeprefix("/gov24/v3/")
            page = int(query.get("page", ["1"])[0])
            per_page = int(query.get("perPage", ["10"])[0])
            with state.lock:
                state.requests[(endpoint, page)] += 1
                state.per_page_seen.add(per_page)
                fail = (endpoint, page) in state.fail_once
                state.fail_once.discard((endpoint, page))
            if self.headers.get("Authorization") != f"Infuser {state.key}":
                self._json(401, {"code": -4, "msg": "등록되지 않은 인증키 입니다."})
            elif state.always_500 or fail:
                self._json(500, {"code": -1, "msg": "일시적인 오류"})
            elif endpoint not in state.data:
                self._json(404, {"code": -3, "msg": "not found"})
            else:
                rows = state.data[endpoint]
                served = min(per_page, state.page_cap or per_page)
                self._json(200, envelope(rows, page, served, len(rows)))

    return Handler


def _filler_services() -> list[dict]:
    base = service_rows()[4]  # 부산광역시 중구: skipped as another region
    return [{**base, "서비스ID": f"6270000{n:05d}", "서비스명": f"부산 {n}"} for n in range(FILLER)]


@pytest.fixture
def gov24_server(monkeypatch) -> Iterator[tuple[FakeGov24, str]]:
    state = FakeGov24(KEY, {
        "serviceList": service_rows() + _filler_services(),
        "supportConditions": condition_rows() + [{"서비스ID": s["서비스ID"]} for s in _filler_services()],
        "serviceDetail": detail_rows(),
    })  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("NAESONE_GOV24_BASE_URL", base)
    monkeypatch.setenv("NAESONE_GOV24_SERVICE_KEY", KEY)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    try:
        yield state, base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_from_api_fetches_every_page_and_retries_a_500(database, naesone, gov24_server) -> None:
    state, _base = gov24_server
    state.fail_once.add(("serviceList", 2))
    run = naesone("catalog", "import-gov24", "--from-api", "--with-detail")
    assert run.code == 0, run.err
    assert run.err == ""
    skipped = sum(SKIPPED.values()) + FILLER
    assert (
        run.out.splitlines()[0]
        == f"Gov24 import: 4 imported, 0 updated, 0 unchanged, {skipped} skipped, 0 retired"
    )
    assert f"skipped {SKIPPED['other_region'] + FILLER}: other_region" in run.out
    assert state.requests == Counter({
        ("serviceList", 1): 1, ("serviceList", 2): 2, ("serviceList", 3): 1,  # page 2 failed once
        ("supportConditions", 1): 1, ("supportConditions", 2): 1, ("supportConditions", 3): 1,
        ("serviceDetail", 1): 1,
    })  # fmt: skip
    assert fingerprint(database)[:2] == (4, 4)


def test_from_api_reimport_is_unchanged(database, naesone, gov24_server) -> None:
    assert naesone("catalog", "import-gov24", "--from-api").code == 0
    run = naesone("catalog", "import-gov24", "--from-api")
    assert run.out.startswith("Gov24 import: 0 imported, 0 updated, 4 unchanged")


def test_wrong_key_is_one_clear_line_and_changes_nothing(database, naesone, gov24_server, monkeypatch,
                                                          tmp_path) -> None:  # fmt: skip
    state, _base = gov24_server
    assert naesone(*import_args(tmp_path)).code == 0
    before = fingerprint(database)
    monkeypatch.setenv("NAESONE_GOV24_SERVICE_KEY", "wrong-key")
    line = one_line_error(naesone("catalog", "import-gov24", "--from-api"))
    assert "401" in line and "Gov24" in line and "key" in line
    assert "wrong-key" not in line  # the key is never echoed
    assert fingerprint(database) == before
    assert state.requests[("serviceList", 1)] == 1  # a 401 is not retried


def test_from_api_bad_row_names_it_and_changes_nothing(database, naesone, gov24_server, tmp_path) -> None:
    state, _base = gov24_server
    assert naesone(*import_args(tmp_path)).code == 0
    before = fingerprint(database)
    state.data["supportConditions"].append({"서비스ID": "611000000555", "JA0101": "bad"})
    line = one_line_error(naesone("catalog", "import-gov24", "--from-api"))
    row = len(state.data["supportConditions"])
    assert f"Gov24 API supportConditions: row {row} (611000000555)" in line and "JA0101" in line
    assert fingerprint(database) == before


# -- the client on its own: paging, retries, and bounded failure -----------------------------------


def test_client_pages_with_the_requested_page_size(gov24_server) -> None:
    state, base = gov24_server
    rows = Gov24Client(KEY, base_url=base, per_page=3).fetch_all("supportConditions")
    assert [r["서비스ID"] for r in rows] == [r["서비스ID"] for r in state.data["supportConditions"]]
    pages = -(-len(rows) // 3)
    assert state.requests[("supportConditions", pages)] == 1
    assert state.requests[("supportConditions", pages + 1)] == 0  # stopped at matchCount
    assert state.per_page_seen == {3}


def test_client_always_500_fails_after_bounded_retries(gov24_server) -> None:
    state, base = gov24_server
    state.always_500 = True
    started = time.monotonic()
    with pytest.raises(OutboundError) as caught:
        Gov24Client(KEY, base_url=base, retries=2, backoff_seconds=0.01).fetch_all("serviceList")
    assert time.monotonic() - started < 5
    assert "HTTP 500" in str(caught.value) and "serviceList" in str(caught.value)
    assert state.requests[("serviceList", 1)] == 3  # first try + 2 retries


def test_client_wrong_key_is_refused(gov24_server) -> None:
    _state, base = gov24_server
    with pytest.raises(OutboundError, match=r"access refused \(HTTP 401\)"):
        Gov24Client("nope", base_url=base, backoff_seconds=0.01).fetch_all("serviceList")


def test_client_needs_a_key() -> None:
    with pytest.raises(OutboundError, match="NAESONE_GOV24_SERVICE_KEY"):
        Gov24Client("")


def test_client_rejects_unknown_endpoint(gov24_server) -> None:
    _state, base = gov24_server
    with pytest.raises(ValueError, match="unknown Gov24 endpoint"):
        Gov24Client(KEY, base_url=base).fetch_all("serviceHistory")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP port that accepts connections (kernel backlog) but never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


def test_client_server_that_never_answers(silent_server: str) -> None:
    started = time.monotonic()
    with pytest.raises(OutboundError) as caught:
        Gov24Client(KEY, base_url=silent_server, timeout_seconds=0.2, retries=2,
                    backoff_seconds=0.01).fetch_all("serviceList")  # fmt: skip
    elapsed = time.monotonic() - started
    assert "no answer after 3 attempts" in str(caught.value)
    assert "Timeout" in str(caught.value)
    assert 0.5 < elapsed < 5  # three timed-out attempts, not forever


def test_client_connection_refused() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(OutboundError, match="no answer after 2 attempts"):
        Gov24Client(KEY, base_url=f"http://127.0.0.1:{port}", retries=1,
                    backoff_seconds=0.01).fetch_all("serviceList")  # fmt: skip


def test_client_rejects_answers_without_data(gov24_server) -> None:
    state, base = gov24_server
    state.data["serviceList"] = "not rows"  # type: ignore[assignment]
    with pytest.raises(OutboundError, match="serviceList page 1 has no data list"):
        Gov24Client(KEY, base_url=base).fetch_all("serviceList")


def test_client_keeps_paging_when_the_server_caps_the_page_size(gov24_server) -> None:
    state, url = gov24_server
    state.page_cap = 100
    rows = Gov24Client(KEY, base_url=url, per_page=500, backoff_seconds=0.01).fetch_all("serviceList")
    assert len(rows) == len(state.data["serviceList"])
    assert len({r["서비스ID"] for r in rows}) == len(rows)


def test_from_api_retires_programmes_the_api_no_longer_lists(database, naesone, gov24_server) -> None:
    """A discontinued service must not stay "eligible" forever."""
    state, _base = gov24_server
    assert naesone("catalog", "import-gov24", "--from-api").code == 0
    gone = state.data["serviceList"][0]["서비스ID"]
    state.data["serviceList"] = [row for row in state.data["serviceList"] if row["서비스ID"] != gone]
    run = naesone("catalog", "import-gov24", "--from-api")
    assert run.code == 0, run.err
    assert run.out.splitlines()[0].endswith(", 1 retired")
    with engine_for(database).connect() as connection:
        ids = {r[0] for r in connection.execute(text("SELECT source_id FROM program WHERE source = 'gov24'"))}
    assert gone not in ids
