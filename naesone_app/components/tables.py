"""A data table that stays usable on a phone: it scrolls sideways inside a labelled, focusable region."""

from __future__ import annotations

from collections.abc import Sequence

import reflex as rx


def data_table(label: str, headers: Sequence[str], body: rx.Component, table_id: str = "") -> rx.Component:
    """`body` is the rows (usually an rx.foreach); `label` names the region for screen readers."""
    return rx.el.div(
        rx.el.table(
            rx.el.thead(rx.el.tr(*[rx.el.th(header, scope="col") for header in headers])),
            rx.el.tbody(body),
            **({"id": table_id} if table_id else {}),
        ),
        class_name="table-scroll",
        tab_index=0,
        role="region",
        aria_label=label,
    )
