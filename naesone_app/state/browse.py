"""The catalogue by stage of life: every programme of a category, whoever is asking."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from naesone_app.core.i18n import gettext_for
from naesone_app.core.labels import CATEGORY_LABELS
from naesone_app.core.program import Program
from naesone_app.db.catalog_cache import CATALOG, url_key
from naesone_app.state.asking import AskingMixin
from naesone_app.state.views import LEVEL_LABELS

MAX_LISTED = 200


@dataclass
class ProgramLink:
    """A programme in a list."""

    key: str = ""
    title: str = ""
    summary: str = ""
    level: str = ""
    is_sample: bool = False
    korean_only: bool = False  # its texts exist only in Korean (Gov24) and the page is in another language


def _categories(program: Program) -> tuple[str, ...]:
    """Every category a programme belongs to (a programme is listed under each of them)."""
    return program.categories or ((program.category,) if program.category else ())


class BrowseState(AskingMixin, rx.State):
    """Programmes of the category in `?category=` (all when absent); a programme appears under each of its
    categories, so 서울 청년월세 is under 청년 and 주거 alike."""

    category: str = ""
    category_label: str = ""
    programs: list[ProgramLink] = []
    total: int = 0

    @rx.event
    def open_category(self):
        """on_load: list the category's programmes, Jung-gu's own first."""
        locale = self._locale()
        _ = gettext_for(locale)
        wanted = self.router.url.query_parameters.get("category", "")
        self.category = wanted if wanted in CATEGORY_LABELS else ""
        self.category_label = _(self.category) if self.category else ""
        order = {"district": 0, "city": 1, "national": 2}
        chosen = [p for p in CATALOG.get().programs if not self.category or self.category in _categories(p)]
        chosen.sort(key=lambda p: (order.get(p.level, 3), p.text(locale).title))
        self.total = len(chosen)
        self.programs = [
            ProgramLink(url_key(p), p.text(locale).title, p.text(locale).summary,
                        _(LEVEL_LABELS[p.level]) if p.level in LEVEL_LABELS else p.level, p.is_sample,
                        locale not in p.texts)
            for p in chosen[:MAX_LISTED]
        ]  # fmt: skip
