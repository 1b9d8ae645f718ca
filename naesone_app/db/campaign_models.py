"""Tables of campaigns (see core/campaigns.py): the campaign, its anonymous daily counts, and the one
"how they found us" row a consenting resident's account keeps.

`campaign_count` holds numbers only — per campaign, placement, Seoul day and funnel step — so no row can
lead back to a person. `campaign_arrival` belongs to an account (ON DELETE CASCADE, in the export, gone
with the account or with the consent).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from naesone_app.db.account_models import _owner
from naesone_app.db.types import when as _when


class Campaign(SQLModel, table=True):
    """A campaign: its landing page's words, period, what it lists and its one primary action."""

    __tablename__ = "campaign"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=60, unique=True, index=True)
    title_ko: str = Field(max_length=120)
    title_en: str = Field(default="", max_length=120)
    text_ko: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    text_en: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    kind: str = Field(default="print", max_length=16)
    starts_on: date | None = None
    ends_on: date | None = None
    shows: str = Field(default="programmes", max_length=16)
    programme_keys: str = Field(
        default="", sa_column=Column(Text, nullable=False, default="")
    )  # one per line
    category: str = Field(default="", max_length=120)
    action: str = Field(default="check", max_length=16)
    created_by: int | None = Field(default=None, sa_column=_owner(nullable=True, on_delete="SET NULL"))
    created_at: datetime = Field(sa_column=_when())


class CampaignCount(SQLModel, table=True):
    """How many times one funnel step happened for a campaign's placement on one day. No identifier."""

    __tablename__ = "campaign_count"
    __table_args__ = (
        UniqueConstraint("campaign_id", "placement", "day", "step", name="uq_campaign_count_step"),
    )

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", ondelete="CASCADE", index=True)
    placement: str = Field(default="", max_length=60)  # "" when the address carried no ?src=
    day: date = Field(index=True)
    step: str = Field(max_length=16)
    count: int = 0


class CampaignArrival(SQLModel, table=True):
    """How a resident found us (campaign and placement), kept with their consent; one per account."""

    __tablename__ = "campaign_arrival"
    __table_args__ = (UniqueConstraint("account_id", name="uq_campaign_arrival_account"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    campaign_slug: str = Field(max_length=60)
    placement: str = Field(default="", max_length=60)
    recorded_at: datetime = Field(sa_column=_when())
