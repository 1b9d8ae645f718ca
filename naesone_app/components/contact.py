"""Phone numbers, offices and the "apply in the app" mark, the same on every page that shows them
(programme, apply, application, course, my classes, results cards)."""

from __future__ import annotations

import reflex as rx

from naesone_app.core.i18n import gettext_for
from naesone_app.core.offices import phone_parts
from naesone_app.state.office_views import ContactPart, OfficeView


def phone_link(phone: rx.Var[str] | str, tel: rx.Var[str] | str) -> rx.Component:
    """A number a phone dials with one tap."""
    return rx.el.a(phone, href=tel, class_name="tel-link")


def contact_text(parts: rx.Var[list[ContactPart]]) -> rx.Component:
    """A contact text with every phone number as a `tel:` link."""
    return rx.el.p(
        rx.foreach(
            parts,
            lambda part: rx.cond(part.href != "", phone_link(part.text, part.href), rx.el.span(part.text)),
        ),
        class_name="pre-line contact-text",
    )


def static_contact(text: str) -> rx.Component:
    """A contact line known when the page is built (the footer): every number a `tel:` link."""
    return rx.el.p(*[phone_link(piece, href) if href else piece for piece, href in phone_parts(text)])


def office_card(office: rx.Var[OfficeView], locale: str, heading_id: str = "") -> rx.Component:
    """Name, address (or that it is not recorded), hours, a `tel:` phone and a map link."""
    _ = gettext_for(locale)
    return rx.el.div(
        rx.el.p(rx.el.strong(office.name), id=heading_id or None),
        rx.el.dl(
            rx.el.dt(_("주소")),
            rx.el.dd(
                rx.cond(
                    office.address != "", office.address, _("주소 정보가 아직 없어요. 지도에서 찾아 주세요.")
                )
            ),
            rx.el.dt(_("운영 시간")),
            rx.el.dd(office.hours),
            rx.el.dt(_("전화")),
            rx.el.dd(
                phone_link(office.phone, office.tel),
                rx.cond(office.phone_note != "", rx.el.span(" (", office.phone_note, ")", class_name="hint")),
            ),
            class_name="facts",
        ),
        rx.el.p(
            rx.el.a(
                _("지도에서 보기"),
                rx.el.span(_(" (새 창)"), class_name="visually-hidden"),
                href=office.map_url,
                target="_blank",
                rel="noopener",
                class_name="button",
            ),
        ),
        rx.cond(
            office.unverified,
            rx.el.p(_("예시 데이터: 주소와 직통 번호는 아직 확인 중이에요."), class_name="hint"),
        ),
        class_name="office-card",
    )


def in_app_badge(locale: str) -> rx.Component:
    """The one mark of a programme that can be applied for in this app, on the programme page and the
    results cards alike; it names what the results filter "앱에서 신청" picks."""
    _ = gettext_for(locale)
    return rx.el.span(_("앱에서 신청"), class_name="badge badge-in-app")
