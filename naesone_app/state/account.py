"""The resident's own account: consents, reminders, download my data, log out everywhere, delete the account.

Reminders: the page asks the browser for a push subscription (page script, SUBSCRIBE_SCRIPT) and hands it
to `subscribe_push_from_browser`; every push handler works on the signed-in account only, whatever the
page sends.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import (
    consents,
    delete_me,
    export_data,
    loopback_endpoints_allowed,
    push_settings,
    set_consent,
    set_push_kinds,
    subscribe_push,
    unsubscribe_push,
)
from naesone_app.core.actor import Actor
from naesone_app.core.consent import PURPOSE_BY_KEY, PURPOSES
from naesone_app.core.i18n import N_, Message, format_date, gettext_for, render
from naesone_app.core.reminders import DEFAULT_KINDS, KINDS, MAX_ENDPOINT, parse_kinds, parse_subscription
from naesone_app.db.push import row_kinds
from naesone_app.state.asking import AskingMixin
from naesone_app.state.session import SessionState, clear_script

# Page script: ask for permission, subscribe with the server's key (GET /api/push/key), hand back the JSON.
# A subscription made with another key (the server's key changed) is replaced.
SUBSCRIBE_SCRIPT = """(async () => {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return {error: "unsupported"};
  }
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return {error: "denied"};
  const answer = await fetch("/api/push/key", {credentials: "same-origin"});
  if (!answer.ok) return {error: "unconfigured"};
  const text = (await answer.json()).publicKey;
  const key = Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")
    + "=".repeat((4 - (text.length % 4)) % 4)), (c) => c.charCodeAt(0));
  const registration = await Promise.race([navigator.serviceWorker.ready,
    new Promise((resolve) => setTimeout(() => resolve(null), 10000))]);
  if (!registration) return {error: "no_worker"};
  let subscription = await registration.pushManager.getSubscription();
  const current = subscription && subscription.options && subscription.options.applicationServerKey;
  const same = current && current.byteLength === key.byteLength
    && new Uint8Array(current).every((v, i) => v === key[i]);
  if (subscription && !same) { await subscription.unsubscribe(); subscription = null; }
  if (!subscription) {
    subscription = await registration.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key});
  }
  return {subscription: subscription.toJSON()};
})().catch(() => ({error: "failed"}))"""

# Page script: end this browser's subscription and hand back its endpoint ("" when there was none).
UNSUBSCRIBE_SCRIPT = """(async () => {
  const registration = navigator.serviceWorker && await navigator.serviceWorker.getRegistration();
  const subscription = registration && registration.pushManager
    && await registration.pushManager.getSubscription();
  if (!subscription) return "";
  const endpoint = subscription.endpoint;
  await subscription.unsubscribe();
  return endpoint;
})().catch(() => "")"""

BROWSER_PROBLEMS = {
    "unsupported": N_(
        "이 브라우저는 웹 알림을 지원하지 않아요. iPhone에서는 홈 화면에 추가한 앱에서 알림을 켤 수 있어요."
    ),
    "denied": N_(
        "알림이 허용되지 않았어요. 브라우저 설정에서 이 사이트의 알림을 허용한 뒤 다시 눌러 주세요."
    ),
    "unconfigured": N_("지금은 이 서비스에서 알림을 보낼 수 없어요. 나중에 다시 시도해 주세요."),
}
PUSH_FAILED = N_("알림을 켜지 못했어요. 페이지를 새로 고친 뒤 다시 시도해 주세요.")


@dataclass
class ConsentLine:
    """A purpose with whether, when and in which version the resident agreed."""

    purpose: str = ""
    title: str = ""
    required: bool = False
    given: bool = False
    since: str = ""
    outdated: bool = False


class AccountState(AskingMixin, rx.State):
    """Filled only for the account behind this browser's session cookie."""

    consents: list[ConsentLine] = []
    field_errors: dict[str, str] = {}
    notice: str = ""
    push_consent: bool = False
    push_kinds: list[str] = list(DEFAULT_KINDS)
    push_devices: str = ""
    push_notice: str = ""

    def _show_consents(self, actor: Actor) -> None:
        locale = self._locale()
        _ = gettext_for(locale)
        current = consents(actor)
        self.consents = [
            ConsentLine(
                p.key,
                _(p.title),
                p.required,
                p.key in current,
                format_date(current[p.key].granted_at.date(), locale) if p.key in current else "",
                p.key in current and current[p.key].version != p.version,
            )
            for p in PURPOSES
        ]

    def _show_push(self, actor: Actor) -> None:
        """Whether reminders may be sent, how many browsers receive them, and which kinds."""
        settings = push_settings(actor)
        self.push_consent, rows = settings.consent, settings.devices
        if rows:
            self.push_kinds = [k for k in KINDS if any(k in row_kinds(r) for r in rows)]
        self.push_devices = render(
            Message(N_("알림을 받는 기기: {n}대"), {"n": len(rows)}) if rows
            else Message(N_("아직 알림을 받는 기기가 없어요.")), self._locale(),
        )  # fmt: skip

    def _push_say(self, msgid: str) -> None:
        self.push_notice = render(Message(msgid), self._locale())

    @rx.event
    async def open_account(self):
        """on_load: sign-in required."""
        account = await self._me()
        if account is None:
            return rx.redirect("/en/login" if self._locale() == "en" else "/login")
        self.field_errors, self.notice, self.push_notice = {}, "", ""
        self._show_consents(actor_of(account))
        self._show_push(actor_of(account))
        return None

    @rx.event
    async def set_consent(self, purpose: str, given: bool):
        """Give or withdraw an optional consent (withdrawing the sensitive one deletes the profile)."""
        account = await self._me()
        if not isinstance(purpose, str) or purpose not in PURPOSE_BY_KEY or PURPOSE_BY_KEY[purpose].required:
            return
        if account is None:
            return
        set_consent(actor_of(account), purpose, given is True)
        self._show_consents(actor_of(account))
        self._show_push(actor_of(account))  # withdrawing the notifications consent forgets every browser

    def _subscribe(self, actor: Actor, subscription: Any, kinds: Any) -> None:
        """Store a browser's subscription for the actor (the caller's own account, from the session)."""
        try:
            parsed = parse_subscription(subscription, allow_loopback=loopback_endpoints_allowed())
            chosen = parse_kinds(kinds)
        except ValueError:
            self._push_say(PUSH_FAILED)
            return
        if not chosen:
            self._push_say(N_("받을 알림을 하나 이상 골라 주세요."))
            return
        if not subscribe_push(actor, parsed, self._locale(), chosen):
            self._push_say(N_("알림을 받으려면 먼저 ‘새 혜택·마감 알림 수신’에 동의해 주세요."))
            return
        self.push_kinds = list(chosen)
        self._show_push(actor)
        self._push_say(N_("이 기기에서 알림을 받아요."))

    @rx.event
    async def subscribe_push(self, subscription: dict, kinds: list[str]):
        """Receive reminders of `kinds` on the browser with this subscription (PushSubscription JSON)."""
        account = await self._me()
        if account is not None:
            self._subscribe(actor_of(account), subscription, kinds)

    @rx.event
    async def subscribe_push_from_browser(self, result: dict):
        """SUBSCRIBE_SCRIPT's answer: {subscription} or {error}; the kinds are the ones ticked on the page."""
        account = await self._me()
        if account is None:
            return
        if not isinstance(result, dict) or not isinstance(result.get("subscription"), dict):
            problem = result.get("error") if isinstance(result, dict) else None
            self._push_say(
                BROWSER_PROBLEMS.get(problem, PUSH_FAILED) if isinstance(problem, str) else PUSH_FAILED
            )
            return
        self._subscribe(actor_of(account), result["subscription"], self.push_kinds)

    @rx.event
    async def unsubscribe_push(self, endpoint: str):
        """Stop reminders to the browser with this endpoint (only if it is one of the account's)."""
        account = await self._me()
        if account is None:
            return
        removed = False
        if isinstance(endpoint, str) and endpoint and len(endpoint) <= MAX_ENDPOINT:
            removed = unsubscribe_push(actor_of(account), endpoint)
        self._show_push(actor_of(account))
        self._push_say(
            N_("이 기기의 알림을 껐어요.") if removed else N_("이 기기는 알림을 받고 있지 않아요.")
        )

    @rx.event
    async def set_push_kinds(self, kinds: list[str]):
        """Choose which kinds of reminder every browser of the account receives."""
        account = await self._me()
        if account is not None:
            self._set_kinds(actor_of(account), kinds)

    @rx.event
    async def toggle_push_kind(self, kind: str, on: bool):
        """One checkbox of the page: add or remove one kind."""
        account = await self._me()
        if account is None or kind not in KINDS:
            return
        self._set_kinds(
            actor_of(account), [k for k in self.push_kinds if k != kind] + ([kind] if on is True else [])
        )

    def _set_kinds(self, actor: Actor, kinds: Any) -> None:
        try:
            chosen = parse_kinds(kinds)
        except ValueError:
            return
        self.push_kinds = list(chosen)
        devices = set_push_kinds(actor, chosen)
        if devices and not chosen:
            self._push_say(N_("고른 알림이 없어서 어떤 알림도 보내지 않아요."))
        elif devices:
            self._push_say(N_("알림 설정을 저장했어요."))

    @rx.event
    async def download_data(self):
        """Everything held about me, as a JSON file."""
        account = await self._me()
        if account is None:
            return None
        data = export_data(actor_of(account))
        return rx.download(
            data=json.dumps(data, ensure_ascii=False, indent=2), filename="naesone-my-data.json"
        )

    @rx.event
    async def delete_me(self, form: dict[str, Any]):
        """Delete the account and all personal data, after the password is given again."""
        account = await self._me()
        if account is None or not isinstance(form, dict):
            return None
        password = form.get("password") if isinstance(form.get("password"), str) else ""
        if delete_me(actor_of(account), account.login, password[:200]) is not None:
            self.field_errors = {"password": render(Message(N_("비밀번호가 맞지 않습니다.")), self._locale())}
            return None
        session_state = await self.get_state(SessionState)
        session_state.signed_in, session_state.role, session_state.login_hint = False, "", ""
        return rx.call_script(clear_script("/en" if self._locale() == "en" else "/"))
