"""Calendar arithmetic as Korean law counts it (만 나이, months of residence)."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta, timezone

KST = timezone(timedelta(hours=9))


def anniversary(start: date, years: int) -> date:
    """The date `years` after `start`; a 29 February start falls on 1 March in common years.

    Under 민법 §158/§160 a person born on 29 February becomes a year older when 28 February ends.
    """
    year = start.year + years
    if start.month == 2 and start.day == 29 and not calendar.isleap(year):
        return date(year, 3, 1)
    return start.replace(year=year)


def age_on(birth_date: date, on: date) -> int:
    """만 나이: completed years of life on `on` (the birthday itself counts as the new age)."""
    years = on.year - birth_date.year
    return years if anniversary(birth_date, years) <= on else years - 1


def add_months(start: date, months: int) -> date:
    """The day `months` after `start` on which a count of months completes (민법 §160).

    When the target month has no such day (31 January + 1 month), the period ends with that month's
    last day, so the new count begins on the 1st of the next month — the same rule `anniversary`
    applies to 29 February, so 12·n months and n years always agree.
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    if start.day <= calendar.monthrange(year, month + 1)[1]:
        return date(year, month + 1, start.day)
    year, month = divmod(index + 1, 12)
    return date(year, month + 1, 1)


def months_between(start: date, on: date) -> int:
    """Completed months from `start` to `on` (negative if `on` is earlier)."""
    months = (on.year - start.year) * 12 + (on.month - start.month)
    if months > 0 and add_months(start, months) > on:
        months -= 1
    elif months < 0 and add_months(start, months) < on:
        months += 1
    return months


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(text: str) -> date:
    """A `YYYY-MM-DD` date (exactly that form); raises ValueError with the offending text otherwise."""
    try:
        if not _ISO_DATE.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}") from None


def seoul_today() -> date:
    """Today's date in Seoul (KST), the default evaluation date."""
    return datetime.now(KST).date()
