"""A hostile client on the served app's real socket.io endpoint (`/_event`), speaking the wire protocol
itself: it calls any handler it likes, with any arguments and any route, carrying resident A's cookie.

Every check that something does NOT leak is paired with a control that shows the same probe DOES see
the data when it is entitled to (B reading her own export, staff reading a profile): a probe that saw
nothing at all would otherwise pass for a secure app.
"""

from __future__ import annotations

import base64
import inspect
import json
import re
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

import httpx
import pytest
import wsproto
from reflex.state import State
from wsproto.events import (
    AcceptConnection,
    CloseConnection,
    Message,
    Ping,
    RejectConnection,
    RejectData,
    Request,
    TextMessage,
)  # fmt: skip

import naesone_app.pages.site  # noqa: F401 — imports every state the app registers
from naesone_app.core.identity import Identity
from naesone_app.db.accounts import account_for_token, end_session, start_session
from naesone_app.db.engine import transaction
from naesone_app.db.resident_data import load_profile, saved_programs
from naesone_app.state.account import AccountState
from naesone_app.state.applications import ApplicationState
from naesone_app.state.feed import FeedState
from naesone_app.state.identity import IdentityState
from naesone_app.state.screening import ScreeningState
from naesone_app.state.search import SearchState, SuggestState
from naesone_app.state.session import SessionState
from naesone_app.state.staff import StaffState
from naesone_app.state.staff_admin import StaffAdminState
from naesone_app.state.staff_applications import StaffApplicationState
from tests.e2e.conftest import (
    SESSION_COOKIE,
    ServedApp,
    db_account,
    new_session_token,
    program_key,
    sqlite_rows,
)

NAMESPACE = "/_event"
ROOT_STATE = State.get_full_name()
PASSWORD = "Sindang-Spring-2026"


class Refused(Exception):
    """The server would not open the socket (or the socket.io namespace)."""


class HostileClient:
    """Socket.IO (Engine.IO 4) over a raw websocket: the protocol a browser speaks, without a browser."""

    def __init__(
        self, url: str, *, origin: str | None, cookie: str | None = None, timeout: float = 15
    ) -> None:
        parts = urlsplit(url)
        self.timeout = timeout
        self.token = str(uuid.uuid4())
        self._probe = 0
        self._events: list[Any] = []
        self._text = ""
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        self.ws = wsproto.WSConnection(wsproto.ConnectionType.CLIENT)
        headers = [(b"Origin", origin.encode())] if origin else []
        if cookie is not None:
            headers.append((b"Cookie", cookie.encode()))
        target = f"{NAMESPACE}/?EIO=4&transport=websocket&token={self.token}"
        self.sock.sendall(self.ws.send(Request(host=parts.netloc, target=target, extra_headers=headers)))
        answer = self._next()
        if isinstance(answer, RejectConnection):
            raise Refused(f"HTTP {answer.status_code}")
        assert isinstance(answer, AcceptConnection), answer
        assert self._receive().startswith("0"), "no Engine.IO open packet"
        self._send(f"40{NAMESPACE},")
        joined = self._receive()
        if not joined.startswith(f"40{NAMESPACE},"):
            raise Refused(joined)

    # -- wire ------------------------------------------------------------------------------------------

    def _next(self) -> Any:
        deadline = time.monotonic() + self.timeout
        while not self._events:
            self._events.extend(self.ws.events())
            if self._events:
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the server sent nothing")
            self.sock.settimeout(remaining)
            data = self.sock.recv(1 << 16)
            if not data:
                raise ConnectionError("the server closed the connection")
            self.ws.receive_data(data)
        return self._events.pop(0)

    def _receive(self) -> str:
        while True:
            event = self._next()
            if isinstance(event, TextMessage):
                self._text += event.data
                if not event.message_finished:
                    continue
                text, self._text = self._text, ""
                if text == "2":  # Engine.IO ping
                    self._send("3")
                    continue
                return text
            if isinstance(event, Ping):
                self.sock.sendall(self.ws.send(event.response()))
            elif isinstance(event, CloseConnection | RejectData):
                raise ConnectionError("the server closed the websocket")

    def _send(self, text: str) -> None:
        self.sock.sendall(self.ws.send(Message(data=text)))

    def emit(self, name: str, payload: Any = None, path: str = "/", query: dict | None = None) -> None:
        # the query goes into asPath too: handlers read it from `router.url` (as a browser's page would send);
        # a path given with its query already ("/course?id=…") is sent as a browser would: pathname without it
        pathname, _, own_query = path.partition("?")
        as_path = pathname + ("?" + urlencode(query) if query else ("?" + own_query if own_query else ""))
        router = {"pathname": pathname, "query": query or {}, "asPath": as_path}
        packet = [
            "event",
            {"name": name, "payload": {} if payload is None else payload, "router_data": router},
        ]
        self._send(f"42{NAMESPACE}," + json.dumps(packet))

    # -- calls -----------------------------------------------------------------------------------------

    def call(self, name: str, payload: Any = None, path: str = "/", query: dict | None = None) -> list[dict]:
        """Emit one event and return every update the server sent for it.

        Events of one tab are processed in order, so a harmless second event (a route change the server
        always answers) marks the end of the first one's answers.
        """
        self.emit(name, payload, path, query)
        self._probe += 1
        marker = f"probe-{self._probe}"
        self.emit(f"{ROOT_STATE}.set_is_hydrated", {"value": True}, "/programs", {"probe": marker})
        updates: list[dict] = []
        while True:
            text = self._receive()
            if not text.startswith(f"42{NAMESPACE},"):
                continue
            kind, data = json.loads(text.removeprefix(f"42{NAMESPACE},"))[:2]
            router = data.get("delta", {}).get(ROOT_STATE, {}).get("rx_router_page_rx_state_", {})
            if kind == "event" and router.get("params", {}).get("probe") == marker:
                return updates
            updates.append({"kind": kind, **data} if isinstance(data, dict) else {"kind": kind, "data": data})

    def close(self) -> None:
        with suppress(OSError, wsproto.utilities.LocalProtocolError):
            self.sock.sendall(self.ws.send(CloseConnection(code=1000)))
        self.sock.close()


