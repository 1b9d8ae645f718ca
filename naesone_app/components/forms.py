"""Form fields with their label, hint and the message the server sent back for them."""

from __future__ import annotations

import reflex as rx


def field_error(field: str, errors: rx.Var[dict[str, str]]) -> rx.Component:
    """The server's message for `field`, announced to screen readers when it appears."""
    return rx.cond(
        errors.contains(field),
        rx.el.p(errors[field], id=f"{field}-error", class_name="field-error", role="alert"),
    )


def text_field(
    label: str, field: str, errors: rx.Var[dict[str, str]], kind: str = "text", hint: str = "", **props
) -> rx.Component:
    """A labelled input tied to its hint and, when there is one, its error message."""
    hint_id = f"{field}-hint" if hint else ""
    has_error = errors.contains(field)
    return rx.el.div(
        rx.el.label(label, html_for=field),
        rx.el.p(hint, id=hint_id, class_name="hint") if hint else rx.fragment(),
        rx.el.input(
            id=field,
            name=field,
            type=kind,
            aria_describedby=rx.cond(has_error, f"{field}-error {hint_id}".strip(), hint_id or None),
            aria_invalid=rx.cond(has_error, "true", "false"),
            **props,
        ),
        field_error(field, errors),
        class_name="field",
    )


def checkbox(label: str, field: str, errors: rx.Var[dict[str, str]] | None = None, **props) -> rx.Component:
    """A labelled checkbox (native, so forms and screen readers handle it as usual)."""
    return rx.el.div(
        rx.el.div(
            rx.el.input(type="checkbox", id=field, name=field, **props),
            rx.el.label(label, html_for=field),
            class_name="choice",
        ),
        field_error(field, errors) if errors is not None else rx.fragment(),
    )


def select_field(label: str, field: str, errors: rx.Var[dict[str, str]], options: rx.Var, placeholder: str = "",
                 **props) -> rx.Component:  # fmt: skip
    """A labelled native select of `options` (a list of objects with `value` and `label`), tied to its
    error message; `placeholder` is a first, empty choice that a form refuses."""
    has_error = errors.contains(field)
    return rx.el.div(
        rx.el.label(label, html_for=field),
        rx.el.select(
            rx.el.option(placeholder, value="") if placeholder else rx.fragment(),
            rx.foreach(options, lambda o: rx.el.option(o.label, value=o.value)),
            id=field,
            name=field,
            aria_describedby=rx.cond(has_error, f"{field}-error", None),
            aria_invalid=rx.cond(has_error, "true", "false"),
            **props,
        ),
        field_error(field, errors),
        class_name="field",
    )
