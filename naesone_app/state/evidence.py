"""공공 마이데이터 동의 on /account: the resident's evidence consents and imported documents.

Every handler works on the signed-in account only: a consent or document id sent by the page is looked up
as that account's (db.evidence / db.applications answer `NotFound` for anyone else's), so another
resident's id changes nothing.
"""

from __future__ import annotations

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.evidence import delete_document, held, withdraw_consent
from naesone_app.core.i18n import N_, Message, render
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import Forbidden, NotFound
from naesone_app.state.asking import AskingMixin
from naesone_app.state.evidence_views import ConsentRow, HeldRow, consent_row, held_row
from naesone_app.state.ids import sent_id


class EvidenceConsentState(AskingMixin, rx.State):
    """Filled only for the account behind this browser's session cookie."""

    consents: list[ConsentRow] = []
    documents: list[HeldRow] = []
    notice: str = ""

    def _show(self, me: Account) -> None:
        locale = self._locale()
        consents, documents = held(actor_of(me))
        self.consents = [consent_row(c, locale) for c in consents]
        self.documents = [held_row(h, locale) for h in documents]

    @rx.event
    async def open_evidence(self):
        """on_load of /account (which sends anonymous visitors to sign in)."""
        self.consents, self.documents, self.notice = [], [], ""
        me = await self._me()
        if me is not None:
            self._show(me)

    @rx.event
    async def withdraw(self, consent_id: int):
        """동의 철회: no further import under this consent; imported documents stay until deleted."""
        me = await self._me()
        key = sent_id(consent_id)
        if me is None or key is None:
            return
        try:
            withdraw_consent(actor_of(me), key)
        except NotFound:
            return
        self._show(me)
        self.notice = render(
            Message(N_("동의를 철회했어요. 이제 이 동의로는 서류를 가져오지 않아요.")), self._locale()
        )

    @rx.event
    async def delete(self, document_id: int):
        """Delete an imported document that no application was submitted with."""
        me = await self._me()
        key = sent_id(document_id)
        if me is None or key is None:
            return
        try:
            delete_document(actor_of(me), key)
        except NotFound:
            return
        except Forbidden:
            self.notice = render(Message(N_("신청서와 함께 제출한 서류는 지울 수 없어요.")), self._locale())
            return
        self._show(me)
        self.notice = render(Message(N_("가져온 서류를 지웠어요.")), self._locale())
