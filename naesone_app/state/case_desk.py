"""Beside one case (/staff/application?id=N): who has it (take it, hand it to a colleague, let it go)
and the officers' internal memos. Nothing here is ever on a resident's page.

Every handler asks who is calling; actions/queue.py checks the case is of the officer's department.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.queue import assign, case_desk, write_memo
from naesone_app.core.actor import NotAllowed
from naesone_app.core.i18n import N_, Message, render
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import NotFound
from naesone_app.db.queue import MAX_MEMO
from naesone_app.state.application_views import moment_text
from naesone_app.state.asking import AskingMixin
from naesone_app.state.ids import url_id
from naesone_app.state.staff_queue import Option


@dataclass
class MemoLine:
    id: int = 0
    at: str = ""  # Seoul time
    author: str = ""
    text: str = ""


class CaseDeskState(AskingMixin, rx.State):
    """The case's 담당 and memos, for the officers who may see the case."""

    shown: bool = False
    application_id: int = 0
    assigned_to: str = ""  # the assignee's account id in digits, "" when nobody
    assignee: str = ""
    mine: bool = False
    officers: list[Option] = []
    memos: list[MemoLine] = []
    memo_text: str = ""
    memo_error: str = ""
    desk_notice: str = ""

    def _clear(self) -> None:
        self.shown, self.application_id, self.assigned_to, self.assignee, self.mine = False, 0, "", "", False
        self.officers, self.memos, self.memo_text, self.memo_error, self.desk_notice = [], [], "", "", ""

    def _show(self, staff: Account, application_id: int) -> None:
        locale = self._locale()
        try:
            desk = case_desk(actor_of(staff), application_id)
        except (NotFound, NotAllowed):
            self._clear()
            return
        self.shown, self.application_id = True, application_id
        self.assigned_to = str(desk.assigned_to) if desk.assigned_to else ""
        self.assignee, self.mine = desk.assignee, desk.assigned_to == staff.id
        self.officers = [Option(str(i), login) for i, login in desk.officers]
        self.memos = [MemoLine(m.id, moment_text(m.at, locale), m.author or "-", m.text) for m in desk.memos]

    @rx.event
    async def open_desk(self):
        """on_load of the case page: the case's assignment and memos (nothing for anyone else)."""
        self._clear()
        staff = await self._staff()
        application_id = url_id(self.router.url.query_parameters.get("id", ""))
        if staff is not None and application_id is not None:
            self._show(staff, application_id)

    async def _assign(self, assignee_id: int | None, said: str) -> None:
        staff = await self._staff()
        if staff is None or not self.application_id:
            return
        locale = self._locale()
        try:
            assign(actor_of(staff), self.application_id, assignee_id)
        except (NotFound, NotAllowed):
            self.desk_notice = render(Message(N_("이 신청을 맡길 수 없어요.")), locale)
            return
        self._show(staff, self.application_id)
        self.desk_notice = render(Message(said), locale)

    @rx.event
    async def take(self):
        """내가 맡기."""
        staff = await self._staff()
        if staff is not None:
            await self._assign(int(staff.id or 0), N_("신청을 맡았어요."))

    @rx.event
    async def hand_over(self, form: dict[str, Any]):
        """맡기기: to the colleague chosen."""
        chosen = form.get("assignee") if isinstance(form, dict) else None
        if isinstance(chosen, str) and chosen.isdigit():
            await self._assign(int(chosen), N_("담당자를 바꿨어요."))

    @rx.event
    async def release(self):
        """담당 해제: nobody has the case."""
        await self._assign(None, N_("담당을 해제했어요."))

    @rx.event
    def set_memo_text(self, text: str):
        if isinstance(text, str):
            self.memo_text = text[:MAX_MEMO]

    @rx.event
    async def add_memo(self):
        """메모 남기기: the memo, its author and the Seoul time; never shown to the resident."""
        staff = await self._staff()
        if staff is None or not self.application_id:
            return
        locale = self._locale()
        try:
            write_memo(actor_of(staff), self.application_id, self.memo_text)
        except ValueError:
            self.memo_error = render(Message(N_("메모 내용을 적어 주세요.")), locale)
            return
        except (NotFound, NotAllowed):
            self.memo_error = render(Message(N_("이 신청에 메모를 남길 수 없어요.")), locale)
            return
        self.memo_text, self.memo_error = "", ""
        self._show(staff, self.application_id)
        self.desk_notice = render(Message(N_("메모를 남겼어요.")), locale)
