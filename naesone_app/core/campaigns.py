"""Campaigns: a poster, the printed benefits map (다누림맵), an event — and the landing page its QR opens.

A campaign is found by its slug (`/c/<slug>`); each printed copy of its QR code may carry a placement label
(`?src=sindang-centre`) so the district learns which poster works. What is counted is anonymous: per day,
campaign, placement and funnel step, a number — never who. The rules here are pure: what a valid slug,
label and period are (each rejection names its field), whether a campaign runs on a date, and what the
landing offers once it has ended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote

from naesone_app.core.dates import parse_iso_date
from naesone_app.core.i18n import N_, Message

SLUG_MAX = 60
LABEL_MAX = 60
TITLE_MAX = 120
TEXT_MAX = 1_000
MAX_PROGRAMMES = 12
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

KINDS = ("print", "move-in", "event", "poster")
KIND_LABELS = {
    "print": N_("인쇄물 QR (다누림맵 등)"),
    "move-in": N_("전입 주민 가입 행사"),
    "event": N_("이용자 행사"),
    "poster": N_("협력기관 포스터"),
}
SHOWS = ("programmes", "category", "courses")  # what the landing lists
SHOW_LABELS = {
    "programmes": N_("고른 혜택"),
    "category": N_("분야·생애주기의 혜택"),
    "courses": N_("자치회관 강좌"),
}
ACTIONS = ("check", "signup", "classes")  # the landing's one primary action
ACTION_LABELS = {
    "check": N_("내 혜택 확인하기"),
    "signup": N_("회원 가입하기"),
    "classes": N_("강좌 신청하기"),
}
# the funnel, in order: the QR address was opened (every load), a tab showed the landing (once per tab),
# then what the tab went on to do (each once per tab)
STEPS = ("scan", "visit", "signup", "screening", "application")
STEP_LABELS = {
    "scan": N_("QR 열림"),
    "visit": N_("페이지 방문"),
    "signup": N_("가입함"),
    "screening": N_("혜택 확인함"),
    "application": N_("신청함"),
}
QR_DOWNLOAD_PATH = "/api/campaigns/qr"  # ?slug=&format=png|svg|pdf[&src=] (campaign editors only)


class CampaignError(ValueError):
    """A campaign value that cannot be used; `field` names it (the form field, the CLI option)."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(f"{field}: {message.msgid.format(**message.params)}")
        self.field, self.message = field, message


def check_name(value: str, field: str, longest: int) -> str:
    """A slug or placement label: lower-case letters, digits and single hyphens (a-z, 0-9, -)."""
    text = (value or "").strip()
    if not text:
        raise CampaignError(field, Message(N_("비어 있어요. 입력해 주세요.")))
    if len(text) > longest:
        raise CampaignError(field, Message(N_("너무 깁니다. {n}자 이하로 입력하세요."), {"n": longest}))
    if not _NAME.match(text):
        raise CampaignError(
            field, Message(N_("영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다 (예: danurim-map-p3)."))
        )
    return text


def check_slug(value: str) -> str:
    return check_name(value, "slug", SLUG_MAX)


def check_label(value: str) -> str:
    """A placement label (`src`): the same alphabet as slugs."""
    return check_name(value, "src", LABEL_MAX)


