"""Offices and phone numbers as a page shows them: the office a programme's resident goes to (name,
address, hours, a `tel:` link and a map link) and contact texts split so that every number is a link."""

from __future__ import annotations

from dataclasses import dataclass, field

from naesone_app.core.i18n import N_, Message, render
from naesone_app.core.offices import (
    DONG_CENTRE,
    Office,
    dong_centres,
    office_key_of,
    phone_parts,
    resolve_office,
    tel_href,
)
from naesone_app.core.program import Program


@dataclass
class ContactPart:
    """A piece of a contact text: a number (with its `tel:` href) or plain text (href "")."""

    text: str = ""
    href: str = ""


@dataclass
class OfficeView:
    """An office as the page shows it; `address` is "" when not recorded (the page says so)."""

    name: str = ""
    address: str = ""
    hours: str = ""
    phone: str = ""
    tel: str = ""
    phone_note: str = ""
    map_url: str = ""
    unverified: bool = False


@dataclass
class ProgramOffice:
    """Where a programme's resident goes: one office, or (own 동 not known) the list of 주민센터."""

    office: OfficeView = field(default_factory=OfficeView)
    centres: list[OfficeView] = field(default_factory=list)
    pick_dong_note: str = ""


def contact_parts(text: str) -> list[ContactPart]:
    return [ContactPart(piece, href) for piece, href in phone_parts(text)]


def office_view(office: Office, locale: str) -> OfficeView:
    return OfficeView(
        name=office.text("name", locale),
        address=office.text("address", locale),
        hours=office.text("hours", locale),
        phone=office.phone,
        tel=tel_href(office.phone),
        phone_note=render(Message(N_("중구청 대표전화에서 연결해 드려요")), locale)
        if office.phone_via_main_line
        else "",
        map_url=office.map_url,
        unverified=not office.verified,
    )


def program_office(program: Program, dong: str | None, locale: str) -> ProgramOffice | None:
    """The office block of a programme for a resident whose 동 may be known; None if it has none."""
    key = office_key_of(program.apply_channel, program.extra.get("office"))
    if key is None:
        return None
    office = resolve_office(key, dong)
    if office is not None:
        return ProgramOffice(office=office_view(office, locale))
    if key != DONG_CENTRE:
        return None
    return ProgramOffice(
        centres=[office_view(o, locale) for o in dong_centres()],
        pick_dong_note=render(
            Message(
                N_("주소지 동 주민센터에서 신청해요. 내 상황에 사는 동을 입력하면 그 주민센터만 보여 드려요.")
            ),
            locale,
        ),
    )
