"""Programmes whose application window is from a past year, for the department that owes new dates.

A stale window turns every verdict of its programme into "closed" (see eligibility.is_stale), so the
responsible department is shown the list and asked for this year's dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from naesone_app.core.eligibility import is_stale
from naesone_app.core.program import Program


def responsible_department(program: Program) -> str:
    """The reviewing department of an in-app application form, else the Korean responsible body as written."""
    form = program.extra.get("application")
    if isinstance(form, dict) and isinstance(form.get("department"), str) and form["department"].strip():
        return form["department"].strip()
    return program.text("ko").responsible_body.strip()


def belongs_to(program: Program, department: str) -> bool:
    """The department is the programme's reviewing department or a word of its responsible body
    ("복지정책과" in "서울특별시 중구 복지정책과"); an empty department owns nothing."""
    wanted = department.strip()
    if not wanted:
        return False
    form = program.extra.get("application")
    if isinstance(form, dict) and form.get("department") == wanted:
        return True
    return wanted in program.text("ko").responsible_body.split()


def stale_programs(programs: Iterable[Program], on: date, department: str | None = None) -> list[Program]:
    """Programmes with a window from a past year on `on`, earliest closing first.

    `department` None means every department (an admin); otherwise only the department's own.
    """
    found = [p for p in programs if is_stale(p, on) and (department is None or belongs_to(p, department))]
    return sorted(found, key=lambda p: (p.closes_on or date.min, p.key))
