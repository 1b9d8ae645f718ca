"""Courses in and registrations out: loading centres, rooms and courses from a data file, and a
resident's registrations for the account export."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlmodel import Session, col, select

from naesone_app.core import classes as rules
from naesone_app.core.dates import KST
from naesone_app.db.class_models import (
    ClassAttendance,
    ClassCentre,
    ClassRoom,
    Course,
    Registration,
)  # fmt: skip


def _moment(text: str) -> datetime:
    """A window's moment from the data file, in UTC (as every moment is stored); a time without an offset
    is Seoul time. SQLite keeps no offset, so storing 10:00+09:00 unconverted would read back as 10:00 UTC."""
    moment = datetime.fromisoformat(text)
    return (moment if moment.tzinfo else moment.replace(tzinfo=KST)).astimezone(UTC)


def load_courses(session: Session, document: dict, sample: bool = False) -> tuple[int, int]:
    """Upsert centres (by dong), rooms and courses (by code) from a JSON document; (centres, courses).

    Everything is validated before anything is written; the caller's transaction keeps it whole.
    """
    centres_in, courses_in = document.get("centres", []), document.get("courses", [])
    known = {c["dong"] for c in centres_in}
    parsed = []
    for i, data in enumerate(courses_in):
        where = f"courses[{i}]"
        try:
            if data["dong"] not in known:
                raise ValueError(f"unknown dong {data['dong']!r}")
            if data.get("mode", "first_come") not in rules.MODES:
                raise ValueError(f"unknown mode {data.get('mode')!r}")
            rules.parse_quotas(data.get("priority_rules", []))
            values = dict(
                code=data["code"], title_ko=data["title_ko"], title_en=data.get("title_en", ""),
                category=data.get("category", ""), quarter=data["quarter"], schedule=data.get("schedule", ""),
                instructor=data.get("instructor", ""), capacity=int(data["capacity"]),
                minimum_enrolment=int(data.get("minimum_enrolment", 0)), fee_krw=int(data.get("fee_krw", 0)),
                materials_fee_krw=int(data.get("materials_fee_krw", 0)),
                opens_at=_moment(data["opens_at"]), closes_at=_moment(data["closes_at"]),
                returning_until=_moment(data["returning_until"]) if data.get("returning_until") else None,
                starts_on=date.fromisoformat(data["starts_on"]), ends_on=date.fromisoformat(data["ends_on"]),
                sessions=int(data.get("sessions", 12)), mode=data.get("mode", "first_come"),
                priority_rules=json.dumps(data.get("priority_rules", [])), sample=sample,
            )  # fmt: skip
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{where}: {exc}") from None
        if values["capacity"] <= 0 or values["closes_at"] <= values["opens_at"]:
            raise ValueError(f"{where}: capacity must be positive and the window must close after it opens")
        parsed.append((data["dong"], data.get("room"), values))
    centres: dict[str, ClassCentre] = {}
    rooms: dict[tuple[str, str], ClassRoom] = {}
    for data in centres_in:
        centre = session.exec(select(ClassCentre).where(ClassCentre.dong == data["dong"])).first()
        centre = centre or ClassCentre(dong=data["dong"], name_ko=data["name_ko"])
        centre.name_ko, centre.name_en = data["name_ko"], data.get("name_en", "")
        session.add(centre)
        session.flush()
        centres[data["dong"]] = centre
        for name in data.get("rooms", []):
            room = session.exec(
                select(ClassRoom).where(ClassRoom.centre_id == centre.id, ClassRoom.name == name)
            ).first()
            room = room or ClassRoom(centre_id=centre.id, name=name)
            session.add(room)
            session.flush()
            rooms[data["dong"], name] = room
    for dong, room_name, values in parsed:
        course = session.exec(select(Course).where(Course.code == values["code"])).first()
        course = course or Course(centre_id=centres[dong].id, **values)
        for key, value in values.items():
            setattr(course, key, value)
        course.centre_id = centres[dong].id
        course.room_id = rooms[dong, room_name].id if (dong, room_name) in rooms else None
        session.add(course)
    session.flush()
    return len(centres), len(parsed)


def export_registrations(session: Session, account_id: int) -> list[dict]:
    """The resident's class registrations, for the account export."""
    rows = session.exec(
        select(Registration, Course)
        .join(Course, col(Course.id) == col(Registration.course_id))
        .where(Registration.account_id == account_id)
        .order_by(col(Registration.id))
    ).all()
    attendance = session.exec(
        select(ClassAttendance)
        .where(col(ClassAttendance.registration_id).in_([row.id for row, _ in rows]))
        .order_by(col(ClassAttendance.session_on))
    ).all()
    iso = lambda moment: moment.isoformat() if moment else None  # noqa: E731
    return [
        {
            "course": course.code, "title": course.title_ko, "quarter": course.quarter, "status": row.status,
            "position": row.position, "fee_due_krw": row.fee_due_krw, "reduction": row.reduction_code,
            "created_at": iso(row.created_at), "refund_krw": row.refund_krw, "quota": row.quota,
            "confirmed_at": iso(row.confirmed_at), "payment_due_at": iso(row.payment_due_at),
            "paid_at": iso(row.paid_at), "hold_expires_at": iso(row.hold_expires_at),
            "cancelled_at": iso(row.cancelled_at), "cancel_reason": row.cancel_reason,
            "attendance": [{"date": a.session_on.isoformat(), "present": a.present}
                           for a in attendance if a.registration_id == row.id],
        }
        for row, course in rows
    ]  # fmt: skip
