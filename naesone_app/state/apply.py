"""The apply page (/apply?id=…): a programme's form, prefilled from the stored profile, saved as a draft
on the server while the resident types, with its document checklist, uploads and MyData import.

Everything personal is read again from the database on every call, for the account behind the session
cookie; the programme comes from the URL, so a reconnect that hands the tab a fresh state (Reflex may)
finds the same draft.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.applications import (
    add_upload,
    draft_documents,
    remove_upload,
    save_draft,
    start,
    submit,
)
from naesone_app.actions.evidence import EvidenceError, configured_name, consent, import_document
from naesone_app.actions.identity import my_identity
from naesone_app.core.actor import Actor
from naesone_app.core.application_forms import (
    ApplicationForm,
    form_of,
    importable_kinds,
    parse_input,
    prefill,
)
from naesone_app.core.application_forms import checklist as build_checklist
from naesone_app.core.dates import seoul_today
from naesone_app.core.eligibility import evaluate
from naesone_app.core.evidence import EvidenceFormatError
from naesone_app.core.i18n import N_, Message, render
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.core.program import Program
from naesone_app.core.uploads import MAX_UPLOAD_BYTES, UploadRefused
from naesone_app.db.application_access import (
    AlreadyApplied,
    ApplicationInvalid,
    ApplicationSummary,
    EvidenceConsentMissing,
    Forbidden,
    NotFound,
)
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.state.application_views import (
    ChoiceOption,
    DocumentLine,
    FieldView,
    UploadLine,
    document_lines,
    evidence_label,
    field_views,
    missing_text,
    moment_text,
    processing_text,
    status_text,
    upload_choices,
    upload_lines,
)
from naesone_app.state.asking import AskingMixin
from naesone_app.state.campaign import note_campaign_step
from naesone_app.state.ids import address_id, sent_id
from naesone_app.state.views import sentence

MAX_KEY_LENGTH = 140
MAX_INPUT = 2000
MAX_FILES_AT_ONCE = 5
CONSENT_DAYS = 30
UPLOAD_ID = "apply-upload"


def login_redirect(router_path: str, query: str, locale: str) -> Any:
    """To the sign-in page, which brings the resident back here afterwards."""
    back = router_path + (f"?{query}" if query else "")
    return rx.redirect(("/en" if locale == "en" else "") + "/login?next=" + quote(back, safe=""))


def in_app_form(program: Program | None) -> ApplicationForm | None:
    """The form of a programme applied for in this app (channel `district` with a form), else None."""
    if program is None or program.apply_channel != "district":
        return None
    return form_of(program.extra)


def upload_refusal(form: ApplicationForm, document_key: str, files: list[Any], locale: str) -> str:
    """Why these files cannot be taken for that document of the form ("" when they can be tried)."""
    if not any(o.value == document_key for o in upload_choices(form, locale)):
        return render(Message(N_("어떤 서류인지 골라 주세요.")), locale)
    if not files:
        return render(Message(N_("올릴 파일을 골라 주세요.")), locale)
    return ""


def upload_problem(name: str, message: Message, locale: str) -> str:
    """ "id.gif: only PDF, JPG and PNG files can be uploaded." """
    return f"{name[:80]}: {render(message, locale)}" if name else render(message, locale)


async def keep_files(files: list[Any], store: Callable[[bytes], Any], locale: str) -> tuple[int, str]:
    """Store each file (an action: a transaction of its own); stop at the first refused one and say why.

    Returns (how many were stored, the message for the refused one or "")."""
    stored = 0
    for file in files[:MAX_FILES_AT_ONCE]:
        name = str(getattr(file, "name", "") or "")
        data = await file.read(MAX_UPLOAD_BYTES + 1)  # one byte over is enough to know it is too big
        try:
            store(data)
        except UploadRefused as exc:
            return stored, upload_problem(name, exc.message, locale)
        except (Forbidden, NotFound):
            return stored, render(Message(N_("한 서류에 올릴 수 있는 파일 수를 넘었어요.")), locale)
        stored += 1
    return stored, ""


# why an import was refused (db.application_access.EvidenceConsentMissing.reason), in the resident's words
CONSENT_REFUSALS = {
    "none": N_("먼저 가져오기에 동의해 주세요."),
    "withdrawn": N_("가져오기 동의를 철회해서 가져올 수 없어요. 가져오려면 다시 동의해 주세요."),
    "expired": N_("가져오기 동의 기간이 끝나서 가져올 수 없어요. 가져오려면 다시 동의해 주세요."),
}


class ApplyState(AskingMixin, rx.State):
    """One resident's application form for the programme in the URL."""

    loaded: bool = False
    found: bool = False
    shown_id: str = ""  # the `?id=` the form was loaded for (components.pwa.record_for_url)
    title: str = ""
    program_key: str = ""
    fields: list[FieldView] = []
    form_version: int = 0  # bumped when answers are (re)loaded, so the inputs show them
    official_docs: list[DocumentLine] = []
    evidence_docs: list[DocumentLine] = []
    resident_docs: list[DocumentLine] = []
    uploads: list[UploadLine] = []
    upload_options: list[ChoiceOption] = []
    upload_key: str = ""
    upload_error: str = ""
    upload_notice: str = ""
    eligibility: str = ""  # eligible | maybe | ineligible | "" (no profile)
    unmet: list[str] = []
    evidence_name: str = ""  # the MyData documents this form can use, named
    mydata_available: bool = False
    consent_until: str = ""
    consent_scope: str = ""
    evidence_notice: str = ""
    evidence_error: str = ""
    draft_note: str = ""
    submit_error: str = ""
    missing_note: str = ""
    submitted: bool = False
    submitted_id: int = 0
    receipt_no: str = ""  # 접수번호 of the application just submitted
    processing: str = ""  # how long it usually takes, and the expected day
    # the resident's active application for this programme: shown instead of a blank form
    existing_id: int = 0
    existing_status: str = ""
    existing_label: str = ""
    existing_receipt: str = ""
    existing_submitted: str = ""
    _submit_key: str = ""

    # --- helpers -------------------------------------------------------------------------------------

    def _key(self) -> str:
        """The programme of this page, from the URL (so a fresh state after a reconnect still knows it)."""
        return str(self.router.url.query_parameters.get("id", ""))[:MAX_KEY_LENGTH]

    def _program(self) -> tuple[Program, ApplicationForm] | None:
        program = CATALOG.program(self._key())
        form = in_app_form(program)
        return None if form is None or program is None else (program, form)

    def _scope(self, program: Program) -> str:
        title = program.text("ko").title
        return f"신청서 작성 증빙: {title}"[:200]

    def _refresh_documents(self, actor: Actor, form: ApplicationForm) -> None:
        """Checklist, files and MyData consent as stored now."""
        locale, key = self._locale(), self._key()
        documents = draft_documents(actor, key, configured_name(), importable_kinds(form))
        files, held, consent = documents.files, documents.held, documents.consent
        listed = build_checklist(form, frozenset(u.document_key for u in files), held)
        self.official_docs, self.evidence_docs, self.resident_docs = document_lines(listed, locale)
        self.uploads = upload_lines(files, form, locale, lambda _u: True)
        self.missing_note = missing_text(form, listed.missing, locale)
        self.consent_until = (
            render(Message(N_("동의함 · {date}까지 유효"), {"date": consent.expires_at.date()}), locale)
            if consent
            else ""
        )

    def _show_answers(
        self,
        form: ApplicationForm,
        answers: dict[str, Any],
        prefilled: dict[str, Any],
        errors: dict[str, str],
    ) -> None:
        self.fields = field_views(form, answers, prefilled, errors, self._locale())

    def _answers(self, actor: Actor, form: ApplicationForm) -> tuple[dict[str, Any], dict[str, Any]]:
        """(answers to show, the values the profile prefilled): the draft wins over the profile."""
        begun = start(actor, self._key())
        profile, draft = begun.profile, begun.draft
        filled = prefill(form, profile)
        return {**filled, **(draft or {})}, filled

    def _decide(self, program: Program, profile: dict[str, Any]) -> None:
        self.eligibility, self.unmet = "", []
        try:
            facts = facts_on(parse_profile(profile), seoul_today())
        except ProfileError:
            return
        if not profile:
            return
        result = evaluate(program, facts)
        self.eligibility = result.status
        self.unmet = [
            sentence(render(v.detail, self._locale())) for v in result.criteria if v.status == "unmet"
        ]

    def _show_existing(self, application: ApplicationSummary | None) -> None:
        """Show the active application (or none) in place of the form."""
        locale = self._locale()
        if application is None:
            self.existing_id, self.existing_status, self.existing_label = 0, "", ""
            self.existing_receipt = self.existing_submitted = ""
            return
        self.existing_id, self.existing_status = application.id, application.status
        self.existing_label = status_text(application.status, locale)
        self.existing_receipt = application.receipt_no
        self.existing_submitted = moment_text(application.submitted_at, locale)
        self.fields = []

    # --- handlers ------------------------------------------------------------------------------------

    @rx.event
    async def open_apply(self):
        """on_load: sign-in required; show the form with the draft (or the profile's facts) filled in."""
        locale = self._locale()
        self.loaded, self.submitted, self.submitted_id, self.submit_error = True, False, 0, ""
        self.receipt_no = self.processing = ""
        self._show_existing(None)
        self.upload_error = self.upload_notice = self.evidence_notice = self.evidence_error = ""
        self.draft_note = ""
        self.shown_id = address_id(self.router.url.query)
        found = self._program()
        self.found = found is not None
        if found is None:
            self.fields, self.title, self.program_key = [], "", ""
            return None
        program, form = found
        me = await self._me()
        if me is None:
            self.fields = []
            return login_redirect(self.router.url.path, self.router.url.query, locale)
        self.title, self.program_key = program.text(locale).title, program.key
        begun = start(actor_of(me), program.key)
        active, profile, draft = begun.active, begun.profile, begun.draft
        self._show_existing(active)
        if active is not None:
            return None
        filled = prefill(form, profile)
        answers, had_draft = {**filled, **(draft or {})}, draft is not None
        self._decide(program, profile)
        self._show_answers(form, answers, filled, {})
        self.form_version += 1
        self.draft_note = (
            render(Message(N_("저장해 둔 작성 내용을 불러왔어요.")), locale) if had_draft else ""
        )
        self.upload_options = upload_choices(form, locale)
        self.upload_key = self.upload_options[0].value if self.upload_options else ""
        kinds = importable_kinds(form)
        self.evidence_name = ", ".join(evidence_label(k, locale) for k in kinds)
        self.mydata_available = bool(kinds) and configured_name() is not None
        self.consent_scope = render(
            Message(N_("{program} 신청서 작성과 자격 확인에만 씁니다."), {"program": self.title}), locale
        )
        self._refresh_documents(actor_of(me), form)
        self._submit_key = secrets.token_urlsafe(24)  # one per form view: a double click submits once
        return None

    @rx.event
    async def save_field(self, name: str, value: Any):
        """Keep one answer in the server-side draft (on blur or change), checking it as it is saved."""
        me, found = await self._me(), self._program()
        if me is None or found is None or not isinstance(name, str) or self.submitted:
            return
        program, form = found
        target = form.field(name)
        if target is None or (isinstance(value, str) and len(value) > MAX_INPUT):
            return
        typed, problem = parse_input(target, value)
        answers, filled = self._answers(actor_of(me), form)
        errors = {f.name: f.error for f in self.fields if f.error and f.name != name}
        if problem is not None:
            errors[name] = render(problem, self._locale())
        else:
            answers.pop(name, None)
            if typed is not None:
                answers[name] = typed
            try:
                save_draft(actor_of(me), program.key, form, answers)
            except ApplicationInvalid as exc:
                errors.update({k: render(m, self._locale()) for k, m in exc.errors.items()})
            else:
                self.draft_note = render(Message(N_("작성 중인 내용이 저장되었어요.")), self._locale())
        shown = dict(answers)
        if problem is not None and isinstance(value, str):
            shown[name] = value  # keep what they typed in the box, with the message under it
        self._show_answers(form, shown, filled, errors)

    @rx.event
    def choose_upload(self, key: str):
        """Which document the next file is (the choice is checked again when the file arrives)."""
        if isinstance(key, str) and any(o.value == key for o in self.upload_options):
            self.upload_key = key

    @rx.event
    async def upload_document(self, files: list[rx.UploadFile], document_key: str = ""):
        """Store the chosen files for the draft; a refused file stores nothing and says why."""
        me, found = await self._me(), self._program()
        if me is None or found is None or self.submitted:
            return None
        program, form = found
        locale = self._locale()
        self.upload_error = self.upload_notice = ""
        key = document_key if isinstance(document_key, str) and document_key else self.upload_key
        self.upload_error = upload_refusal(form, key, files, locale)
        if self.upload_error:
            return None
        stored, self.upload_error = await keep_files(
            files,
            lambda data: add_upload(actor_of(me), key, data, program_key=program.key),
            locale,
        )
        if stored:
            self.upload_notice = render(Message(N_("파일 {count}개를 올렸어요."), {"count": stored}), locale)
        self._refresh_documents(actor_of(me), form)
        return rx.clear_selected_files(UPLOAD_ID)

    @rx.event
    async def remove_file(self, upload_id: int):
        """Take back one of this draft's files before submitting."""
        me, found = await self._me(), self._program()
        if me is None or found is None or sent_id(upload_id) is None:
            return
        if upload_id not in {u.id for u in self.uploads}:
            return  # only files listed on this page (of this programme's draft)
        try:
            remove_upload(actor_of(me), upload_id)
        except (NotFound, Forbidden):
            return
        self.upload_notice = render(Message(N_("파일을 뺐어요.")), self._locale())
        self._refresh_documents(actor_of(me), found[1])

    @rx.event
    async def give_evidence_consent(self):
        """Record the resident's consent (the scope and expiry shown beside the button) to import."""
        me, found = await self._me(), self._program()
        provider = configured_name()
        if me is None or found is None or provider is None or not importable_kinds(found[1]):
            return
        program, form = found
        consent(
            actor_of(me), provider, importable_kinds(form), self._scope(program), timedelta(days=CONSENT_DAYS)
        )
        self.evidence_error = ""
        self._refresh_documents(actor_of(me), form)

    def _import_each(self, actor: Actor, kinds: list[str]) -> tuple[dict[str, Any], list[str], list[str]]:
        """Import every kind (each in its own transaction): (the facts they prove, the kinds imported,
        the kinds the provider could not hand over). `EvidenceConsentMissing` stops at the first."""
        facts: dict[str, Any] = {}
        imported, failed = [], []
        for kind in kinds:
            try:
                done = import_document(actor, kind)
            except (EvidenceError, EvidenceFormatError):
                failed.append(kind)
                continue
            if done is not None:
                facts = {**facts, **done.document.facts}  # for the form (situations are not asked there)
                imported.append(kind)
        return facts, imported, failed

    @rx.event
    async def import_document(self):
        """Import the form's MyData documents under the consent; they tick the checklist and fill the
        profile's facts. A document the provider does not have (not every resident has a 수급자 증명)
        is named; the others still come."""
        me, found = await self._me(), self._program()
        if me is None or found is None or configured_name() is None or not importable_kinds(found[1]):
            return
        program, form = found
        locale = self._locale()
        self.evidence_notice = self.evidence_error = ""
        try:
            facts, imported, failed = self._import_each(actor_of(me), importable_kinds(form))
        except EvidenceConsentMissing as refused:
            self.evidence_error = render(Message(CONSENT_REFUSALS[refused.reason]), locale)
            self._refresh_documents(actor_of(me), form)
            return
        if failed and not imported:
            self.evidence_error = render(
                Message(N_("지금은 서류를 가져올 수 없어요. 잠시 뒤 다시 해 보거나 파일로 올려 주세요.")),
                locale,
            )
            return
        if failed:
            self.evidence_error = render(
                Message(
                    N_(
                        "{documents}은(는) 지금 가져올 수 없어요. 발급 대상이 아니거나 연결이 안 돼요. 필요하면 파일로 올려 주세요."
                    ),
                    {"documents": ", ".join(evidence_label(k, locale) for k in failed)},
                ),
                locale,
            )
        if not imported:
            return
        answers, filled = self._answers(actor_of(me), form)
        fresh = prefill(form, facts)
        for name, value in fresh.items():  # facts proved by the documents fill empty or prefilled fields
            if answers.get(name) in (None, filled.get(name)):
                answers[name] = value
        save_draft(actor_of(me), program.key, form, answers)
        profile = start(actor_of(me), program.key).profile
        self._decide(program, profile)
        self._show_answers(form, answers, {**filled, **fresh}, {})
        self.form_version += 1
        self.evidence_notice = render(
            Message(
                N_("{document}을(를) 가져왔어요. 확인된 내용이 신청서에 채워졌어요."),
                {"document": ", ".join(evidence_label(k, locale) for k in imported)},
            ),
            locale,
        )
        self._refresh_documents(actor_of(me), form)

    @rx.event
    async def submit_application(self):
        """Submit once (the key of this form view makes a double click or a retry one application)."""
        me, found = await self._me(), self._program()
        if me is None or found is None:
            return
        program, form = found
        locale = self._locale()
        if not self._submit_key:  # a fresh state after a reconnect: a new view of the form
            self._submit_key = secrets.token_urlsafe(24)
        answers, filled = self._answers(actor_of(me), form)
        identity = my_identity(actor_of(me))
        if identity is None or not identity.complete:  # staff must be able to tell who applied
            self.submit_error = render(
                Message(N_("신청하는 분의 이름과 생년월일을 먼저 저장해 주세요.")), locale
            )
            return
        try:
            done = submit(actor_of(me), program.key, form, answers, self._submit_key)
            application_id, receipt_no = done.id, done.receipt_no
            processing = processing_text(form, done.application.submitted_at, done.application.status, locale)
        except AlreadyApplied as exc:  # another tab or view submitted first: show that one
            self._show_existing(exc.application)
            return
        except ApplicationInvalid as exc:
            errors = {k: render(m, locale) for k, m in exc.errors.items()}
            self._show_answers(form, answers, filled, errors)
            self.submit_error = render(
                Message(N_("고칠 항목이 있어요: {count}개"), {"count": len(errors)}), locale
            )
            return
        self.submitted, self.submitted_id, self.submit_error = True, int(application_id or 0), ""
        await note_campaign_step(self, "application")  # the tab's campaign funnel, anonymously
        self.receipt_no, self.processing = receipt_no, processing
        self.uploads = []
