"""The translation layer: Korean source strings, Babel gettext catalogues, locale formatting.

Core code marks strings with `N_` and returns `Message`s; whoever shows them calls `render` with
the reader's locale. The pages use `gettext_for(locale)` at compile time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date as _babel_date
from babel.dates import get_day_names
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal
from babel.support import NullTranslations, Translations

from naesone_app.core.dates import KST

LOCALES = ("ko", "en")
DEFAULT_LOCALE = "ko"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"


def N_(msgid: str) -> str:
    """Mark a Korean source string for extraction without translating it yet."""
    return msgid


@dataclass(frozen=True, slots=True)
class Won:
    """An amount of money in won, formatted as ₩ for the reader's locale."""

    amount: int


@dataclass(frozen=True, slots=True)
class Moment:
    """A moment (aware datetime) shown as Seoul's date and clock time: a deadline a resident acts by."""

    at: datetime


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage such as 45.5 (%), formatted with the locale's decimal mark."""

    value: float


@dataclass(frozen=True, slots=True)
class Listed:
    """Items joined the way the locale writes a list: "A, B 및 C" / "A, B and C" (or "또는" / "or").

    A bare list parameter is joined with commas, which reads as a list of tags; a condition that offers a
    choice ("장애인 또는 임산부") or needs several things at once says so in words.
    """

    items: tuple[Any, ...]
    style: str = "and"  # "and" | "or" | "sentences" (one after another) | "parts" ("A · B · C")

    def __post_init__(self) -> None:
        if self.style not in ("and", "or", "sentences", "parts"):
            raise ValueError(f"Listed.style must be 'and', 'or', 'sentences' or 'parts', not {self.style!r}")


@dataclass(frozen=True, slots=True)
class Localized:
    """A text that comes with the data in each locale (e.g. an officer's wording of a condition),
    not from the gettext catalogue; falls back to Korean."""

    ko: str
    en: str = ""

    def text(self, locale: str) -> str:
        return (getattr(self, locale, "") if locale in ("ko", "en") else "") or self.ko


@dataclass(frozen=True, slots=True)
class Message:
    """A translatable sentence: a Korean msgid with `{name}` placeholders and their values."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)


@cache
def translations(locale: str) -> NullTranslations:
    """The compiled catalogue for `locale`; Korean (the source) is the identity."""
    if locale == DEFAULT_LOCALE:
        return NullTranslations()
    if locale not in LOCALES:
        raise ValueError(f"unsupported locale {locale!r} (supported: {', '.join(LOCALES)})")
    loaded = Translations.load(str(LOCALE_DIR), [locale], domain="messages")
    if not isinstance(loaded, Translations):
        raise RuntimeError(f"no compiled catalogue for {locale!r} in {LOCALE_DIR}: run `make locales`")
    return loaded


def gettext_for(locale: str):
    """A `_` function for `locale`."""
    return translations(locale).gettext


def format_date(value: date, locale: str) -> str:
    """A date the way the locale writes it (2027. 3. 2. / Mar 2, 2027)."""
    return _babel_date(value, format="medium", locale=locale)


def format_won(amount: int, locale: str) -> str:
    """₩ amount for the locale."""
    return format_currency(amount, "KRW", locale=locale)


def format_percent(value: float, locale: str) -> str:
    """A percentage with at most one decimal, e.g. 45%, 50.5%."""
    return format_decimal(round(value, 1), format="#,##0.#", locale=locale) + "%"


KOREAN_WEEKDAYS = "월화수목금토일"  # Monday first, as Babel numbers them
_SCHEDULE = re.compile(rf"^\s*([{KOREAN_WEEKDAYS}](?:\s*[·,/]\s*[{KOREAN_WEEKDAYS}])*)(?=\s|$)(.*)$")


def format_schedule(text: str, locale: str) -> str:
    """A weekly schedule written the Korean way ("화·목 10:00–12:00") in the reader's locale.

    Course data keeps the schedule as the centre publishes it; the weekdays at its start are names, so
    they are written in the locale ("Tue and Thu 10:00–12:00"). Text that does not start with weekdays
    is returned as it is.
    """
    match = _SCHEDULE.match(text)
    if match is None or locale == DEFAULT_LOCALE:
        return text
    days, rest = match.groups()
    names = get_day_names("abbreviated", locale=locale)
    words = [names[KOREAN_WEEKDAYS.index(day)] for day in re.findall(f"[{KOREAN_WEEKDAYS}]", days)]
    return format_list(words, locale=locale) + rest


def format_moment(value: datetime, locale: str) -> str:
    """A date and a 24-hour clock time in Seoul (2026. 11. 26. 14:00 / Nov 26, 2026 14:00)."""
    seoul = value.astimezone(KST)
    return f"{format_date(seoul.date(), locale)} {seoul:%H:%M}"


def _format_param(value: Any, locale: str) -> str:
    if isinstance(value, Moment):
        return format_moment(value.at, locale)
    if isinstance(value, Won):
        return format_won(value.amount, locale)
    if isinstance(value, Percent):
        return format_percent(value.value, locale)
    if isinstance(value, Localized):
        return value.text(locale)
    if isinstance(value, date):
        return format_date(value, locale)
    if isinstance(value, Message):
        return render(value, locale)
    if isinstance(value, Listed):
        words = [_format_param(v, locale) for v in value.items]
        if value.style in ("sentences", "parts"):
            return (" " if value.style == "sentences" else " · ").join(words)
        return format_list(words, style="standard" if value.style == "and" else "or", locale=locale)
    if isinstance(value, list | tuple):
        return ", ".join(_format_param(v, locale) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_decimal(value, locale=locale)
    return str(value)


def render_line(line: Message | Listed, locale: str = DEFAULT_LOCALE) -> str:
    """A line that is one message or several joined ("A · B"), in `locale`."""
    return render(line, locale) if isinstance(line, Message) else _format_param(line, locale)


def render(message: Message, locale: str = DEFAULT_LOCALE) -> str:
    """The message in `locale`, its parameters formatted for that locale."""
    template = translations(locale).gettext(message.msgid)
    return template.format(**{k: _format_param(v, locale) for k, v in message.params.items()})
