"""Password reset at the 주민센터 counter for a resident whose phone-number account cannot get a text.

Staff find the account by its phone number, confirm they checked the resident's ID, and the app issues
the same one-time, 30-minute reset link as by mail or text (db.accounts.staff_reset: audited, role
checked). The link goes to the resident's phone by text when a provider is configured; the staff member
also sees it once, to open on the resident's phone or to print, and it is gone from the page on the next
load. The handler checks the role of whoever asks, whatever the page shows.
"""

from __future__ import annotations

import os
from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.accounts import reset_at_counter
from naesone_app.core.accounts import AccountError
from naesone_app.core.i18n import N_, Message, render
from naesone_app.state.asking import AskingMixin
from naesone_app.state.session import mask_login


class CounterResetState(AskingMixin, rx.State):
    """The counter reset form of /staff; empty for anyone but staff."""

    field_errors: dict[str, str] = {}
    notice: str = ""
    link: str = ""  # shown once to the staff member who issued it

    @rx.event
    def clear(self):
        """on_load of /staff: no link from an earlier reset stays on the page."""
        self.field_errors, self.notice, self.link = {}, "", ""

    @rx.event
    async def reset_at_counter(self, form: dict[str, Any]):
        """Issue a reset for the phone number in the form, once staff confirm the ID check."""
        staff = await self._staff()
        self.field_errors, self.notice, self.link = {}, "", ""
        if staff is None or not isinstance(form, dict):
            return
        locale = self._locale()
        phone = form.get("reset_login") if isinstance(form.get("reset_login"), str) else ""
        checked = form.get("reset_id_checked") in (True, "on", "true")
        prefix = "/en" if locale == "en" else ""
        base = os.environ.get(
            "NAESONE_PUBLIC_URL", f"http://localhost:{os.environ.get('NAESONE_PORT', '3000')}"
        )
        try:
            issued = reset_at_counter(actor_of(staff), phone[:40], checked,
                                      lambda token: f"{base.rstrip('/')}{prefix}/reset/confirm?token={token}", locale)  # fmt: skip
        except AccountError as exc:
            self.field_errors = {"reset_" + exc.field: render(exc.message, locale)}
            return
        except PermissionError:
            return
        self.link, login, texted = issued.link, issued.login, issued.texted
        sent = N_("{login}에 재설정 링크를 문자로 보냈어요. 30분 동안 한 번 쓸 수 있어요.")
        shown = N_(
            "재설정 링크를 만들었어요 ({login}). 30분 동안 한 번 쓸 수 있어요. 주민의 휴대전화에서 열어 주세요."
        )
        self.notice = render(Message(sent if texted else shown, {"login": mask_login(login)}), locale)
