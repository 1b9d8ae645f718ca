"""What the district and the landing page do with campaigns: create one (editors and admins, or the
CLI as a job), read one for its landing page, count an anonymous funnel step, list them with their
funnels for the staff page, and keep "how they found us" with a consenting resident's new account."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from naesone_app.actions.campaign_print import FORMATS, print_file
from naesone_app.core.actor import Actor, require_editor
from naesone_app.core.campaigns import (
    Arrival,
    CampaignDraft,
    CampaignError,
    check_choice,
    check_label,
    check_slug,
    landing_url,
    short_address,
    validate,
)
from naesone_app.core.i18n import N_, Message
from naesone_app.db.audit import audit
from naesone_app.db.campaign_models import Campaign
from naesone_app.db.campaigns import (
    PlacementFunnel,
    add_campaign,
    all_campaigns,
    campaign_by_slug,
    count_step,
    funnel,
    keep_arrival,
)
from naesone_app.db.engine import transaction

ARRIVAL_CONSENT = "campaign_source"  # the optional consent under which "how they found us" is kept


@dataclass(frozen=True, slots=True)
class StoredCampaign:
    """A campaign as stored (the draft's fields, validated) with its id."""

    id: int
    draft: CampaignDraft


def _stored(row: Campaign) -> StoredCampaign:
    keys = tuple(k for k in row.programme_keys.splitlines() if k)
    return StoredCampaign(int(row.id or 0), CampaignDraft(
        row.slug, row.title_ko, row.title_en, row.text_ko, row.text_en, row.kind, row.starts_on, row.ends_on,
        row.shows, keys, row.category, row.action,
    ))  # fmt: skip


def _editor(actor: Actor) -> int | None:
    """The acting editor's id (None for a job such as the CLI); `NotAllowed` for anyone else."""
    return None if actor.is_job else require_editor(actor)


def create_campaign(actor: Actor, draft: CampaignDraft) -> StoredCampaign:
    """Validate and store a campaign (audited); `CampaignError` names the field, nothing is stored."""
    editor = _editor(actor)
    clean = validate(draft)
    with transaction() as session:
        try:
            row = add_campaign(session, clean, editor)
        except ValueError:
            raise CampaignError("slug", Message(N_("이미 있는 주소입니다. 다른 주소를 정하세요."))) from None
        audit(session, editor, "campaign.created", None, clean.slug)
        return _stored(row)


def campaign(slug: str) -> StoredCampaign | None:
    """The campaign a landing address names (public: its words are on posters), or None."""
    with transaction() as session:
        row = campaign_by_slug(session, slug)
        return None if row is None else _stored(row)


def count(slug: str, placement: str, step: str) -> bool:
    """Count one anonymous funnel step for a campaign's placement today; False for an unknown slug."""
    with transaction() as session:
        return _count(session, slug, placement, step)


def _count(session: Session, slug: str, placement: str, step: str) -> bool:
    row = campaign_by_slug(session, slug)
    if row is None:
        return False
    count_step(session, int(row.id or 0), placement, step)
    return True


@dataclass(frozen=True, slots=True)
class CampaignSummary:
    """A campaign on the staff page, with each placement's funnel."""

    campaign: StoredCampaign
    placements: list[PlacementFunnel]


def campaigns_for_staff(actor: Actor, since: date | None = None) -> list[CampaignSummary]:
    """Every campaign with its funnel per placement (numbers only: nobody is named)."""
    _editor(actor)
    with transaction() as session:
        return [CampaignSummary(_stored(row), funnel(session, int(row.id or 0), since))
                for row in all_campaigns(session)]  # fmt: skip


def note_sign_up(session: Session, account_id: int, arrival: Arrival | None, consented: bool) -> None:
    """Inside the sign-up's transaction: count the step; keep the campaign with the account only when the
    resident gave the consent for it (`sign_up` in actions/accounts calls this)."""
    if arrival is None or not _count(session, arrival.slug, arrival.src, "signup"):
        return
    if consented:
        keep_arrival(session, account_id, arrival.slug, arrival.src)


def public_url() -> str:
    """Where residents reach the app (NAESONE_PUBLIC_URL; the local server when unset)."""
    return os.environ.get("NAESONE_PUBLIC_URL", f"http://localhost:{os.environ.get('NAESONE_PORT', '3000')}")


@dataclass(frozen=True, slots=True)
class PrintFile:
    """A QR print file: its bytes, what the code says and a file name for the download."""

    content: bytes
    encodes: str
    filename: str


def qr_file(actor: Actor, slug: str, fmt: str, src: str = "") -> PrintFile:
    """The campaign's QR as PNG, SVG or the A4 PDF sheet, for one placement when `src` is given.
    `CampaignError` names the field at fault (slug, src, format); `PrintError` when no font is here."""
    _editor(actor)
    check_choice(fmt, "format", FORMATS)
    label = check_label(src) if src else ""
    found = campaign(check_slug(slug))
    if found is None:
        raise CampaignError("slug", Message(N_("그런 캠페인이 없습니다.")))
    base = public_url()
    encodes = landing_url(base, found.draft.slug, label)
    content = print_file(fmt, encodes, found.draft.title_ko, short_address(base, found.draft.slug))
    name = f"{found.draft.slug}{'-' + label if label else ''}.{fmt}"
    return PrintFile(content, encodes, name)
