"""Staff review of one application (/staff/application?id=N) with its answers, documents, imported
evidence and history, and the decisions (the queue is state/staff_queue.py).

Every handler checks the role and department of whoever asks (db.applications checks again); every open
of an application and every decision is written to the audit log. After a decision the resident is told
by web push, in the background: a push problem never undoes or fails the decision.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.applications import decide, review_application
from naesone_app.core.actor import NotAllowed
from naesone_app.core.applications import STATUS_LABELS, TransitionError
from naesone_app.core.i18n import N_, Message, render
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import Forbidden, NotFound
from naesone_app.state.application_views import (
    AnswerRow,
    DocumentLine,
    HistoryLine,
    UploadLine,
    answer_rows,
    document_lines,
    history_lines,
    moment_text,
    status_text,
    upload_lines,
)
from naesone_app.state.applications import program_title
from naesone_app.state.asking import AskingMixin
from naesone_app.state.evidence_views import EvidenceView, evidence_view
from naesone_app.state.ids import address_id, url_id
from naesone_app.state.locale import locale_of_path
from naesone_app.state.session import mask_login

ACTIONS = ("in_review", "more_documents", "approved", "rejected")
MAX_REASON_INPUT = 2000


def _home(state: rx.State):
    return rx.redirect("/en" if locale_of_path(state.router.url.path) == "en" else "/")


class StaffApplicationState(AskingMixin, rx.State):
    """One application of the staff member's department, and the decisions on it."""

    allowed: bool = False
    found: bool = False
    shown_id: str = ""  # the `?id=` the page's record was loaded for (components.pwa.record_for_url)
    application_id: int = 0
    title: str = ""
    applicant: str = ""
    department: str = ""
    status: str = ""
    status_label: str = ""
    submitted: str = ""
    reason: str = ""
    answers: list[AnswerRow] = []
    official_docs: list[DocumentLine] = []
    evidence_docs: list[DocumentLine] = []
    resident_docs: list[DocumentLine] = []
    uploads: list[UploadLine] = []
    evidence: list[EvidenceView] = []
    history: list[HistoryLine] = []
    field_errors: dict[str, str] = {}
    notice: str = ""
    reason_text: str = ""

    def _clear(self) -> None:
        self.reason_text = ""
        self.found, self.application_id, self.title, self.applicant, self.department = False, 0, "", "", ""
        self.status = self.status_label = self.submitted = self.reason = ""
        self.answers, self.uploads, self.evidence, self.history = [], [], [], []
        self.official_docs, self.evidence_docs, self.resident_docs = [], [], []

    def _show(self, staff: Account, application_id: int) -> bool:
        """Load the application (the read is audited); False if not theirs to see."""
        locale = self._locale()
        try:
            page = review_application(actor_of(staff), application_id)
        except NotFound:
            return False
        if page is None:
            return False
        view, form, listed, owner = page.view, page.form, page.checklist, page.owner
        application = view.application
        self.found, self.application_id = True, int(application.id or 0)
        self.title = program_title(application.program_key, locale)
        self.applicant = mask_login(owner.login) if owner else "-"
        self.department, self.status = application.department, application.status
        self.status_label = status_text(application.status, locale)
        self.submitted, self.reason = moment_text(application.submitted_at, locale), application.reason
        self.answers = answer_rows(form, view.answers, locale) if form else []
        if listed is not None:
            self.official_docs, self.evidence_docs, self.resident_docs = document_lines(listed, locale)
        self.uploads = upload_lines(view.uploads, form, locale, lambda _u: False)
        self.history = history_lines(view.history, locale)
        self.evidence = [evidence_view(row, document, locale) for row, document in page.documents]
        return True

    @rx.event
    async def open_review(self):
        """on_load: staff of the responsible department (or an admin) only."""
        staff = await self._staff()
        self.field_errors, self.notice = {}, ""
        self._clear()
        self.shown_id = address_id(self.router.url.query)
        self.allowed = staff is not None
        if staff is None:
            return _home(self)
        application_id = url_id(self.router.url.query_parameters.get("id", ""))
        if application_id is not None:
            self._show(staff, application_id)
        return None

    @rx.event
    def set_reason(self, text: str):
        """The reason being written (kept only in this tab until a decision is made)."""
        if isinstance(text, str):
            self.reason_text = text[:MAX_REASON_INPUT]

    @rx.event
    async def decide(self, action: str):
        """검토 시작 / 서류 보완 요청 / 승인 / 반려, with the reason the rules ask for."""
        staff = await self._staff()
        if staff is None or action not in ACTIONS or not self.application_id:
            return
        locale = self._locale()
        reason = self.reason_text
        try:
            decide(actor_of(staff), self.application_id, action, reason)
        except TransitionError as exc:
            self.field_errors = {"reason": render(exc.message, locale)}
            return
        except (NotFound, Forbidden, NotAllowed):
            self.field_errors = {"reason": render(Message(N_("이 신청을 처리할 권한이 없어요.")), locale)}
            return
        self.field_errors, self.reason_text = {}, ""
        self._show(staff, self.application_id)
        self.notice = render(
            Message(
                N_("'{status}'(으)로 바꿨어요. 신청한 분께 알렸어요."), {"status": STATUS_LABELS[action]}
            ),
            locale,
        )
