"""내 신청: the resident's applications (/applications) and one of them (/application?id=N), where they
follow its status and, when documents were asked for, add files and say they are in.

Every handler reads the application again through `db.applications`, which answers only its owner:
an id in the URL or a handler argument that is not the resident's own shows nothing.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.applications import (
    add_upload,
    mark_seen,
    my_applications,
    own_application,
    remove_upload,
    supply_documents,
)
from naesone_app.core.application_forms import ApplicationForm
from naesone_app.core.applications import TransitionError
from naesone_app.core.i18n import N_, Message, gettext_for, render
from naesone_app.core.outbound import REPORT_LABELS
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import Forbidden, NotFound
from naesone_app.db.application_models import Application
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.db.outbound_models import ExternalApplication
from naesone_app.db.uploads import removable
from naesone_app.state.application_views import (
    AnswerRow,
    ApplicationRow,
    ChoiceOption,
    DocumentLine,
    ElsewhereRow,
    HistoryLine,
    UploadLine,
    answer_rows,
    document_lines,
    history_lines,
    moment_text,
    processing_text,
    status_text,
    upload_choices,
    upload_lines,
)
from naesone_app.state.apply import keep_files, login_redirect, upload_refusal
from naesone_app.state.asking import AskingMixin
from naesone_app.state.evidence_views import EvidenceView, evidence_view
from naesone_app.state.ids import address_id, sent_id, url_id
from naesone_app.state.views import CHANNEL_LABELS

MORE_UPLOAD_ID = "more-documents-upload"


def program_title(program_key: str, locale: str) -> str:
    program = CATALOG.program(program_key)
    return program.text(locale).title if program else program_key


def _elsewhere_row(visit: ExternalApplication, locale: str) -> ElsewhereRow:
    _ = gettext_for(locale)
    return ElsewhereRow(
        visit.program_key,
        program_title(visit.program_key, locale),
        _(CHANNEL_LABELS[visit.channel]) if visit.channel in CHANNEL_LABELS else "",
        moment_text(visit.last_visited_at, locale),
        visit.reported,
        _(REPORT_LABELS[visit.reported]) if visit.reported in REPORT_LABELS else _("알려 주지 않음"),
    )


class MyApplicationsState(AskingMixin, rx.State):
    """The signed-in resident's applications, newest first, with unread status changes marked."""

    loaded: bool = False
    rows: list[ApplicationRow] = []
    elsewhere: list[ElsewhereRow] = []

    @rx.event
    async def open_applications(self):
        """on_load: sign-in required."""
        locale = self._locale()
        me = await self._me()
        if me is None:
            self.rows, self.loaded = [], False
            return login_redirect(self.router.url.path, "", locale)
        mine = my_applications(actor_of(me))
        applications, unread, visits = mine.applications, mine.unread, mine.elsewhere
        self.rows = [
            ApplicationRow(
                a.id,
                program_title(a.program_key, locale),
                a.status,
                status_text(a.status, locale),
                moment_text(a.submitted_at, locale),
                moment_text(a.updated_at, locale),
                a.id in unread,
            )
            for a in applications
        ]
        self.elsewhere = [_elsewhere_row(v, locale) for v in visits]
        self.loaded = True
        return None


