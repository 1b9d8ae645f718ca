"""What a person does with their account: sign up, sign in, reset a password, consents, push
subscriptions, the data download and deletion — each in one transaction, audited with the change."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from naesone_app.actions.campaigns import ARRIVAL_CONSENT, note_sign_up
from naesone_app.core.accounts import AccountError
from naesone_app.core.actor import Actor, NotAllowed, require_account, require_staff
from naesone_app.core.campaigns import Arrival
from naesone_app.core.departments import departments
from naesone_app.core.i18n import N_, Message, gettext_for
from naesone_app.core.identity import Identity, with_phone_fallback
from naesone_app.core.reminders import Subscription
from naesone_app.db import push
from naesone_app.db.account_models import Account, Consent
from naesone_app.db.accounts import (
    authenticate,
    complete_reset,
    create_account,
    end_all_sessions,
    end_session,
    request_reset,
    staff_reset,
    start_session,
)
from naesone_app.db.application_reads import unread_ids
from naesone_app.db.audit import audit
from naesone_app.db.class_listing import needing_action
from naesone_app.db.engine import transaction
from naesone_app.db.identity import save_identity
from naesone_app.db.notices import unread_count
from naesone_app.db.personal_data import delete_account, export_account
from naesone_app.db.personal_data import rotate_keys as rotate_stored_keys
from naesone_app.db.push_models import PushSubscription
from naesone_app.db.resident_data import (
    current_consents,
    grant_consent,
    has_consent,
    load_profile,
    note_matches,
    save_profile,
    withdraw_consent,
)
from naesone_app.integrations.mail import MailError, send_mail
from naesone_app.integrations.sms import SmsError, send_sms
from naesone_app.integrations.webpush import loopback_endpoints_allowed  # noqa: F401 - for states

# --- signing up, in and back in -------------------------------------------------------------------------


def sign_up(
    login: str, password: str, optional_consents: Iterable[str], profile: Mapping[str, Any] | None,
    matching: Iterable[str] = (), identity: Identity | None = None, arrival: Arrival | None = None,
) -> str:  # fmt: skip
    """Create the account with its consents (and the screening answers as its profile, when the
    sensitive-profile consent is among `optional_consents`, and the identity when one was typed, its
    phone the sign-in number when that is a mobile and none was given); the handoff token that signs
    it in. `AccountError` names the field at fault."""
    with transaction() as session:
        account = create_account(session, login, password)
        if identity is not None:
            save_identity(session, account.id, with_phone_fallback(identity, account.login))
        grant_consent(session, account.id, "account")
        chosen = set(optional_consents)
        for purpose in sorted(chosen):
            grant_consent(session, account.id, purpose)
        if profile and "sensitive_profile" in chosen:
            save_profile(session, account.id, dict(profile))
            note_matches(session, account.id, list(matching), at_sign_up=True)
        note_sign_up(session, account.id, arrival, ARRIVAL_CONSENT in chosen)  # the campaign it came from
        audit(session, account.id, "account.created", account.id)
        return start_session(session, account.id, kind="handoff")


def sign_in(login: str, password: str) -> tuple[Account, str] | AccountError:
    """The account and a handoff token, or the `AccountError` to show (failures are counted)."""
    with transaction() as session:
        account = authenticate(session, login, password)
        if isinstance(account, AccountError):
            return account
        return account, start_session(session, account.id, kind="handoff")


def ask_reset(login: str, link: Callable[[str], str], locale: str) -> Message | None:
    """Send a one-time reset link (made by `link` from the token) by text message to a phone-number
    account, by mail to an e-mail account; the message to show when sending failed, else None (also
    when no such account exists: the answer must not tell)."""
    with transaction() as session:
        issued = request_reset(session, login)
    if issued is None:
        return None
    account, token = issued
    _ = gettext_for(locale)
    if "@" not in account.login:
        try:
            send_sms(account.login,
                     _("[내손에ON 중구] 30분 안에 비밀번호를 다시 정하세요: {link}").format(link=link(token)))  # fmt: skip
        except (SmsError, ValueError):
            return Message(
                N_("문자를 보내지 못했습니다. 잠시 뒤에 다시 시도하거나 동 주민센터에 문의하세요.")
            )
        return None
    body = _(
        "아래 링크에서 30분 안에 새 비밀번호를 정하세요. 요청하지 않았다면 이 메일을 무시하세요.\n\n{link}"
    )
    try:
        send_mail(account.login, _("내손에ON 중구 비밀번호 재설정"), body.format(link=link(token)))
    except MailError:
        return Message(N_("메일을 보내지 못했습니다. 잠시 뒤에 다시 시도하세요."))
    return None


def finish_reset(token: str, password: str) -> None:
    """Set the new password with the token from the link (audited); every old session ends."""
    with transaction() as session:
        account = complete_reset(session, token, password)
        audit(session, account.id, "account.password_reset", account.id)


# --- consents and push ----------------------------------------------------------------------------------


def consents(actor: Actor) -> dict[str, Consent]:
    """The account's consents in force, by purpose."""
    account_id = require_account(actor)
    with transaction() as session:
        return current_consents(session, account_id)


def set_consent(actor: Actor, purpose: str, given: bool) -> None:
    """Give or withdraw an optional consent (audited; withdrawing the sensitive one deletes the profile,
    the notifications one forgets every browser)."""
    account_id = require_account(actor)
    with transaction() as session:
        if given:
            grant_consent(session, account_id, purpose)
        else:
            withdraw_consent(session, account_id, purpose)
        audit(session, account_id, f"consent.{'granted' if given else 'withdrawn'}", account_id, purpose)


