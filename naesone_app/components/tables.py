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


def card_table(label: str, headers: Sequence[str], body: rx.Component, table_id: str = "") -> rx.Component:
    """A table on a desktop that becomes one card per row on a phone (styles.css `.card-table`): each
    cell names its column (`labelled_cell`), so a row reads "상태: 접수" without the header row."""
    return rx.el.div(
        rx.el.table(
            rx.el.thead(rx.el.tr(*[rx.el.th(header, scope="col") for header in headers])),
            rx.el.tbody(body),
            class_name="card-table",
            **({"id": table_id} if table_id else {}),
        ),
        role="region",
        aria_label=label,
        tab_index=0,
        class_name="card-table-region",
    )


def labelled_cell(label: str, *children: rx.Component | rx.Var | str, **props) -> rx.Component:
    """A cell of a `card_table`, carrying its column's name for the phone layout."""
    return rx.el.td(*children, custom_attrs={"data-label": label}, **props)
