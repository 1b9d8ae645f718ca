"""Campaign queries: store and find campaigns, bump the anonymous daily counts, keep "how they found us".

Counts are bumped with one INSERT … ON CONFLICT DO UPDATE (as db/outbound.py does), so a crowd scanning the
same poster at once neither loses a count nor fails on the unique key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, func, select

from naesone_app.core.campaigns import STEPS, CampaignDraft
from naesone_app.core.dates import KST
from naesone_app.db.campaign_models import Campaign, CampaignArrival, CampaignCount


def _insert(session: Session, table: type) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def campaign_by_slug(session: Session, slug: str) -> Campaign | None:
    return session.exec(select(Campaign).where(Campaign.slug == slug)).first()


def add_campaign(session: Session, draft: CampaignDraft, created_by: int | None) -> Campaign:
    """Store a validated draft; `ValueError` naming the slug when it is taken (nothing stored)."""
    if campaign_by_slug(session, draft.slug) is not None:
        raise ValueError("slug")
    row = Campaign(
        slug=draft.slug, title_ko=draft.title_ko, title_en=draft.title_en, text_ko=draft.text_ko,
        text_en=draft.text_en, kind=draft.kind, starts_on=draft.starts_on, ends_on=draft.ends_on,
        shows=draft.shows, programme_keys="\n".join(draft.programme_keys), category=draft.category,
        action=draft.action, created_by=created_by, created_at=datetime.now(UTC),
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row


def all_campaigns(session: Session) -> list[Campaign]:
    """Every campaign, the newest first."""
    return list(
        session.exec(select(Campaign).order_by(col(Campaign.created_at).desc(), col(Campaign.id).desc()))
    )


def count_step(
    session: Session, campaign_id: int, placement: str, step: str, now: datetime | None = None
) -> None:
    """Add one to the day's count of `step` for the campaign's placement (Seoul date)."""
    if step not in STEPS:
        raise ValueError(f"step: expected one of {', '.join(STEPS)}, got {step!r}")
    day = (now or datetime.now(UTC)).astimezone(KST).date()
    bump = _insert(session, CampaignCount).values(
        campaign_id=campaign_id, placement=placement, day=day, step=step, count=1
    )
    session.exec(
        bump.on_conflict_do_update(
            index_elements=["campaign_id", "placement", "day", "step"],
            set_={"count": CampaignCount.count + 1},
        )
    )


@dataclass(frozen=True, slots=True)
class PlacementFunnel:
    """One placement's funnel over a period: how many times each step happened."""

    placement: str
    steps: dict[str, int]


def funnel(session: Session, campaign_id: int, since: date | None = None) -> list[PlacementFunnel]:
    """Per placement (the unlabelled one as ""), the summed count of each step, placements by name."""
    query = select(CampaignCount.placement, CampaignCount.step, func.sum(CampaignCount.count)).where(
        CampaignCount.campaign_id == campaign_id
    )
    if since is not None:
        query = query.where(CampaignCount.day >= since)
    totals: dict[str, dict[str, int]] = {}
    for placement, step, total in session.exec(query.group_by(CampaignCount.placement, CampaignCount.step)):
        totals.setdefault(placement, dict.fromkeys(STEPS, 0))[step] = int(total)
    return [PlacementFunnel(p, totals[p]) for p in sorted(totals)]


def keep_arrival(session: Session, account_id: int, slug: str, placement: str) -> None:
    """Remember how the account found us (the first campaign only)."""
    if session.exec(select(CampaignArrival).where(CampaignArrival.account_id == account_id)).first():
        return
    session.add(CampaignArrival(account_id=account_id, campaign_slug=slug, placement=placement,
                                recorded_at=datetime.now(UTC)))  # fmt: skip
    session.flush()


def forget_arrival(session: Session, account_id: int) -> None:
    session.exec(delete(CampaignArrival).where(CampaignArrival.account_id == account_id))


def export_arrival(session: Session, account_id: int) -> dict[str, Any] | None:
    row = session.exec(select(CampaignArrival).where(CampaignArrival.account_id == account_id)).first()
    if row is None:
        return None
    return {"campaign": row.campaign_slug, "placement": row.placement or None,
            "recorded_at": row.recorded_at.isoformat()}  # fmt: skip