def check_text(value: str, field: str, longest: int, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise CampaignError(field, Message(N_("비어 있어요. 입력해 주세요.")))
    if len(text) > longest:
        raise CampaignError(field, Message(N_("너무 깁니다. {n}자 이하로 입력하세요."), {"n": longest}))
    return text


def parse_day(text: str | None, field: str) -> date | None:
    """An optional YYYY-MM-DD; the rejection names the field."""
    if not text:
        return None
    try:
        return parse_iso_date(text.strip())
    except ValueError:
        raise CampaignError(field, Message(N_("날짜는 YYYY-MM-DD 형식으로 입력하세요."))) from None


def check_choice(value: str, field: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise CampaignError(
            field, Message(N_("다음 중 하나를 고르세요: {choices}"), {"choices": ", ".join(choices)})
        )
    return value


@dataclass(frozen=True, slots=True)
class CampaignDraft:
    """A campaign as given (CLI options or the staff form), validated whole by `validate`."""

    slug: str
    title_ko: str
    title_en: str = ""
    text_ko: str = ""
    text_en: str = ""
    kind: str = "print"
    starts_on: date | None = None
    ends_on: date | None = None
    shows: str = "programmes"
    programme_keys: tuple[str, ...] = ()
    category: str = ""
    action: str = "check"


def validate(draft: CampaignDraft) -> CampaignDraft:
    """The draft cleaned, or `CampaignError` naming the first field at fault (slug, title, …, until)."""
    slug = check_slug(draft.slug)
    title_ko = check_text(draft.title_ko, "title", TITLE_MAX, required=True)
    title_en = check_text(draft.title_en, "title_en", TITLE_MAX)
    text_ko = check_text(draft.text_ko, "text", TEXT_MAX)
    text_en = check_text(draft.text_en, "text_en", TEXT_MAX)
    kind = check_choice(draft.kind, "kind", KINDS)
    if draft.starts_on and draft.ends_on and draft.ends_on < draft.starts_on:
        raise CampaignError("until", Message(N_("끝나는 날이 시작하는 날보다 앞설 수 없습니다.")))
    shows = check_choice(draft.shows, "shows", SHOWS)
    keys = tuple(dict.fromkeys(k.strip() for k in draft.programme_keys if k.strip()))
    if len(keys) > MAX_PROGRAMMES:
        raise CampaignError(
            "programmes", Message(N_("혜택은 {n}개까지 고를 수 있습니다."), {"n": MAX_PROGRAMMES})
        )
    category = check_text(draft.category, "category", TITLE_MAX)
    if shows == "category" and not category:
        raise CampaignError("category", Message(N_("보여 줄 분야를 입력하세요.")))
    action = check_choice(draft.action, "action", ACTIONS)
    return CampaignDraft(slug, title_ko, title_en, text_ko, text_en, kind, draft.starts_on, draft.ends_on,
                         shows, keys, category, action)  # fmt: skip


def running_on(starts_on: date | None, ends_on: date | None, day: date) -> str:
    """ "upcoming", "running" or "ended" on `day` (Seoul date); an open bound never limits."""
    if starts_on is not None and day < starts_on:
        return "upcoming"
    if ends_on is not None and day > ends_on:
        return "ended"
    return "running"


def action_when(action: str, phase: str) -> str:
    """The landing's primary action: an ended campaign still leads somewhere useful, the benefit check."""
    return action if phase == "running" else "check"


def landing_path(slug: str, src: str = "") -> str:
    """`/c/<slug>` with `?src=<label>` when a placement is given (the label URL-encoded)."""
    path = f"/c/{quote(check_slug(slug), safe='')}"
    return path + (f"?src={quote(check_label(src), safe='')}" if src else "")


def landing_url(public_url: str, slug: str, src: str = "") -> str:
    """What the QR encodes: NAESONE_PUBLIC_URL + `/c/<slug>[?src=<label>]`."""
    return public_url.rstrip("/") + landing_path(slug, src)


def short_address(public_url: str, slug: str) -> str:
    """The address printed under the QR for people who type: no scheme, no placement."""
    return landing_url(public_url, slug).split("://", 1)[-1]


@dataclass(frozen=True, slots=True)
class Arrival:
    """The campaign and placement a tab arrived from; kept in the tab, never a person."""

    slug: str
    src: str = ""
    steps: frozenset[str] = field(default_factory=frozenset)

    def encode(self) -> str:
        """The tab's record: `slug|src|step,step` (sessionStorage holds strings)."""
        return f"{self.slug}|{self.src}|{','.join(s for s in STEPS if s in self.steps)}"

    @classmethod
    def decode(cls, text: str) -> Arrival | None:
        """The record back, or None when the tab came from no campaign (or the record is not ours)."""
        parts = (text or "").split("|")
        if len(parts) != 3:
            return None
        try:
            slug = check_slug(parts[0])
            src = check_label(parts[1]) if parts[1] else ""
        except CampaignError:
            return None
        return cls(slug, src, frozenset(s for s in parts[2].split(",") if s in STEPS))

    def with_step(self, step: str) -> Arrival:
        return Arrival(self.slug, self.src, self.steps | {step})
