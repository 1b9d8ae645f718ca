"""Staff: campaigns — each placement's funnel, the QR downloads per placement, and a new campaign's form."""

from __future__ import annotations

import reflex as rx

from naesone_app.components.forms import field_error, text_field
from naesone_app.core.campaigns import (
    ACTION_LABELS,
    ACTIONS,
    KIND_LABELS,
    KINDS,
    QR_DOWNLOAD_PATH,
    SHOW_LABELS,
    SHOWS,
    STEP_LABELS,
    STEPS,
)
from naesone_app.core.i18n import gettext_for
from naesone_app.pages import routes
from naesone_app.pages.page import Content, Gettext, page
from naesone_app.state.staff_campaigns import CampaignLine, FunnelRow, StaffCampaignsState

ERRORS = StaffCampaignsState.field_errors


def _qr_link(slug: rx.Var[str], placement: rx.Var[str], fmt: str) -> rx.Component:
    href = (
        QR_DOWNLOAD_PATH
        + "?slug="
        + slug
        + "&format="
        + fmt
        + rx.cond(placement != "", "&src=" + placement, "")
    )
    return rx.el.a(fmt.upper(), href=href, download=True, class_name="qr-link")


def _qr_links(slug: rx.Var[str], placement: rx.Var[str] | str) -> rx.Component:
    """PNG · SVG · PDF for one placement."""
    png, svg, pdf = (_qr_link(slug, placement, fmt) for fmt in ("png", "svg", "pdf"))
    return rx.fragment(png, " · ", svg, " · ", pdf)


def _funnel_row(row: rx.Var[FunnelRow], slug: rx.Var[str]) -> rx.Component:
    return rx.el.tr(
        rx.el.th(row.label, scope="row"),
        rx.foreach(row.counts, lambda n: rx.el.td(n, class_name="number")),
        rx.el.td(_qr_links(slug, row.placement), class_name="qr-links"),
    )


def _qr_form(line: rx.Var[CampaignLine], locale: str) -> rx.Component:
    """A QR for a new placement: the label (a-z, 0-9, -) and the format; the browser downloads it."""
    _ = gettext_for(locale)
    field = "src-" + line.slug
    return rx.el.form(
        rx.el.input(type="hidden", name="slug", value=line.slug),
        rx.el.div(
            rx.el.label(_("게시 위치 표시 (예: sindang-centre)"), html_for=field),
            rx.el.input(id=field, name="src", pattern="[a-z0-9]+(-[a-z0-9]+)*", max_length=60),
            class_name="field",
        ),
        rx.el.div(
            rx.el.label(_("QR 파일 형식"), html_for="format-" + line.slug),
            rx.el.select(
                rx.el.option("PDF (A4)", value="pdf"),
                rx.el.option("PNG", value="png"),
                rx.el.option("SVG", value="svg"),
                id="format-" + line.slug,
                name="format",
            ),
            class_name="field",
        ),
        rx.el.button(_("QR 코드 받기"), type="submit", class_name="button"),
        action=QR_DOWNLOAD_PATH,
        method="get",
        class_name="qr-form",
    )


def _campaign(line: rx.Var[CampaignLine], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.article(
        rx.el.h3(line.title, " ", rx.el.span(line.phase, class_name="badge")),
        rx.el.p(line.kind, " · ", line.period, class_name="hint"),
        rx.el.p(rx.el.a(line.address, href=routes.CAMPAIGN.href(locale, campaign_slug=line.slug))),
        rx.el.div(
            rx.el.table(
                rx.el.caption(_("게시 위치별 단계 (사람 수가 아닌 횟수, 개인 정보 없음)")),
                rx.el.thead(
                    rx.el.tr(
                        rx.el.th(_("QR 게시 위치"), scope="col"),
                        *[rx.el.th(_(STEP_LABELS[s]), scope="col") for s in STEPS],
                        rx.el.th(_("QR 파일"), scope="col"),
                    )
                ),
                rx.el.tbody(rx.foreach(line.funnel, lambda row: _funnel_row(row, line.slug))),
            ),
            class_name="table-scroll",
            tab_index=0,
            role="region",
            aria_label=line.title,
        ),
        rx.el.p(_("QR 코드 (게시 위치 없이): "), _qr_links(line.slug, "")),
        _qr_form(line, locale),
        class_name="card campaign-card",
        id="campaign-" + line.slug,
    )


def _choice(
    label: str, name: str, choices: tuple[str, ...], labels: dict[str, str], _: Gettext
) -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for=name),
        rx.el.select(*[rx.el.option(_(labels[c]), value=c) for c in choices], id=name, name=name),
        field_error(name, ERRORS),
        class_name="field",
    )


def _create_form(locale: str, _: Gettext) -> rx.Component:
    return rx.el.form(
        rx.el.h2(_("새 캠페인")),
        text_field(_("주소 (영문 소문자·숫자·하이픈)"), "slug", ERRORS, hint=_("예: danurim-map-2027 → /c/danurim-map-2027"),
                   required=True, max_length=60),
        text_field(_("캠페인 제목"), "title", ERRORS, required=True, max_length=120),
        text_field(_("캠페인 제목 (영어)"), "title_en", ERRORS, max_length=120),
        text_field(_("캠페인 안내 문구"), "text", ERRORS, max_length=1000),
        text_field(_("캠페인 안내 문구 (영어)"), "text_en", ERRORS, max_length=1000),
        _choice(_("캠페인 종류"), "kind", KINDS, KIND_LABELS, _),
        text_field(_("캠페인 시작일"), "from", ERRORS, kind="date"),
        text_field(_("캠페인 종료일"), "until", ERRORS, kind="date"),
        _choice(_("랜딩 페이지에 보여 줄 내용"), "shows", SHOWS, SHOW_LABELS, _),
        text_field(_("혜택 (혜택 주소의 id, 쉼표로 구분)"), "programmes", ERRORS, max_length=1000),
        text_field(_("보여 줄 분야·생애주기"), "category", ERRORS, max_length=120),
        _choice(_("랜딩 페이지의 주요 버튼"), "action", ACTIONS, ACTION_LABELS, _),
        rx.el.button(_("캠페인 만들기"), type="submit", class_name="button primary", id="campaign-create"),
        on_submit=StaffCampaignsState.create,
        reset_on_submit=False,
        id="campaign-form",
    )  # fmt: skip


@page(routes.STAFF_CAMPAIGNS, on_load=StaffCampaignsState.open_staff_campaigns)
def staff_campaigns(locale: str, _: Gettext) -> Content:
    return (
        rx.el.h1(_("캠페인과 QR 코드")),
        rx.cond(
            StaffCampaignsState.allowed,
            rx.fragment(
                rx.cond(StaffCampaignsState.notice != "",
                        rx.el.p(StaffCampaignsState.notice, class_name="notice", role="status", id="campaign-notice")),
                rx.el.section(
                    rx.el.h2(_("캠페인 목록")),
                    rx.cond(StaffCampaignsState.campaigns.length() == 0, rx.el.p(_("아직 캠페인이 없어요."))),
                    rx.foreach(StaffCampaignsState.campaigns, lambda line: _campaign(line, locale)),
                ),
                _create_form(locale, _),
            ),
            rx.cond(StaffCampaignsState.loaded,
                    rx.el.p(_("캠페인 편집자와 관리자만 볼 수 있는 화면입니다."), class_name="notice")),
        ),
    )  # fmt: skip
