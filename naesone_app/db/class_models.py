"""Tables of 자치회관 classes: centres (the 15 동), rooms, courses and registrations.

Registrations hang off `account` with ON DELETE CASCADE like everything personal (see account_models);
the rules they follow (reductions, refunds, lottery, quotas) are pure code in core/classes.py.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from naesone_app.db.account_models import _owner
from naesone_app.db.models import _now
from naesone_app.db.types import when as _when


def _parent(table: str, nullable: bool = False) -> Column:
    return Column(Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable, index=True)


class ClassCentre(SQLModel, table=True):
    """A 동 주민센터 / 자치회관 (one per 동, keyed by the dong code of core/dongs.py)."""

    __tablename__ = "class_centre"

    id: int | None = Field(default=None, primary_key=True)
    dong: str = Field(max_length=16, unique=True, index=True)
    name_ko: str = Field(max_length=100)
    name_en: str = Field(default="", max_length=100)
    address: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)


class ClassRoom(SQLModel, table=True):
    """A room of a centre (강당, 프로그램실 …)."""

    __tablename__ = "class_room"
    __table_args__ = (UniqueConstraint("centre_id", "name", name="uq_class_room_centre_name"),)

    id: int | None = Field(default=None, primary_key=True)
    centre_id: int = Field(sa_column=_parent("class_centre"))
    name: str = Field(max_length=100)
    seats: int = 0


class Course(SQLModel, table=True):
    """A course of one quarter, its schedule, its fees, its sign-up window and how seats are given.

    mode: first_come | lottery | returning_priority. priority_rules is a JSON list of quotas such as
    [{"age_min": 65, "seats": 5}]. status: open | closed | drawn | cancelled.
    """

    __tablename__ = "course"
    __table_args__ = (UniqueConstraint("code", name="uq_course_code"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60)  # stable key for sample and imported courses
    centre_id: int = Field(sa_column=_parent("class_centre"))
    room_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("class_room.id", ondelete="SET NULL"), nullable=True),
    )
    title_ko: str = Field(max_length=200)
    title_en: str = Field(default="", max_length=200)
    category: str = Field(default="", max_length=40)
    quarter: str = Field(max_length=8, index=True)  # e.g. 2026Q1
    schedule: str = Field(default="", max_length=200)  # weekday and time, as text
    instructor: str = Field(default="", max_length=100)
    capacity: int
    minimum_enrolment: int = 0
    fee_krw: int = 0
    materials_fee_krw: int = 0
    opens_at: datetime = Field(sa_column=_when())
    closes_at: datetime = Field(sa_column=_when())
    returning_until: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    starts_on: date
    ends_on: date
    sessions: int = 12
    mode: str = Field(default="first_come", max_length=24)
    priority_rules: str = Field(default="[]", sa_type=Text)
    lottery_seed: int | None = None
    status: str = Field(default="open", max_length=16)
    sample: bool = False
    # when the minimum-enrolment check ran and the course went ahead (so a later drop never closes it)
    minimum_checked_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))


class Registration(SQLModel, table=True):
    """One resident's place (or wish for one) on a course.

    status: confirmed | waitlisted | held | cancelled | lottery_pending. position orders the waitlist
    (1 = next) and the lottery applicants' arrival; the idempotency key is unique per account and course.
    quota_codes (JSON list) are the priority quotas the resident met when signing up, so a waitlist
    promotion or a draw can respect quotas without reading profiles again. A confirmed seat with a fee is
    "payment due" until paid_at is recorded by staff, or released at payment_due_at. cancel_reason:
    resident | hold_expired | unpaid | course_cancelled.
    """

    __tablename__ = "registration"
    __table_args__ = (
        UniqueConstraint("account_id", "course_id", "idempotency_key", name="uq_registration_idempotency"),
    )

    id: int | None = Field(default=None, primary_key=True)
    course_id: int = Field(sa_column=_parent("course"))
    account_id: int = Field(sa_column=_owner())
    status: str = Field(max_length=16, index=True)
    position: int | None = None
    fee_due_krw: int = 0
    reduction_code: str = Field(default="", max_length=40)
    returning_learner: bool = False
    quota: str = Field(default="", max_length=40)  # the priority quota the seat came from, if any
    idempotency_key: str = Field(max_length=100)
    created_at: datetime = Field(default_factory=_now, sa_column=_when())
    hold_expires_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    cancelled_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    refund_krw: int | None = None
    quota_codes: str = Field(default="[]", sa_type=Text)
    confirmed_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    payment_due_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    paid_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    cancel_reason: str = Field(default="", max_length=24)


class ClassAttendance(SQLModel, table=True):
    """Whether a registered learner came to the session on one date, as staff marked it."""

    __tablename__ = "class_attendance"
    __table_args__ = (UniqueConstraint("registration_id", "session_on", name="uq_class_attendance_session"),)

    id: int | None = Field(default=None, primary_key=True)
    registration_id: int = Field(sa_column=_parent("registration"))
    session_on: date
    present: bool
    marked_at: datetime = Field(default_factory=_now, sa_column=_when())