@dataclass(frozen=True, slots=True)
class PushSettings:
    consent: bool  # to notifications
    devices: list[PushSubscription]


def push_settings(actor: Actor) -> PushSettings:
    account_id = require_account(actor)
    with transaction() as session:
        return PushSettings(
            has_consent(session, account_id, "notifications"), push.subscriptions_of(session, account_id)
        )


def subscribe_push(actor: Actor, subscription: Subscription, locale: str, kinds: Iterable[str]) -> bool:
    """Store a browser's subscription (audited); False when the account has not agreed to notifications."""
    account_id = require_account(actor)
    with transaction() as session:
        if not has_consent(session, account_id, "notifications"):
            return False
        push.subscribe(session, account_id, subscription, locale, kinds)
        audit(session, account_id, "push.subscribed", account_id)
        return True


def unsubscribe_push(actor: Actor, endpoint: str) -> bool:
    """Stop pushing to one of the account's browsers (audited); False if it was not one of them."""
    account_id = require_account(actor)
    with transaction() as session:
        removed = push.unsubscribe(session, account_id, endpoint)
        if removed:
            audit(session, account_id, "push.unsubscribed", account_id)
        return removed


def set_push_kinds(actor: Actor, kinds: Iterable[str]) -> int:
    """Which kinds every browser of the account receives; how many browsers there are."""
    account_id = require_account(actor)
    with transaction() as session:
        return push.set_kinds(session, account_id, kinds)


# --- the data download and deletion ---------------------------------------------------------------------


def export_data(actor: Actor) -> dict[str, Any]:
    """Everything held about the account (the download is audited)."""
    account_id = require_account(actor)
    with transaction() as session:
        data = export_account(session, account_id)
        audit(session, account_id, "account.exported", account_id)
        return data


def delete_me(actor: Actor, login: str, password: str) -> AccountError | None:
    """Delete the account and every piece of personal data once the password is given again; the
    `AccountError` when it is not."""
    account_id = require_account(actor)
    with transaction() as session:
        checked = authenticate(session, login, password)
    if isinstance(checked, AccountError):
        return checked
    with transaction() as session:
        delete_account(session, account_id)
    return None


@dataclass(frozen=True, slots=True)
class CounterReset:
    login: str  # the resident's phone number
    link: str  # the one-time link, shown to the staff member once
    texted: bool  # whether the text message went out


def reset_at_counter(
    actor: Actor, phone: str, id_checked: bool, link: Callable[[str], str], locale: str
) -> CounterReset:
    """Staff issue a reset for a phone-number account after checking the resident's ID (db audits it)
    and text the link to the phone; `AccountError` names the field at fault."""
    staff_id = require_staff(actor)
    with transaction() as session:
        account, token = staff_reset(session, staff_id, phone, id_checked)
        login = account.login
    url = link(token)
    _ = gettext_for(locale)
    try:
        texted = bool(
            send_sms(login, _("[내손에ON 중구] 30분 안에 비밀번호를 다시 정하세요: {link}").format(link=url))
        )
    except (SmsError, ValueError):
        texted = False
    return CounterReset(login, url, texted)


# --- the resident's profile ------------------------------------------------------------------------------


def stored_profile(actor: Actor) -> dict[str, Any]:
    """The resident's stored profile ({} when none)."""
    account_id = require_account(actor)
    with transaction() as session:
        return load_profile(session, account_id)


def keep_profile(actor: Actor, profile: Mapping[str, Any]) -> None:
    """Store the resident's answers as their profile (audited); `AccountError` without the consent."""
    account_id = require_account(actor)
    with transaction() as session:
        save_profile(session, account_id, dict(profile))
        audit(session, account_id, "profile.updated", account_id)


# --- sessions -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MenuCounts:
    unread_applications: int  # status changes of the resident's applications not seen yet
    classes_to_act_on: int  # held seats to confirm and class fees to pay
    unread_notices: int = 0  # notices not yet seen on the 알림 page


def menu_counts(actor: Actor) -> MenuCounts:
    """What the header counts for the signed-in account."""
    account_id = require_account(actor)
    with transaction() as session:
        return MenuCounts(
            len(unread_ids(session, account_id)), needing_action(session, account_id),
            unread_count(session, account_id),
        )  # fmt: skip


def sign_out(token: str) -> None:
    """End this browser's session."""
    with transaction() as session:
        end_session(session, token)


def sign_out_everywhere(actor: Actor) -> None:
    """End every session of the account, on every device."""
    account_id = require_account(actor)
    with transaction() as session:
        end_all_sessions(session, account_id)


# --- what the operator does from the command line ---------------------------------------------------------


def create_admin(actor: Actor, login: str, password: str, department: str = "") -> Account:
    """The operator (a CLI job) creates an admin account (audited with no acting account)."""
    if not actor.is_job:
        raise NotAllowed("admins are created from the command line")
    if department and departments().by_name(department) is None:
        raise AccountError("department", Message(N_("목록에서 부서를 고르세요.")))
    with transaction() as session:
        account = create_account(session, login, password, role="admin", department=department)
        grant_consent(session, account.id, "account")
        audit(session, None, "admin.created_by_cli", account.id, "admin")
        return account


def rotate_keys(actor: Actor) -> int:
    """Re-encrypt stored personal data with the newest key (a CLI job); how many rows."""
    if not actor.is_job:
        raise NotAllowed("keys are rotated from the command line")
    with transaction() as session:
        return rotate_stored_keys(session)
