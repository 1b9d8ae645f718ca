"""Staff: the campaigns, each placement's anonymous funnel, the form that creates one, the QR downloads.

Only campaign editors (admins, and editors once that role exists) see or change anything: every handler
asks the action, which checks the actor. The counts hold no personal data, so reading them is not audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import reflex as rx

from naesone_app.actions import actor_of
from naesone_app.actions.campaigns import CampaignSummary, campaigns_for_staff, create_campaign, public_url
from naesone_app.core.actor import NotAllowed
from naesone_app.core.campaigns import (
    KIND_LABELS,
    STEPS,
    CampaignDraft,
    CampaignError,
    landing_url,
    parse_day,
    running_on,
)
from naesone_app.core.dates import seoul_today
from naesone_app.core.i18n import N_, Message, format_date, render
from naesone_app.state.asking import AskingMixin

MAX_FIELD = 1_200
PHASE_LABELS = {
    "running": N_("진행 중인 캠페인"),
    "upcoming": N_("시작 전 캠페인"),
    "ended": N_("끝난 캠페인"),
}


@dataclass
class FunnelRow:
    """One placement's counts, step by step (scan → visit → sign-up → screening → application)."""

    placement: str = ""
    label: str = ""  # the placement, or "(표시 없음)" for the address without ?src=
    counts: list[int] = field(default_factory=list)


@dataclass
class CampaignLine:
    """A campaign on the staff page."""

    slug: str = ""
    title: str = ""
    kind: str = ""
    period: str = ""
    phase: str = ""
    address: str = ""
    funnel: list[FunnelRow] = field(default_factory=list)


def _period(summary: CampaignSummary, locale: str) -> str:
    draft = summary.campaign.draft
    start = format_date(draft.starts_on, locale) if draft.starts_on else ""
    end = format_date(draft.ends_on, locale) if draft.ends_on else ""
    return f"{start} ~ {end}" if start or end else render(Message(N_("기간을 정하지 않음")), locale)


def campaign_line(summary: CampaignSummary, locale: str) -> CampaignLine:
    draft = summary.campaign.draft
    unlabelled = render(Message(N_("(게시 위치 표시 없음)")), locale)
    return CampaignLine(
        slug=draft.slug,
        title=draft.title_en if locale == "en" and draft.title_en else draft.title_ko,
        kind=render(Message(KIND_LABELS[draft.kind]), locale),
        period=_period(summary, locale),
        phase=render(
            Message(PHASE_LABELS[running_on(draft.starts_on, draft.ends_on, seoul_today())]), locale
        ),
        address=landing_url(public_url(), draft.slug),
        funnel=[
            FunnelRow(p.placement, p.placement or unlabelled, [p.steps[s] for s in STEPS])
            for p in summary.placements
        ],
    )


def _text(form: dict[str, Any], name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


class StaffCampaignsState(AskingMixin, rx.State):
    """The staff page's campaigns and the create form's messages."""

    allowed: bool = False
    loaded: bool = False
    campaigns: list[CampaignLine] = []
    field_errors: dict[str, str] = {}
    notice: str = ""

    async def _editor(self):
        me = await self._me()
        return None if me is None else actor_of(me)

    @rx.event
    async def open_staff_campaigns(self):
        """on_load: every campaign with its funnel, for editors and admins only."""
        self.field_errors, self.notice = {}, ""
        await self._load()

    async def _load(self) -> None:
        actor = await self._editor()
        self.loaded = True
        try:
            summaries = campaigns_for_staff(actor) if actor is not None else None
        except NotAllowed:
            summaries = None
        self.allowed = summaries is not None
        self.campaigns = [campaign_line(s, self._locale()) for s in summaries or []]

    @rx.event
    async def create(self, form: dict[str, Any]):
        """Create a campaign from the form; the message goes next to the field at fault."""
        actor = await self._editor()
        if actor is None or not isinstance(form, dict) or any(len(str(v)) > MAX_FIELD for v in form.values()):
            return
        locale = self._locale()
        try:
            draft = CampaignDraft(
                slug=_text(form, "slug"), title_ko=_text(form, "title"), title_en=_text(form, "title_en"),
                text_ko=_text(form, "text"), text_en=_text(form, "text_en"), kind=_text(form, "kind"),
                starts_on=parse_day(_text(form, "from"), "from"), ends_on=parse_day(_text(form, "until"), "until"),
                shows=_text(form, "shows"), programme_keys=tuple(_text(form, "programmes").replace(",", " ").split()),
                category=_text(form, "category"), action=_text(form, "action"),
            )  # fmt: skip
            stored = create_campaign(actor, draft)
        except CampaignError as exc:
            self.field_errors = {exc.field: render(exc.message, locale)}
            self.notice = ""
            return
        except NotAllowed:
            self.allowed = False
            return
        self.field_errors = {}
        self.notice = render(Message(N_("캠페인을 만들었어요: {slug}"), {"slug": stored.draft.slug}), locale)
        await self._load()