@contextmanager
def client(app: ServedApp, token: str | None = None, cookie: str | None = None) -> Iterator[HostileClient]:
    """A socket from the app's own origin, carrying a session cookie (or the given raw Cookie header)."""
    if token is not None:
        cookie = f"{SESSION_COOKIE}={token}"
    connection = HostileClient(app.url, origin=app.url, cookie=cookie)
    try:
        yield connection
    finally:
        connection.close()


def handler(state: type[State], name: str) -> str:
    return f"{state.get_full_name()}.{name}"


def readable(updates: list[dict]) -> str:
    """Everything the updates carry, with data: URLs (downloads) decoded; not the router data, which only
    echoes the route and query the client itself sent."""
    updates = [
        {**u, "delta": {
            name: {k: v for k, v in delta.items() if not (name == ROOT_STATE and k.startswith("rx_router_"))}
            for name, delta in u.get("delta", {}).items()
        }}
        for u in updates
    ]  # fmt: skip
    text = json.dumps(updates, ensure_ascii=False)
    for encoded in re.findall(r"data:[^;,\"]*;base64,([A-Za-z0-9+/=]+)", text):
        text += base64.b64decode(encoded).decode("utf-8", "replace")
    for plain in re.findall(r"data:[^;,\"]*,([^\"]+)", text):
        text += unquote(plain)
    return text


def deltas_of(updates: list[dict], state: type[State]) -> list[dict]:
    return [u["delta"][state.get_full_name()] for u in updates if state.get_full_name() in u.get("delta", {})]


# --- the residents ---------------------------------------------------------------------------------


@dataclass
class Resident:
    id: int
    login: str
    token: str
    profile: dict
    secrets: tuple[str, ...] = ()
    saved: str = ""
    application_id: int = 0  # an application of hers, asked for more documents (issue 6)
    evidence: dict[str, int] | None = None  # her MyData consent and the document submitted with it


@pytest.fixture
def residents(app: ServedApp) -> tuple[Resident, Resident]:
    """A (the attacker, a resident with a profile of her own) and B (the victim, with unusual values)."""
    tag = uuid.uuid4().hex[:10]
    a_login = f"attacker@a{tag}.example"
    a_profile = {"birth_date": "1958-05-20", "household_size": 1, "income_percent_of_median": 45}
    a_id, a_token = db_account(app.db_url, a_login, PASSWORD, profile=a_profile)
    b_login = f"victim@b{tag}.example"
    b_profile = {"birth_date": "1941-03-17", "household_size": 2, "monthly_income_krw": 2_345_678,
                 "lives_in_junggu": True, "dong": "회현동"}  # fmt: skip
    saved = program_key(app.db_url, "junggu-fire-safety-kit")
    b_id, b_token = db_account(app.db_url, b_login, PASSWORD, profile=b_profile, saved=(saved,),
                               identity=IDENTITY_OF_B)  # fmt: skip
    application_id = _application_of(app, b_id)
    evidence = _evidence_of(app, b_id, application_id)
    _notice_of(app, b_id)
    # her login as staff pages mask it (the whole one is checked where A did not send it), income, birth date
    b_secrets = (
        "vi***@" + b_login.split("@")[1],
        "2345678",
        "2,345,678",
        "1941-03-17",
        "1941. 3. 17",
        "Mar 17, 1941",
        APPLICATION_PHONE,
        EVIDENCE_NAME,
        NOTICE_SECRET,
        IDENTITY_OF_B.name,
        IDENTITY_OF_B.phone,
        "010-8642-0975",
    )
    return Resident(a_id, a_login, a_token, a_profile), Resident(
        b_id, b_login, b_token, b_profile, b_secrets, saved, application_id, evidence
    )


APPLICATION_PHONE = "010-9753-1864"
IDENTITY_OF_B = Identity("제갈순옥", date(1941, 3, 17), "중구 회현동 은행나무길 7", "회현동", "01086420975")
NOTICE_SECRET = "회현동 3층 상담 예약 7G3K"  # only B's 알림 page may ever show it


def _notice_of(app: ServedApp, account_id: int) -> None:
    """A notice in B's inbox, unread, with words only she may see."""
    from naesone_app.core.i18n import Localized, Message
    from naesone_app.db.notices import record_notice

    with transaction(app.db_url) as session:
        record_notice(session, account_id=account_id, kind="application_result", key="security:probe",
                      title=Message("신청 상태가 바뀌었어요"), body=Message("{program}", {
                          "program": Localized(NOTICE_SECRET, NOTICE_SECRET)}), url="/applications")  # fmt: skip


def _application_of(app: ServedApp, account_id: int) -> int:
    """B's application for the fire-safety kit, with her phone number, asked for more documents."""
    from naesone_app.db.applications import application_form, submit, transition

    staff_id, _ = db_account(app.db_url, f"safety{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD,
                             role="staff", department="안전총괄과")  # fmt: skip
    key = program_key(app.db_url, "junggu-fire-safety-kit")
    with transaction(app.db_url) as session:
        form = application_form(session, key)
        answers = {"dong": "회현동", "household_size": 2, "phone": APPLICATION_PHONE}
        application = submit(session, account_id, key, form, answers, uuid.uuid4().hex)
        transition(session, staff_id, application.id, "more_documents", "서류를 더 내 주세요.")
        return application.id


EVIDENCE_NAME = "제*곤"  # a household member on B's imported 등본