class ApplicationState(AskingMixin, rx.State):
    """One of the resident's own applications."""

    loaded: bool = False
    found: bool = False
    shown_id: str = ""  # the `?id=` the page's record was loaded for (components.pwa.record_for_url)
    application_id: int = 0
    title: str = ""
    status: str = ""
    status_label: str = ""
    submitted: str = ""
    receipt_no: str = ""  # 접수번호
    processing: str = ""  # the usual processing time and the expected day, while open
    asked: str = ""  # what staff asked for (more_documents) or why they decided so
    history: list[HistoryLine] = []
    answers: list[AnswerRow] = []
    official_docs: list[DocumentLine] = []
    evidence_docs: list[DocumentLine] = []
    resident_docs: list[DocumentLine] = []
    uploads: list[UploadLine] = []
    evidence: list[EvidenceView] = []
    upload_options: list[ChoiceOption] = []
    upload_key: str = ""
    upload_error: str = ""
    notice: str = ""

    def _id(self) -> int | None:
        return url_id(self.router.url.query_parameters.get("id", ""))

    def _clear(self) -> None:
        self.found, self.application_id, self.title, self.status, self.status_label = False, 0, "", "", ""
        self.submitted = self.asked = self.receipt_no = self.processing = ""
        self.history, self.answers, self.uploads, self.evidence = [], [], [], []
        self.official_docs, self.evidence_docs, self.resident_docs, self.upload_options = [], [], [], []

    def _own(self, me: Account) -> tuple[Application, ApplicationForm | None] | None:
        """The application in the URL if it is the resident's own (shown), else None (nothing shown)."""
        application_id = self._id()
        if application_id is None:
            return None
        locale = self._locale()
        page = own_application(actor_of(me), application_id)
        if page is None:
            return None  # not theirs (staff read their department's on the staff pages, audited)
        view, form, listed = page.view, page.form, page.checklist
        application = view.application
        self.found, self.application_id = True, int(application.id or 0)
        self.title = program_title(application.program_key, locale)
        self.status, self.status_label = application.status, status_text(application.status, locale)
        self.submitted = moment_text(application.submitted_at, locale)
        self.receipt_no = application.receipt_no or ""
        self.processing = processing_text(form, application.submitted_at, application.status, locale)
        self.asked = application.reason if application.status != "submitted" else ""
        self.history = history_lines(view.history, locale)
        self.answers = answer_rows(form, view.answers, locale) if form else []
        if listed is not None:
            self.official_docs, self.evidence_docs, self.resident_docs = document_lines(listed, locale)
        self.uploads = upload_lines(view.uploads, form, locale, lambda u: removable(application, u))
        self.evidence = [evidence_view(row, document, locale) for row, document in page.documents]
        self.upload_options = upload_choices(form, locale) if form else []
        if self.upload_key not in {o.value for o in self.upload_options}:
            self.upload_key = self.upload_options[0].value if self.upload_options else ""
        return application, form

    @rx.event
    async def open_application(self):
        """on_load: the resident's own application; opening it marks its changes as seen."""
        self.loaded, self.notice, self.upload_error = True, "", ""
        self._clear()
        self.shown_id = address_id(self.router.url.query)
        me = await self._me()
        if me is None:
            return login_redirect(self.router.url.path, self.router.url.query, self._locale())
        own = self._own(me)
        if own is not None:
            mark_seen(actor_of(me), own[0].id)
        return None

    @rx.event
    def choose_upload(self, key: str):
        """Which document the next file is."""
        if isinstance(key, str) and any(o.value == key for o in self.upload_options):
            self.upload_key = key

    @rx.event
    async def upload_document(self, files: list[rx.UploadFile], document_key: str = ""):
        """Add files the officials asked for (only while documents are asked for)."""
        me = await self._me()
        own = self._own(me) if me is not None else None
        if me is None or own is None:
            return None
        application, form = own
        locale = self._locale()
        self.upload_error = self.notice = ""
        if application.status != "more_documents" or form is None:
            self.upload_error = render(Message(N_("지금은 서류를 더 낼 수 없어요.")), locale)
            return None
        key = document_key if isinstance(document_key, str) and document_key else self.upload_key
        self.upload_error = upload_refusal(form, key, files, locale)
        if self.upload_error:
            return None
        _stored, self.upload_error = await keep_files(
            files,
            lambda data: add_upload(actor_of(me), key, data, application_id=application.id),
            locale,
        )
        self._own(me)
        return rx.clear_selected_files(MORE_UPLOAD_ID)

    @rx.event
    async def remove_file(self, upload_id: int):
        """Take back a file added since documents were asked for."""
        me = await self._me()
        if me is None or sent_id(upload_id) is None:
            return
        if upload_id not in {u.id for u in self.uploads if u.removable}:
            return
        try:
            remove_upload(actor_of(me), upload_id)
        except (NotFound, Forbidden):
            return
        self._own(me)

    @rx.event
    async def supply_documents(self):
        """ "다시 제출": the asked-for documents are in; the application goes back to review."""
        me = await self._me()
        own = self._own(me) if me is not None else None
        if me is None or own is None:
            return
        locale = self._locale()
        try:
            supply_documents(actor_of(me), own[0].id)
        except (NotFound, Forbidden, TransitionError):
            self.upload_error = render(Message(N_("지금은 다시 제출할 수 없어요.")), locale)
            return
        self._own(me)
        self.notice = render(Message(N_("다시 제출했어요. 담당 부서가 검토해요.")), locale)
