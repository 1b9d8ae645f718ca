"""An application's life: its statuses and the transitions an officer may make (with a reason where
the resident must be told why), the receipt number and the expected decision day. Pure Python.
"""

from __future__ import annotations

from datetime import date

from naesone_app.core.i18n import N_, Message

# --- statuses ----------------------------------------------------------------------------------------

STATUSES = ("submitted", "in_review", "more_documents", "approved", "rejected")
FINAL = frozenset({"approved", "rejected"})
TRANSITIONS: dict[str, frozenset[str]] = {
    "submitted": frozenset({"in_review", "more_documents", "approved", "rejected"}),
    "in_review": frozenset({"more_documents", "approved", "rejected"}),
    "more_documents": frozenset({"in_review", "approved", "rejected"}),
    "approved": frozenset(),
    "rejected": frozenset(),
}
STATUS_LABELS = {
    "submitted": Message(N_("접수됨")),
    "in_review": Message(N_("검토 중")),
    "more_documents": Message(N_("서류 보완 필요")),
    "approved": Message(N_("승인")),
    "rejected": Message(N_("반려")),
}
MAX_REASON = 1000


class TransitionError(ValueError):
    """A status change the rules do not allow; `message` says why for the reader."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message


def check_transition(current: str, new: str, reason: str = "") -> str:
    """The trimmed reason if `current` → `new` is allowed, else TransitionError."""
    if current not in TRANSITIONS or new not in TRANSITIONS:
        raise TransitionError(Message(N_("알 수 없는 상태입니다.")))
    if new not in TRANSITIONS[current]:
        raise TransitionError(
            Message(
                N_("'{current}' 상태에서 '{new}' 상태로 바꿀 수 없습니다."), {"current": current, "new": new}
            )
        )
    reason = (reason or "").strip()
    if new in ("rejected", "more_documents") and not reason:
        raise TransitionError(Message(N_("반려하거나 보완을 요청할 때는 사유를 적어야 합니다.")))
    if len(reason) > MAX_REASON:
        raise TransitionError(Message(N_("사유는 {max}자 이내로 적어 주세요."), {"max": MAX_REASON}))
    return reason


def receipt_number(application_id: int, submitted_on: date) -> str:
    """The 접수번호 a resident quotes on the phone: "중구-2026-000123" (the year of submission, Seoul time,
    and the application's id, which is unique, so the number is too)."""
    if application_id < 1:
        raise ValueError("application_id: expected a stored application")
    return f"중구-{submitted_on.year}-{application_id:06d}"


def expected_decision(submitted_on: date, working_days: int) -> date:
    """The day a decision is expected: `working_days` weekdays after submission. Public holidays are not
    known here, so the page calls it an estimate."""
    day, left = submitted_on, working_days
    while left > 0:
        day = date.fromordinal(day.toordinal() + 1)
        if day.weekday() < 5:
            left -= 1
    return day


# An application is *active* until it is rejected: submitted, in review, documents asked for, or approved
# (an approved benefit is being received; applying again would be a duplicate). A rejected one lets the
# resident apply again, e.g. with the missing document. There is no withdrawal by the resident yet.
ACTIVE_STATUSES = frozenset({"submitted", "in_review", "more_documents", "approved"})
