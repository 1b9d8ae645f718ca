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
from naesone_app.core.applications import STATUS_LABELS, TransitionError, check_transition
from naesone_app.core.dates import seoul_today
from naesone_app.core.decision import OverrideNeeded, check_override
from naesone_app.core.i18n import N_, Message, render
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import Forbidden, NotFound
from naesone_app.state.applicant_views import ApplicantRow, applicant_rows
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
from naesone_app.state.decision_views import (
    DuplicateLine,
    StaffDocumentLine,
    VerdictRow,
    VerdictSummary,
    duplicate_lines,
    missing_labels,
    staff_documents,
    verdict_rows,
    verdict_summary,
)
from naesone_app.state.evidence_views import EvidenceView, evidence_view
from naesone_app.state.ids import address_id, url_id
from naesone_app.state.locale import locale_of_path
from naesone_app.state.session import mask_login

ACTIONS = ("in_review", "more_documents", "approved", "rejected")
CONFIRMED = ("approved", "rejected")  # the decisions asked again in a dialog before they are made
DIALOG = "document.getElementById('confirm-dialog')"
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
    applicant_rows: list[ApplicantRow] = []  # 신청한 분: typed identity beside the documents' word
    history: list[HistoryLine] = []
    field_errors: dict[str, str] = {}
    notice: str = ""
    reason_text: str = ""
    # the decision beside the evidence (components/decision.py)
    verdict: VerdictSummary = VerdictSummary()
    verdict_rows: list[VerdictRow] = []
    staff_docs: list[StaffDocumentLine] = []
    missing_docs: list[str] = []  # names of required documents not provided
    duplicates: list[DuplicateLine] = []
    override: bool = False  # "누락 서류가 있어도 승인"
    override_reason: str = ""
    confirming: str = ""  # the decision the dialog asks about
    confirm_title: str = ""
    confirm_text: str = ""

    def _clear(self) -> None:
        self.reason_text = ""
        self.verdict, self.verdict_rows, self.staff_docs, self.missing_docs = VerdictSummary(), [], [], []
        self.duplicates, self.override, self.override_reason = [], False, ""
        self.confirming = self.confirm_title = self.confirm_text = ""
        self.found, self.application_id, self.title, self.applicant, self.department = False, 0, "", "", ""
        self.status = self.status_label = self.submitted = self.reason = ""
        self.answers, self.uploads, self.evidence, self.history = [], [], [], []
        self.applicant_rows = []
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
        self.history = history_lines(view.history, locale, staff=True)
        self.evidence = [evidence_view(row, document, locale) for row, document in page.documents]
        self.applicant_rows = applicant_rows(
            page.identity, [(row.kind, document) for row, document in page.documents], seoul_today(), locale
        )
        if page.identity is not None and page.identity.name:
            self.applicant = page.identity.name
        self.verdict = verdict_summary(page.verdict_then, page.verdict_now, locale)
        self.verdict_rows = verdict_rows(page.verdict_then, page.verdict_now, locale)
        self.staff_docs = staff_documents(listed, locale) if listed is not None else []
        self.missing_docs = missing_labels(listed, locale) if listed is not None else []
        self.duplicates = duplicate_lines(page.duplicates, locale)
        return True

    def _missing_error(self, missing: list[str]) -> None:
        self.field_errors = {
            "override": render(
                Message(
                    N_(
                        "빠진 서류가 있어요: {missing}. 그래도 승인하려면 '누락 서류가 있어도 승인'을 고르고 사유를 적어 주세요."
                    ),
                    {"missing": ", ".join(missing)},
                ),
                self._locale(),
            )
        }

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
    def set_override(self, checked: bool):
        """ "누락 서류가 있어도 승인" ticked or not (the action checks the reason again)."""
        if isinstance(checked, bool):
            self.override = checked

    @rx.event
    def set_override_reason(self, text: str):
        """Why approve with documents missing (kept only in this tab until the decision)."""
        if isinstance(text, str):
            self.override_reason = text[:MAX_REASON_INPUT]

    def _override_reason(self) -> str:
        return self.override_reason if self.override else ""

    @rx.event
    async def ask_confirm(self, action: str):
        """승인 / 반려: check what the rules ask for, then open the dialog that says what will happen."""
        staff = await self._staff()
        if staff is None or action not in CONFIRMED or not self.application_id:
            return None
        locale = self._locale()
        try:
            check_transition(self.status, action, self.reason_text)
            check_override(action, self.missing_docs, self._override_reason())
        except OverrideNeeded:
            self._missing_error(self.missing_docs)
            return rx.set_focus("override")
        except TransitionError as exc:
            self.field_errors = {"reason": render(exc.message, locale)}
            return rx.set_focus("reason")
        self.field_errors, self.confirming = {}, action
        facts = {"applicant": self.applicant, "programme": self.title}
        if action == "approved":
            self.confirm_title = render(Message(N_("승인할까요?")), locale)
            text = Message(
                N_("{applicant} 님의 {programme} 신청을 승인합니다. 신청한 분께 알림이 갑니다."), facts
            )
        else:
            self.confirm_title = render(Message(N_("반려할까요?")), locale)
            text = Message(
                N_(
                    "{applicant} 님의 {programme} 신청을 반려합니다. 적은 사유와 함께 신청한 분께 알림이 갑니다."
                ),
                facts,
            )
        self.confirm_text = render(text, locale)
        if action == "approved" and self.missing_docs:
            self.confirm_text += " " + render(
                Message(N_("빠진 서류({missing})가 있지만 적은 사유로 승인합니다."),
                        {"missing": ", ".join(self.missing_docs)}),
                locale,
            )  # fmt: skip
        return rx.call_script(DIALOG + ".showModal()")

    @rx.event
    def cancel_confirm(self):
        """The dialog was closed without deciding."""
        self.confirming = ""
        return rx.call_script(DIALOG + ".close()")

    @rx.event
    async def decide(self, action: str):
        """검토 시작 / 서류 보완 요청 / 승인 / 반려, with the reason the rules ask for (and, to approve
        with documents missing, the override reason: checked again by the action)."""
        staff = await self._staff()
        if staff is None or action not in ACTIONS or not self.application_id:
            return None
        locale = self._locale()
        reason = self.reason_text
        self.confirming = ""
        close = rx.call_script(DIALOG + "?.close()")
        try:
            decide(actor_of(staff), self.application_id, action, reason, self._override_reason())
        except OverrideNeeded:
            self._missing_error(self.missing_docs)
            return close
        except TransitionError as exc:
            self.field_errors = {"reason": render(exc.message, locale)}
            return close
        except (NotFound, Forbidden, NotAllowed):
            self.field_errors = {"reason": render(Message(N_("이 신청을 처리할 권한이 없어요.")), locale)}
            return close
        self.field_errors, self.reason_text = {}, ""
        self._show(staff, self.application_id)
        self.notice = render(
            Message(
                N_("'{status}'(으)로 바꿨어요. 신청한 분께 알렸어요."), {"status": STATUS_LABELS[action]}
            ),
            locale,
        )
        return close
