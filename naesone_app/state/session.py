"""Who is asking: the account behind this browser's HttpOnly session cookie, checked on every use.

The cookie reaches the server with the event socket's handshake, so a fresh server state (a reconnect,
a restart) finds the same account again; nothing about the session lives only in Reflex state.
"""

from __future__ import annotations

import json
from http.cookies import CookieError, SimpleCookie

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import menu_counts
from naesone_app.actions.accounts import sign_out as end_browser_session
from naesone_app.actions.accounts import sign_out_everywhere as end_every_session
from naesone_app.api import SESSION_COOKIE
from naesone_app.core.actor import STAFF_ROLES
from naesone_app.db.account_models import Account
from naesone_app.db.accounts import account_for_token
from naesone_app.db.engine import transaction
from naesone_app.state.locale import locale_of_path
from naesone_app.state.offline import FORGET_OFFLINE


def _cookie_token(header: str) -> str | None:
    try:
        jar = SimpleCookie(header or "")
    except CookieError:
        return None
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel else None


def mask_login(login: str) -> str:
    """kim***@example.com / 010****5678: enough to recognise, not to copy."""
    if "@" in login:
        local, domain = login.split("@", 1)
        return f"{local[:2]}***@{domain}"
    return f"{login[:3]}****{login[-4:]}"


def claim_script(handoff: str, next_url: str) -> str:
    """Page script that exchanges a one-use handoff token for the HttpOnly cookie, then reloads."""
    return (
        "fetch('/api/session/claim', {method: 'POST', credentials: 'same-origin', "
        "headers: {'Content-Type': 'application/json'}, "
        f"body: JSON.stringify({{handoff: {json.dumps(handoff)}}})}})"
        f".then((r) => {{ if (r.ok) window.location.replace({json.dumps(next_url)}); }})"
    )


# Signing out also ends this browser's push subscription, so the next resident on a shared device does
# not see the previous one's reminders; the reminder job then hears "gone" and forgets the endpoint.
FORGET_PUSH = (
    "Promise.resolve(navigator.serviceWorker && navigator.serviceWorker.getRegistration())"
    ".then((r) => r && r.pushManager && r.pushManager.getSubscription())"
    ".then((s) => s && s.unsubscribe()).catch(() => {});"
)


def clear_script(next_url: str) -> str:
    """Page script that ends the cookie session, forgets the offline copy and push, then leaves."""
    return (
        FORGET_OFFLINE
        + FORGET_PUSH
        + "fetch('/api/session/clear', {method: 'POST', credentials: 'same-origin'})"
        f".finally(() => {{ sessionStorage.clear(); window.location.replace({json.dumps(next_url)}); }})"
    )


class SessionState(rx.State):
    """What the page may know of the signed-in account (never its id or its data)."""

    signed_in: bool = False
    role: str = ""
    is_officer: bool = False  # staff, editor or admin: the header shows the staff menu
    password_due: bool = False  # an officer still on an admin's temporary password
    login_hint: str = ""
    unread_applications: int = 0  # status changes of the resident's applications not seen yet
    classes_to_act_on: int = 0  # held seats to confirm and class fees to pay
    unread_notices: int = 0  # notices not yet seen on the 알림 page

    def _token(self) -> str | None:
        return _cookie_token(self.router.headers.cookie)

    def _account(self) -> Account | None:
        """The account for this browser right now (re-checked on every call: log-outs take effect at once)."""
        token = self._token()
        if not token:
            return None
        with transaction() as session:
            return account_for_token(session, token)

    def _home(self) -> str:
        return "/en" if locale_of_path(self.router.url.path) == "en" else "/"

    @rx.event
    def load_session(self):
        """on_load of every page: show the header for who is signed in."""
        account = self._account()
        self.signed_in = account is not None
        self.role = account.role if account else ""
        self.is_officer = account is not None and account.role in STAFF_ROLES
        self.password_due = self.is_officer and bool(account.must_change_password)
        self.login_hint = mask_login(account.login) if account else ""
        self.unread_applications = self.classes_to_act_on = self.unread_notices = 0
        if account is not None:
            counts = menu_counts(actor_of(account))
            self.unread_applications, self.classes_to_act_on, self.unread_notices = (
                counts.unread_applications,
                counts.classes_to_act_on,
                counts.unread_notices,
            )

    @rx.event
    def sign_out(self):
        """End this browser's session."""
        token = self._token()
        if token:
            end_browser_session(token)
        self.signed_in, self.role, self.login_hint, self.unread_applications = False, "", "", 0
        self.classes_to_act_on = self.unread_notices = 0
        self.is_officer = self.password_due = False
        return rx.call_script(clear_script(self._home()))

    @rx.event
    def sign_out_everywhere(self):
        """End every session of this account, on every device."""
        account = self._account()
        if account is not None:
            end_every_session(actor_of(account))
        self.signed_in, self.role, self.login_hint, self.unread_applications = False, "", "", 0
        self.classes_to_act_on = self.unread_notices = 0
        self.is_officer = self.password_due = False
        return rx.call_script(clear_script(self._home()))