def _evidence_of(app: ServedApp, account_id: int, application_id: int) -> dict[str, int]:
    """B's consent to import her 주민등록표등본 and the document, submitted with her application."""
    from datetime import timedelta

    from naesone_app.db.application_access import _seal_json
    from naesone_app.db.application_models import ApplicationEvidence, EvidenceDocument
    from naesone_app.db.evidence import record_evidence_consent

    document = {"kind": "resident_registration_copy", "issuer": "회현동장", "issued_on": "2026-11-20",
                "members": [{"relation": "본인", "name": EVIDENCE_NAME, "birth_date": "1941-03-17"}]}  # fmt: skip
    with transaction(app.db_url) as session:
        consent = record_evidence_consent(session, account_id, "mydata-standin", [document["kind"]],
                                          "신청서 작성 증빙", timedelta(days=30))  # fmt: skip
        row = EvidenceDocument(account_id=account_id, consent_id=consent.id, kind=document["kind"],
                               content_sealed=_seal_json(document))  # fmt: skip
        session.add(row)
        session.flush()
        session.add(ApplicationEvidence(application_id=application_id, document_id=row.id))
        return {"consent_id": int(consent.id), "document_id": int(row.id)}


def snapshot(app: ServedApp, resident: Resident) -> dict:
    """What A must not be able to change about B."""
    with transaction(app.db_url) as session:
        profile = load_profile(session, resident.id)
        saved = saved_programs(session, resident.id)
    return {
        "account": sqlite_rows(app.db_url, "SELECT login, password_hash, role FROM account WHERE id = ?", resident.id),
        "profile": profile,
        "saved": saved,
        "consents": sqlite_rows(app.db_url, "SELECT purpose, version, withdrawn_at FROM consent WHERE account_id = ? "
                                            "ORDER BY id", resident.id),
        "live_sessions": sqlite_rows(app.db_url, "SELECT token_hash FROM login_session WHERE account_id = ? AND "
                                                 "revoked_at IS NULL ORDER BY id", resident.id),
        "applications": sqlite_rows(app.db_url, "SELECT id, status, updated_at FROM application WHERE account_id = ?",
                                    resident.id),
        "uploads": sqlite_rows(app.db_url, "SELECT count(*) FROM upload WHERE account_id = ?", resident.id),
        "evidence_consents": sqlite_rows(app.db_url, "SELECT id, withdrawn_at FROM evidence_consent WHERE "
                                                     "account_id = ?", resident.id),
        "evidence_documents": sqlite_rows(app.db_url, "SELECT id FROM evidence_document WHERE account_id = ?",
                                          resident.id),
        "notices": sqlite_rows(app.db_url, "SELECT id, read_at FROM notice WHERE account_id = ?", resident.id),
        "identity": sqlite_rows(app.db_url, "SELECT ciphertext FROM resident_identity WHERE account_id = ?",
                                resident.id),
    }  # fmt: skip


def leaked(updates: list[dict], secrets: tuple[str, ...]) -> list[str]:
    text = readable(updates)
    return [s for s in secrets if s in text]


def app_states() -> list[type[State]]:
    found: list[type[State]] = []

    def walk(state: type[State]) -> None:
        found.append(state)
        for sub in sorted(state.get_substates(), key=lambda s: s.get_full_name()):
            walk(sub)

    walk(State)
    return found


# --- the controls: the probe sees personal data where it is entitled to ------------------------------


def test_the_probe_sees_data_when_entitled_so_its_silence_means_something(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    _, b = residents
    with client(app, b.token) as own:
        feed = own.call(handler(FeedState, "open_feed"), path="/feed")
        assert any(
            card["key"] == b.saved
            for d in deltas_of(feed, FeedState)
            for card in d.get("saved_rx_state_", [])
        )
        export = own.call(handler(AccountState, "download_data"), path="/account")
        assert set(leaked(export, (b.login, *b.secrets))) >= {b.login, "2345678", "1941-03-17"}
        assert b.token not in readable(feed + export), "the HttpOnly session token came back in a delta"
        mine = own.call(handler(ApplicationState, "open_application"), path="/application",
                        query={"id": str(b.application_id)})  # fmt: skip
        assert APPLICATION_PHONE in readable(mine) and EVIDENCE_NAME in readable(mine)
        identity = own.call(handler(IdentityState, "open_identity"), path="/account")
        assert IDENTITY_OF_B.name in readable(identity) and "010-8642-0975" in readable(identity)

    # the department deciding her application sees who she is (the read audited), beside her documents
    reviewer_id, reviewer_token = db_account(
        app.db_url,
        f"safety{uuid.uuid4().hex[:8]}@junggu.example",
        PASSWORD,
        role="staff",
        department="안전총괄과",
    )
    with client(app, reviewer_token) as reviewer:
        case = reviewer.call(handler(StaffApplicationState, "open_review"), path="/staff/application",
                             query={"id": str(b.application_id)})  # fmt: skip
        assert {IDENTITY_OF_B.name, "010-8642-0975", "1941-03-17"} <= set(leaked(case, b.secrets))
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ? AND subject_id = ? "
                                   "AND action = 'application.read'", reviewer_id, b.id) == [(1,)]  # fmt: skip

    staff_id, staff_token = db_account(  # B applied to 안전총괄과: a case of hers there
        app.db_url,
        f"staff{uuid.uuid4().hex[:8]}@junggu.example",
        PASSWORD,
        role="staff",
        department="안전총괄과",
    )
    with client(app, staff_token) as staff:
        staff.call(handler(StaffState, "open_staff"), path="/staff")
        viewed = staff.call(handler(StaffState, "view_resident"), {"account_id": b.id}, path="/staff")
        assert "2,345,678" in readable(viewed)
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ? AND subject_id = ? "
                                   "AND action = 'staff.read_profile'", staff_id, b.id) == [(1,)]  # fmt: skip


