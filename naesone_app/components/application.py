"""Pieces of the application pages: a form field from data, the document checklist in its three groups,
the file list, the uploader, the status history and the answers."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from naesone_app.core.i18n import gettext_for
from naesone_app.core.uploads import MAX_UPLOAD_BYTES
from naesone_app.state.application_views import (
    AnswerRow,
    ChoiceOption,
    DocumentLine,
    FieldView,
    HistoryLine,
    UploadLine,
)

# no `accept` filter on the picker: the server checks the type by content and names what is wrong in
# the resident's language (the dropzone's own rejection would be a silent drop or an English toast)
SAVE_DELAY_MS = 700


def status_badge(status: rx.Var[str], label: rx.Var[str]) -> rx.Component:
    return rx.el.span(label, class_name="badge status-badge status-" + status)


def form_field(
    f: rx.Var[FieldView], version: rx.Var[int], save: Callable, locale: str, disabled: rx.Var[bool]
) -> rx.Component:
    """A field from the form data: saved (debounced) as the resident types and when they leave it."""
    _ = gettext_for(locale)
    field_id = "field-" + f.name
    hint_id = field_id + "-hint"
    error_id = field_id + "-error"
    described = rx.cond(f.error != "", error_id + " " + hint_id, hint_id)
    common = {
        "id": field_id,
        "name": f.name,
        "key": version.to_string() + "-" + f.name,  # remount with the stored value when answers reload
        "aria_describedby": described,
        "aria_invalid": rx.cond(f.error != "", "true", "false"),
        "aria_required": rx.cond(f.required, "true", "false"),
        "disabled": disabled,
        "class_name": rx.cond(f.prefilled, "prefilled", ""),
    }
    text_events = {
        "on_change": (lambda value: save(f.name, value)),
        "on_blur": (lambda value: save(f.name, value)),
    }
    control = rx.match(
        f.kind,
        (
            "textarea",
            rx.el.textarea(
                default_value=f.value,
                max_length=f.max_length,
                rows=3,
                **common,
                on_change=(lambda value: save(f.name, value).debounce(SAVE_DELAY_MS)),
                on_blur=text_events["on_blur"],
            ),
        ),
        (
            "choice",
            rx.el.select(
                rx.el.option(_("골라 주세요"), value=""),
                rx.foreach(f.choices, lambda c: rx.el.option(c.label, value=c.value)),
                default_value=f.value,
                on_change=text_events["on_change"],
                **common,
            ),
        ),
        (
            "boolean",
            rx.el.input(
                type="checkbox",
                default_checked=f.checked,
                **common,
                on_change=lambda checked: save(f.name, checked),
            ),
        ),
        rx.el.input(
            type=f.input_type,
            default_value=f.value,
            max_length=f.max_length,
            **common,
            on_change=(lambda value: save(f.name, value).debounce(SAVE_DELAY_MS)),
            on_blur=text_events["on_blur"],
            auto_complete=rx.cond(f.kind == "phone", "tel", "off"),
        ),
    )
    return rx.el.div(
        rx.el.label(
            f.label,
            rx.cond(f.required, rx.el.span(" *", aria_hidden="true", class_name="required-mark")),
            html_for=field_id,
        ),
        control,
        rx.el.p(
            rx.cond(
                f.prefilled,
                rx.el.span(_("내 정보에서 가져왔어요 · 고칠 수 있어요"), class_name="prefilled-note"),
                rx.cond(f.required, _("필수 항목"), _("선택 항목")),
            ),
            id=hint_id,
            class_name="hint",
        ),
        rx.cond(f.error != "", rx.el.p(f.error, id=error_id, class_name="field-error", role="alert")),
        class_name="field",
        id=field_id + "-box",
    )


def _document(line: rx.Var[DocumentLine]) -> rx.Component:
    return rx.el.li(
        rx.el.span(
            rx.cond(line.satisfied, "✓", "○"),
            aria_hidden="true",
            class_name=rx.cond(line.satisfied, "mark mark-met", "mark mark-unknown"),
        ),
        " ",
        rx.el.span(line.label),
        " — ",
        rx.el.span(line.how_text, class_name=rx.cond(line.satisfied, "doc-state done", "doc-state")),
        class_name="document-line",
        id="doc-" + line.key,
    )


def checklist(
    official: rx.Var[list[DocumentLine]],
    evidence: rx.Var[list[DocumentLine]],
    resident: rx.Var[list[DocumentLine]],
    locale: str,
    evidence_extra: rx.Component | None = None,
    resident_extra: rx.Component | None = None,
) -> rx.Component:
    """The documents, grouped by who provides them."""
    _ = gettext_for(locale)

    def group(title: str, hint: str, lines, extra, group_id: str) -> rx.Component:
        return rx.cond(
            lines.length() > 0,
            rx.el.div(
                rx.el.h3(title),
                rx.el.p(hint, class_name="hint"),
                rx.el.ul(rx.foreach(lines, _document), class_name="documents"),
                extra if extra is not None else rx.fragment(),
                class_name="document-group",
                id=group_id,
            ),
        )

    return rx.el.section(
        rx.el.h2(_("필요한 서류")),
        group(
            _("공무원이 확인"),
            _("행정정보 공동이용으로 담당 공무원이 직접 확인해요. 따로 낼 필요가 없어요."),
            official,
            None,
            "docs-official",
        ),
        group(
            _("공공 마이데이터로 가져오기"),
            _("동의하면 발급 기관에서 바로 가져와요. 파일로 올려도 돼요."),
            evidence,
            evidence_extra,
            "docs-evidence",
        ),
        group(
            _("직접 제출"),
            _("파일로 올리거나, 주민센터에 가져가 낼 수 있어요."),
            resident,
            resident_extra,
            "docs-resident",
        ),
        class_name="program-section",
        id="checklist",
    )


def upload_list(files: rx.Var[list[UploadLine]], remove: Callable | None, locale: str) -> rx.Component:
    """The files added so far, each downloadable (through the signed-in route) and, if allowed, removable."""
    _ = gettext_for(locale)

    def item(u: rx.Var[UploadLine]) -> rx.Component:
        return rx.el.li(
            rx.el.a(u.document, href=u.href, download=True),
            " ",
            rx.el.span(u.detail, class_name="muted"),
            rx.cond(
                u.removable,
                rx.el.button(
                    _("빼기"),
                    type="button",
                    class_name="button small",
                    aria_label=_("파일 빼기") + ": " + u.document,
                    on_click=remove(u.id),
                ),
            )
            if remove is not None
            else rx.fragment(),
            class_name="upload-line",
        )

    return rx.cond(
        files.length() > 0,
        rx.el.ul(rx.foreach(files, item), class_name="uploads", id="uploads"),
        rx.el.p(_("올린 파일이 없어요."), class_name="muted"),
    )


def uploader(
    upload_id: str,
    options: rx.Var[list[ChoiceOption]],
    selected: rx.Var[str],
    choose: Callable,
    upload: Callable,
    error: rx.Var[str],
    notice: rx.Var[str],
    locale: str,
) -> rx.Component:
    """Pick which document, pick files, upload; the server checks type and size and says what is wrong."""
    _ = gettext_for(locale)
    kind_id = upload_id + "-kind"
    dropzone = rx.upload.root(  # unstyled: the padding of the styled one overflows a phone at 200 %
        rx.el.button(_("파일 고르기"), type="button", class_name="button", id=upload_id + "-pick"),
        rx.el.p(
            _("PDF, JPG, PNG 파일 · {max}MB 이하").format(max=MAX_UPLOAD_BYTES // (1024 * 1024)),
            class_name="hint",
        ),
        id=upload_id,
        multiple=True,
        no_keyboard=True,  # the button inside is the keyboard's way in (no nested focus targets)
        class_name="dropzone",
    )
    # the dropzone's own (visually hidden) file input gets a name for screen readers
    dropzone.children[0].children[0].custom_attrs["aria-label"] = _("올릴 파일")
    return rx.el.div(
        rx.el.div(
            rx.el.label(_("어떤 서류인가요?"), html_for=kind_id),
            rx.el.select(
                rx.foreach(options, lambda o: rx.el.option(o.label, value=o.value)),
                id=kind_id,
                value=selected,
                on_change=choose,
            ),
            class_name="field",
        ),
        dropzone,
        rx.el.ul(
            rx.foreach(rx.selected_files(upload_id), lambda name: rx.el.li(name)),
            class_name="selected-files",
            aria_label=_("고른 파일"),
        ),
        rx.el.button(
            _("올리기"),
            type="button",
            class_name="button primary",
            id=upload_id + "-send",
            on_click=upload(rx.upload_files(upload_id=upload_id), selected),
        ),
        rx.cond(error != "", rx.el.p(error, class_name="field-error", role="alert", id=upload_id + "-error")),
        rx.cond(notice != "", rx.el.p(notice, class_name="notice", role="status", id=upload_id + "-notice")),
        class_name="uploader",
    )


def history(lines: rx.Var[list[HistoryLine]], locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.ol(
        rx.foreach(
            lines,
            lambda h: rx.el.li(
                rx.el.p(rx.el.strong(h.label), " · ", rx.el.span(h.at, class_name="muted")),
                rx.cond(h.reason != "", rx.el.p(_("사유: "), h.reason, class_name="pre-line")),
                rx.cond(
                    h.override != "",
                    rx.el.p(
                        _("누락 서류가 있어도 승인한 사유 (직원만 봐요): "), h.override, class_name="pre-line"
                    ),
                ),
                class_name="timeline-item",
            ),
        ),
        class_name="timeline",
        id="history",
    )


def answers(rows: rx.Var[list[AnswerRow]]) -> rx.Component:
    return rx.el.dl(
        rx.foreach(rows, lambda r: rx.fragment(rx.el.dt(r.label), rx.el.dd(r.value, class_name="pre-line"))),
        class_name="answer-list",
        id="answers",
    )