# --- helper methods -------------------------------------------------------------------------------------


def _helpers(state: type[State]) -> list[str]:
    """The state's own underscore methods (helpers and backend-only work), as the attacker would guess them."""
    return sorted(
        name for name, value in vars(state).items()
        if name.startswith("_") and not name.startswith("__") and callable(value)
    )  # fmt: skip


def test_no_helper_method_is_callable(app: ServedApp, residents: tuple[Resident, Resident]) -> None:
    _, b = residents
    targets = {
        state: _helpers(state) for state in app_states() if state.__module__.startswith("naesone_app.")
    }
    assert "_account" in targets[SessionState] and "_load_stale" in targets[StaffState]
    assert "_load" in targets[StaffAdminState]
    assert "_profile_for_others" in targets[ScreeningState]
    # ...and public methods of the framework's State that are not event handlers
    for state in (StaffState, SessionState, FeedState):
        targets[state] = [
            *targets[state],
            "reset",
            "dict",
            "get_value",
            "get_delta",
            "_mark_dirty",
            "__init__",
        ]

    staff_id, staff_token = db_account(
        app.db_url, f"staff{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD, role="staff"
    )
    answered: list[str] = []
    # called as staff: were `_load_stale`/`_load` callable, they would fill the staff pages
    with client(app, staff_token) as attacker:
        for state, names in targets.items():
            for name in names:
                for payload in ({}, {"query": b.login}, {"account_id": b.id}):
                    updates = attacker.call(handler(state, name), payload, path="/staff")
                    if any(set(u.get("delta", {})) - {ROOT_STATE} or u.get("events") for u in updates):
                        answered.append(f"{state.__name__}.{name}({payload}) -> {readable(updates)[:300]}")
        hydrated = attacker.call(f"{ROOT_STATE}.hydrate", path="/staff")
    assert not answered, "\n".join(answered)
    [staff] = deltas_of(hydrated, StaffState)
    assert staff["residents_rx_state_"] == [] and staff["stale_rows_rx_state_"] == []
    [admin_page] = deltas_of(hydrated, StaffAdminState)
    assert admin_page["rows_rx_state_"] == []
    [session] = deltas_of(hydrated, SessionState)
    assert session["signed_in_rx_state_"] is False and session["role_rx_state_"] == ""
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ?", staff_id) == [(0,)]


# --- A against B, through every handler --------------------------------------------------------------


def _hostile_payloads(
    state: type[State], name: str, b: Resident, new_login: str
) -> list[tuple[dict, str, dict]]:
    """(payload, route, query) triples: B's id, B's login, a form naming B, a list; on several pages."""
    params = list(inspect.signature(state.event_handlers[name].fn).parameters)[1:]
    form = {
        "account_id": b.id, "id": b.id, "login": b.login, "query": b.login, "password": "Hostile-Guess-2026",
        "password2": "Hostile-Guess-2026", "role": "admin", "department": "감사관실", "purpose": "sensitive_profile",
        "given": False, "consent_account": True, "token": uuid.uuid4().hex, "key": b.saved,
    }  # fmt: skip
    if name == "setvar":
        backend = [n for n in inspect.get_annotations(state) if n.startswith("_")]
        names = [*state.base_vars, *backend, "is_admin", "allowed", "signed_in"]
        return [({"var_name": var, "value": b.id}, "/staff", {}) for var in names]
    # a strong password that is not A's own (with A's own, `delete_me` would rightly delete A)
    creating = {
        **form,
        "login": new_login,
        "password": "Myeongdong-Night-77",
        "password2": "Myeongdong-Night-77",
    }
    return [
        ({}, "/feed", {"id": str(b.id), "account_id": str(b.id)}),
        ({p: b.id for p in params}, "/staff", {}),
        ({p: b.login for p in params}, "/account", {"login": b.login}),
        ({p: form for p in params}, "/program", {"id": b.saved}),
        ({p: creating for p in params}, "/en/staff", {}),
        ({p: [b.id, b.login] for p in params}, "/en/feed", {"token": uuid.uuid4().hex}),
        ({p: b.application_id for p in params}, "/application", {"id": str(b.application_id)}),
        ({p: b.application_id for p in params}, "/staff/application", {"id": str(b.application_id)}),
        ({p: (b.evidence or {}).get(p, b.id) for p in params}, "/account", {}),  # her consent and document
    ]


def test_resident_a_cannot_read_or_change_resident_b_through_any_handler(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    a, b = residents
    before = snapshot(app, b)
    new_login = f"made-by-a-{uuid.uuid4().hex[:8]}@junggu.example"
    leaks: list[str] = []
    called: set[str] = set()
    for state in app_states():
        for name in sorted(state.event_handlers):
            for payload, path, query in _hostile_payloads(state, name, b, new_login):
                # a fresh session of A's for every call: some handlers (sign out, …) end the one they run in
                with client(app, new_session_token(app.db_url, a.id)) as attacker:
                    attacker.call(f"{ROOT_STATE}.hydrate", path=path, query=query)
                    updates = attacker.call(handler(state, name), payload, path=path, query=query)
                    updates += attacker.call(f"{ROOT_STATE}.hydrate", path=path)
                # her full login counts too, unless A sent it herself (an echo of A's input is no leak)
                sent = json.dumps([payload, query], ensure_ascii=False)
                found = leaked(updates, b.secrets + ((b.login,) if b.login not in sent else ()))
                if found or b.token in readable(updates):
                    leaks.append(f"{state.__name__}.{name} {payload!r:.120} on {path}: {found}")
                called.add(f"{state.__name__}.{name}")
    assert {"FeedState.open_feed", "AccountState.download_data", "StaffState.view_resident",
            "ProgramState.toggle_save", "ScreeningState.open_results", "AccountState.delete_me",
            "ApplicationState.open_application", "ApplicationState.supply_documents",
            "StaffApplicationState.open_review", "StaffApplicationState.decide",
            "StaffApplicationState.ask_confirm", "StaffApplicationState.set_override",
            "StaffApplicationState.set_override_reason", "StaffApplicationState.cancel_confirm",
            "EvidenceConsentState.withdraw", "EvidenceConsentState.delete",
            "NoticesState.open_notices", "IdentityState.open_identity", "IdentityState.save",
            "IdentityState.save_for_application"} <= called  # fmt: skip
    assert not leaks, "\n".join(leaks)
    assert snapshot(app, b) == before
    # anyone may sign up (as a resident); nobody but an admin makes staff
    assert sqlite_rows(app.db_url, "SELECT role FROM account WHERE login = ?", new_login) in (
        [],
        [("resident",)],
    )
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE subject_id = ? AND actor_id != ?",
                       b.id, b.id) == [(0,)]  # fmt: skip
    with transaction(app.db_url) as session:
        assert account_for_token(session, b.token) is not None, "B was signed out by A"


# --- staff handlers ---------------------------------------------------------------------------------


def test_a_resident_cannot_use_staff_handlers(app: ServedApp, residents: tuple[Resident, Resident]) -> None:
    a, b = residents
    new_login = f"new-staff-{uuid.uuid4().hex[:8]}@junggu.example"
    with client(app, a.token) as attacker:
        opened = attacker.call(handler(StaffState, "open_staff"), path="/staff")
        assert '"_redirect"' in json.dumps(opened), opened
        searched = attacker.call(handler(StaffState, "search"), {"form": {"query": b.login, **PURPOSE}},
                                 path="/staff")  # fmt: skip
        viewed = attacker.call(handler(StaffState, "view_resident"), {"account_id": b.id}, path="/staff")
        created = attacker.call(
            handler(StaffAdminState, "create"),
            {"form": {"login": new_login, "password": PASSWORD, "department": "복지정책과", "role": "admin"}},
            path="/staff/accounts",
        )
        state = attacker.call(f"{ROOT_STATE}.hydrate", path="/staff")
    for updates in (opened, searched, viewed, created):
        assert not leaked(updates, b.secrets)
        for delta in deltas_of(updates, StaffState):
            assert not delta.get("residents_rx_state_") and not delta.get("viewing_rx_state_")
            assert not delta.get("allowed_rx_state_") and not delta.get("notice_rx_state_")
    [staff] = deltas_of(state, StaffState)
    assert staff["allowed_rx_state_"] is False and staff["viewing_login_rx_state_"] == ""
    assert staff["residents_rx_state_"] == [] and staff["viewing_rx_state_"] == []
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM account WHERE login = ?", new_login) == [(0,)]
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ?", a.id) == [(0,)]

    # the control: an admin's identical calls do create the account
    _, admin_token = db_account(
        app.db_url, f"admin{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD, role="admin"
    )
    with client(app, admin_token) as admin:
        admin.call(handler(StaffAdminState, "open_accounts"), path="/staff/accounts")
        admin.call(
            handler(StaffAdminState, "create"),
            {"form": {"login": new_login, "password": PASSWORD, "department": "복지정책과", "role": "staff"}},
            path="/staff/accounts",
        )
    assert sqlite_rows(app.db_url, "SELECT role FROM account WHERE login = ?", new_login) == [("staff",)]


def test_the_decision_handlers_refuse_residents_and_staff_of_another_department(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    """승인 with an override, asked and confirmed, on B's application (안전총괄과's): a resident and an
    officer of 어르신복지과 change nothing, read nothing, and leave no audit row."""
    from naesone_app.state.staff_applications import StaffApplicationState as Case

    a, b = residents
    before = snapshot(app, b)
    officer_id, officer = db_account(app.db_url, f"senior{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD,
                                     role="staff", department="어르신복지과")  # fmt: skip
    query = {"id": str(b.application_id)}
    for token, actor_id in ((a.token, a.id), (officer, officer_id)):
        with client(app, token) as attacker:
            updates = attacker.call(handler(Case, "open_review"), path="/staff/application", query=query)
            updates += attacker.call(
                handler(Case, "set_override"), {"checked": True}, path="/staff/application"
            )
            updates += attacker.call(handler(Case, "set_override_reason"), {"text": "창구 확인"},
                                     path="/staff/application")  # fmt: skip
            for action in ("approved", "rejected"):
                updates += attacker.call(handler(Case, "ask_confirm"), {"action": action}, path="/staff/application",
                                         query=query)  # fmt: skip
                updates += attacker.call(handler(Case, "decide"), {"action": action}, path="/staff/application",
                                         query=query)  # fmt: skip
            updates += attacker.call(handler(Case, "cancel_confirm"), path="/staff/application")
        assert not leaked(updates, (APPLICATION_PHONE, EVIDENCE_NAME, *b.secrets))
        for delta in deltas_of(updates, Case):
            assert not delta.get("found_rx_state_") and not delta.get("confirming_rx_state_")
            assert not delta.get("verdict_rows_rx_state_") and not delta.get("staff_docs_rx_state_")
        assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ?", actor_id) == [
            (0,)
        ]
    assert snapshot(app, b) == before


# --- least privilege: staff of another department, a plain officer, a disabled or new account ------------

PURPOSE = {"purpose": "resident_request", "purpose_text": "민원 상담 2026-77"}
# every staff page's state, including those added later (by name: Staff…), and the counter reset
OTHER_STAFF_STATES = ("CounterResetState",)


def _staff_probe(app: ServedApp, b: Resident, token_for) -> tuple[list[str], set[str]]:
    """Every handler of the staff pages, with B's ids on every staff route and her case's address."""
    leaks: list[str] = []
    called: set[str] = set()
    routes = [
        ("/staff", {}),
        ("/staff/application", {"id": str(b.application_id)}),
        ("/staff/applications", {}),
    ]
    for state in app_states():
        if not state.__name__.startswith("Staff") and state.__name__ not in OTHER_STAFF_STATES:
            continue
        for name in sorted(state.event_handlers):
            params = list(inspect.signature(state.event_handlers[name].fn).parameters)[1:]
            form = {"query": b.login, "id": b.application_id, **PURPOSE}
            payloads = [{p: b.id for p in params}, {p: b.application_id for p in params},
                        {p: form for p in params}]  # fmt: skip
            for payload in payloads:
                for path, query in routes:
                    with client(app, token_for()) as officer:
                        officer.call(f"{ROOT_STATE}.hydrate", path=path, query=query)
                        updates = officer.call(handler(state, name), payload, path=path, query=query)
                        updates += officer.call(f"{ROOT_STATE}.hydrate", path=path, query=query)
                    found = leaked(updates, b.secrets)
                    if found:
                        leaks.append(f"{state.__name__}.{name} {payload!r:.80} on {path}: {found}")
                    called.add(f"{state.__name__}.{name}")
    return leaks, called


def test_staff_of_another_department_cannot_read_a_resident_who_applied_elsewhere(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    """B applied only to 안전총괄과: a 복지정책과 officer reaches none of her data through any staff handler,
    her case's address, the queue or the resident browser; the refused read is audited."""
    _, b = residents
    officer_id, _ = db_account(app.db_url, f"welfare{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD,
                               role="staff", department="복지정책과")  # fmt: skip
    leaks, called = _staff_probe(app, b, lambda: new_session_token(app.db_url, officer_id))
    assert {"StaffState.view_resident", "StaffState.search", "StaffApplicationState.open_review",
            "StaffQueueState.open_queue", "StaffAdminState.open_accounts"} <= called  # fmt: skip
    assert not leaks, "\n".join(leaks)
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ? AND subject_id = ? AND "
                                   "action = 'staff.read_profile'", officer_id, b.id) == [(0,)]  # fmt: skip
    assert sqlite_rows(app.db_url, "SELECT count(*) > 0 FROM audit_log WHERE actor_id = ? AND subject_id = ? "
                                   "AND action = 'staff.read_profile_refused'", officer_id, b.id) == [(1,)]  # fmt: skip


def test_a_plain_officer_cannot_use_the_resident_browser(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    _, b = residents
    officer_id, token = db_account(app.db_url, f"safety{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD,
                                   role="staff", department="안전총괄과")  # fmt: skip
    with client(app, token) as officer:
        opened = officer.call(handler(StaffState, "open_staff"), path="/staff")
        searched = officer.call(
            handler(StaffState, "search"), {"form": {"query": b.login, **PURPOSE}}, path="/staff"
        )
        searched += officer.call(handler(StaffState, "search"), {"form": PURPOSE}, path="/staff")
    assert [d["allowed_rx_state_"] for d in deltas_of(opened, StaffState) if "allowed_rx_state_" in d] == [
        True
    ]
    for delta in deltas_of(searched, StaffState):
        assert not delta.get("residents_rx_state_") and not delta.get("searched_rx_state_")
    assert "vi***@" not in readable(searched)
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ?", officer_id) == [(0,)]

    # the control: an admin's identical search, with its purpose, finds her
    admin_id, admin_token = db_account(app.db_url, f"admin{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD,
                                       role="admin")  # fmt: skip
    with client(app, admin_token) as admin:
        admin.call(handler(StaffState, "open_staff"), path="/staff")
        found = admin.call(
            handler(StaffState, "search"), {"form": {"query": b.login, **PURPOSE}}, path="/staff"
        )
    assert "vi***@" + b.login.split("@")[1] in readable(found)
    assert sqlite_rows(app.db_url, "SELECT detail FROM audit_log WHERE actor_id = ? AND action = "
                                   "'admin.searched_residents'", admin_id) == [("resident_request: 민원 상담 2026-77",)]  # fmt: skip


def test_a_disabled_or_new_officer_gets_nothing(app: ServedApp, residents: tuple[Resident, Resident]) -> None:
    """Of B's own department (entitled otherwise): disabled, or still on the admin's temporary password."""
    _, b = residents
    from datetime import UTC, datetime

    from naesone_app.db.account_models import Account

    ids = {}
    for kind in ("disabled", "new"):
        ids[kind], _ = db_account(app.db_url, f"{kind}{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD,
                                  role="staff", department="안전총괄과")  # fmt: skip
    tokens = {kind: new_session_token(app.db_url, account_id) for kind, account_id in ids.items()}
    with transaction(app.db_url) as session:
        session.get(Account, ids["disabled"]).disabled_at = datetime.now(UTC)
        session.get(Account, ids["new"]).must_change_password = True
    for kind, account_id in ids.items():
        leaks, called = _staff_probe(
            app, b, lambda account_id=account_id: new_session_token(app.db_url, account_id)
        )
        assert "StaffState.view_resident" in called and not leaks, (kind, leaks)
        assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action NOT LIKE "
                                       "'account.%'", account_id) == [(0,)], kind  # fmt: skip
    with client(app, tokens["new"]) as new:  # the new officer is sent to set a password, nothing more
        opened = new.call(handler(StaffState, "open_staff"), path="/staff")
    assert "/staff/password" in json.dumps(opened)


# --- no cookie, or a forged one --------------------------------------------------------------------


def test_an_anonymous_or_forged_client_gets_nothing_personal(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    _, b = residents
    with transaction(app.db_url) as session:
        ended = start_session(session, b.id)
        end_session(session, ended)
    cookies = [
        None,
        f"{SESSION_COOKIE}=",
        f"{SESSION_COOKIE}={uuid.uuid4().hex}",
        f"{SESSION_COOKIE}={b.id}",
        f"{SESSION_COOKIE}={ended}",  # B's, but signed out
        f"{SESSION_COOKIE}=' OR 1=1 --",
        f"{SESSION_COOKIE}={'x' * 5000}",
        f'{SESSION_COOKIE}="{b.token[:-1]}"',
    ]
    for cookie in cookies:
        with client(app, cookie=cookie) as anonymous:
            feed = anonymous.call(handler(FeedState, "open_feed"), path="/feed")
            export = anonymous.call(handler(AccountState, "download_data"), path="/account")
            account = anonymous.call(handler(AccountState, "open_account"), path="/account")
            state = anonymous.call(f"{ROOT_STATE}.hydrate", path="/feed")
        everything = feed + export + account + state
        assert not leaked(everything, b.secrets), cookie
        assert "_download" not in json.dumps(export), cookie
        assert "/login" in json.dumps(feed), f"no redirect to the sign-in page for {cookie!r:.40}"
        [feed_state] = deltas_of(state, FeedState)
        assert feed_state["loaded_rx_state_"] is False and feed_state["saved_rx_state_"] == []
        [account_state] = deltas_of(state, AccountState)
        assert account_state["consents_rx_state_"] == []


# --- asking in words (issue 13) -----------------------------------------------------------------------

LUNCH = "native:junggu-senior-lunch"


def _lunch_statuses(updates: list[dict]) -> list[str]:
    """Every status the search page was sent for the senior lunch, in order."""
    return [r["status"] for d in deltas_of(updates, SearchState) for g in d.get("groups_rx_state_", [])
            for r in g["results"] if r["id"] == LUNCH]  # fmt: skip


def _lunch_status(updates: list[dict]) -> str | None:
    """The last status the search page was sent for the senior lunch (None: not sent)."""
    found = _lunch_statuses(updates)
    return found[-1] if found else None


def _status_for(app: ServedApp, profile: dict) -> str:
    from naesone_app.core.dates import seoul_today
    from naesone_app.core.eligibility import evaluate
    from naesone_app.core.profile import facts_on, parse_profile
    from naesone_app.db.catalog import load_programs

    with transaction(app.db_url) as session:
        [program] = [p for p in load_programs(session) if p.key == LUNCH]
    return evaluate(program, facts_on(parse_profile(profile), seoul_today())).status


def test_search_decides_with_the_askers_own_answers_only(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    a, b = residents
    # C: a resident the senior lunch is surely for (A's own profile leaves it to be checked)
    c_profile = {"birth_date": "1944-04-04", "lives_in_junggu": True, "livelihood": "recipient"}
    c_id, c_token = db_account(
        app.db_url, f"lunch@c{uuid.uuid4().hex[:8]}.example", PASSWORD, profile=c_profile
    )
    question = {"q": "경로식당 점심"}
    theirs, hers = _status_for(app, a.profile), _status_for(app, c_profile)
    assert theirs != hers, "the probe needs two residents the lunch decides differently"
    with client(app, c_token) as own:  # the control: C's own search shows C's status
        mine = own.call(handler(SearchState, "open_search"), path="/search", query=question)
    assert _lunch_status(mine) == hers
    before = snapshot(app, b)
    seen: list[dict] = []
    with client(app, a.token) as attacker:
        for victim in (b.id, c_id):
            query = {**question, "id": str(victim), "account_id": str(victim)}
            for payload in (
                {},
                {"account_id": victim},
            ):  # the handler takes nothing; extra words change nothing
                seen += attacker.call(
                    handler(SearchState, "open_search"), payload, path="/search", query=query
                )
        seen += attacker.call(
            handler(SearchState, "drop_fact"), {"key": b.login}, path="/search", query=question
        )
        seen += attacker.call(handler(SearchState, "carry_facts"), path="/search", query=question)
        seen += attacker.call(handler(SuggestState, "suggest_for"), {"text": b.login}, path="/search")
        seen += attacker.call(handler(SuggestState, "go"), {"form": {"q": "x" * 20_000}}, path="/search")
        seen += attacker.call(f"{ROOT_STATE}.hydrate", path="/search", query=question)
    assert _lunch_status(seen) == theirs  # A's own status, decided from A's own profile
    assert {s for s in _lunch_statuses(seen)} == {theirs}
    assert not leaked(seen, b.secrets)
    assert snapshot(app, b) == before
    assert "x" * 502 not in json.dumps(seen), "an over-long question went into an address"


# --- origins ----------------------------------------------------------------------------------------


def test_only_the_apps_own_origin_may_open_a_socket_or_claim_a_session(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    a, _ = residents
    with pytest.raises(Refused, match=r"HTTP 4\d\d"):
        HostileClient(app.url, origin="http://evil.example", cookie=f"{SESSION_COOKIE}={a.token}")
    with pytest.raises(Refused, match=r"HTTP 4\d\d"):
        HostileClient(app.url, origin=app.url.replace("localhost", "localhost.evil.example"))
    port = urlsplit(app.url).port
    for origin in (app.url, f"http://127.0.0.1:{port}"):
        own = HostileClient(app.url, origin=origin, cookie=f"{SESSION_COOKIE}={a.token}")
        try:
            [session] = deltas_of(own.call(handler(SessionState, "load_session"), path="/"), SessionState)
            assert session["signed_in_rx_state_"] is True
        finally:
            own.close()

    with transaction(app.db_url) as session:
        handoff = start_session(session, a.id, kind="handoff")
    claim = f"{app.url}/api/session/claim"
    body = {"handoff": handoff}
    evil = httpx.post(claim, json=body, headers={"Origin": "http://evil.example"})
    assert evil.status_code == 403 and "set-cookie" not in evil.headers
    assert httpx.post(claim, json=body).status_code == 403  # no Origin at all
    preflight = httpx.options(
        claim, headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert preflight.headers.get("access-control-allow-origin") not in ("*", "http://evil.example")
    own = httpx.post(claim, json=body, headers={"Origin": app.url})
    assert own.status_code == 204
    cookie = own.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie
    assert httpx.post(claim, json=body, headers={"Origin": app.url}).status_code == 401  # one use only

    signed_in = {SESSION_COOKIE: a.token}
    cleared = httpx.post(
        f"{app.url}/api/session/clear", cookies=signed_in, headers={"Origin": "http://evil.example"}
    )
    assert cleared.status_code == 403
    with transaction(app.db_url) as session:
        assert account_for_token(session, a.token) is not None, "a cross-site post ended the session"


# --- the server's log --------------------------------------------------------------------------------


def _log_after(app: ServedApp, start: int, expected: str) -> str:
    """What the server wrote to its output since `start`, once `expected` shows up in it."""
    assert app.log is not None
    deadline = time.monotonic() + 10
    while True:
        text = app.log.read_bytes()[start:].decode("utf-8", "replace")
        if expected in text or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


def test_a_failing_event_does_not_write_the_session_token_to_the_log(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    """Whoever can read the server's log must not be able to sign in as the residents in it."""
    a, _ = residents
    assert app.log is not None
    start = app.log.stat().st_size
    with client(app, a.token) as own:
        # a stale page calling a handler that is gone, with a password in its payload
        own.call(
            handler(AccountState, "no_such_handler"),
            {"form": {"password": "Leaked-Password-42"}},
            path="/account",
        )
    logged = _log_after(app, start, "no_such_handler")
    assert "no_such_handler" in logged, "the failure was not logged at all"
    assert "Leaked-Password-42" not in logged, "the server log holds a payload with a password"
    assert a.token not in logged, "the server log holds a resident's session token (the cookie of the event)"


# --- the queue (issue 12): another department's officer ----------------------------------------------


def test_another_departments_officer_cannot_see_assign_note_or_export_a_case(
    app: ServedApp, residents: tuple[Resident, Resident]
) -> None:
    """B applied to 안전총괄과 only: an officer of 어르신복지과 calls every queue and case-desk handler with
    her application's id; nothing of hers comes back, nothing changes. The control: an officer of
    안전총괄과 making the same calls finds her by name, takes the case, writes the memo, exports it."""
    from datetime import date

    from naesone_app.core.identity import Identity
    from naesone_app.db.identity import save_identity
    from naesone_app.state.case_desk import CaseDeskState
    from naesone_app.state.staff_queue import StaffQueueState

    _, b = residents
    name = "제갈순옥"
    with transaction(app.db_url) as session:
        save_identity(
            session, b.id, Identity(name, date(1941, 3, 17), "서울 중구 회현동 1", "회현동", "01097531864")
        )
    case = {"id": str(b.application_id)}
    secrets = (*b.secrets, name, "01097531864")  # her full name: the probe only ever types a part of it

    def probe(token: str) -> list[dict]:
        calls = [
            (StaffQueueState, "open_queue", {}, "/staff/applications", {"q": name[:2], "status": "all"}),
            (StaffQueueState, "apply_filters", {"form": {"q": name[:3], "status": "all"}}, "/staff/applications",
             {}),
            (StaffQueueState, "apply_filters", {"form": {"q": "", "status": "all", "department": "안전총괄과"}},
             "/staff/applications", {}),
            (StaffQueueState, "take", {"application_id": b.application_id}, "/staff/applications", {}),
            (StaffQueueState, "export_csv", {}, "/staff/applications", {}),
            (StaffQueueState, "export_xlsx", {}, "/staff/applications", {}),
            (CaseDeskState, "open_desk", {}, "/staff/application", case),
            (CaseDeskState, "take", {}, "/staff/application", case),
            (CaseDeskState, "hand_over", {"form": {"assignee": str(b.id)}}, "/staff/application", case),
            (CaseDeskState, "set_memo_text", {"text": "probe memo"}, "/staff/application", case),
            (CaseDeskState, "add_memo", {}, "/staff/application", case),
        ]  # fmt: skip
        updates: list[dict] = []
        with client(app, token) as officer:
            for state, name_, payload, path, query in calls:
                officer.call(f"{ROOT_STATE}.hydrate", path=path, query=query)
                updates += officer.call(handler(state, name_), payload, path=path, query=query)
        return updates

    _, senior = db_account(app.db_url, f"senior{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD, role="staff",
                           department="어르신복지과")  # fmt: skip
    updates = probe(senior)
    assert not leaked(updates, secrets), leaked(updates, secrets)
    assert sqlite_rows(app.db_url, "SELECT assigned_to FROM application WHERE id = ?", b.application_id) == [
        (None,)
    ]
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM application_memo WHERE application_id = ?",
                       b.application_id) == [(0,)]  # fmt: skip
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM audit_log WHERE subject_id = ? AND action IN "
                       "('application.assigned', 'application.memo')", b.id) == [(0,)]  # fmt: skip

    # the control: 안전총괄과's officer, the same calls
    _, safety = db_account(app.db_url, f"safety{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD, role="staff",
                           department="안전총괄과")  # fmt: skip
    updates = probe(safety)
    assert name in readable(updates)  # in the queue and in the exported file
    assert sqlite_rows(app.db_url, "SELECT assigned_to IS NOT NULL FROM application WHERE id = ?",
                       b.application_id) == [(1,)]  # fmt: skip
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM application_memo WHERE application_id = ?",
                       b.application_id) == [(1,)]  # fmt: skip
