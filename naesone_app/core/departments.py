"""Jung-gu's departments (과 grouped by 국) and the 15 동 주민센터, read from `data/departments.yaml`.

A staff account belongs to one of these (chosen from a select, never typed), and an application is
reviewed by the department its programme's form names. What accounts and applications store is the
department's Korean name; `code` is the stable key a rename keeps. Pure Python: a malformed file fails
with the entry and the field named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from naesone_app.core.dongs import DONGS

DEPARTMENTS_FILE = Path(__file__).resolve().parents[2] / "data" / "departments.yaml"
CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")


class DepartmentError(ValueError):
    """A malformed departments file; names the entry and the field."""


@dataclass(frozen=True, slots=True)
class Department:
    """One 과 of the district office, or one 동 주민센터 (then `dong` is its 10-digit 행정동 code)."""

    code: str
    name: str  # Korean: what accounts and applications store
    bureau: str  # the 국 (or "동 주민센터")
    dong: str = ""
    name_en: str = ""
    bureau_en: str = ""

    def label(self, locale: str) -> str:
        """ "복지국 · 어르신복지과" / "Welfare Bureau · Senior Welfare Division" (for a select)."""
        if locale == "en":
            return f"{self.bureau_en} · {self.name_en}"
        return f"{self.bureau} · {self.name}"


@dataclass(frozen=True, slots=True)
class Departments:
    """Every department, in the file's order (the order of the select)."""

    all: tuple[Department, ...]

    def by_name(self, name: str) -> Department | None:
        return next((d for d in self.all if d.name == name.strip()), None)

    def by_code(self, code: str) -> Department | None:
        return next((d for d in self.all if d.code == code.strip()), None)

    def centre_of(self, dong_code: str) -> Department | None:
        """The 동 주민센터 of a 10-digit 행정동 code (a 자치회관's centre), if the file has it."""
        return next((d for d in self.all if d.dong and d.dong == dong_code.strip()), None)

    def display_name(self, name: str, locale: str) -> str:
        """A stored department name in the reader's language (as stored when it is not in the file)."""
        found = self.by_name(name)
        return found.name_en if found is not None and locale == "en" else name

    def names(self) -> list[str]:
        return [d.name for d in self.all]

    def unknown(self, names: Iterable[str]) -> list[str]:
        """The names that are not a department of the file (a typo, an old name), each once, sorted."""
        return sorted({n for n in names if n and self.by_name(n) is None})


CENTRES_BUREAU = "동 주민센터"
CENTRES_BUREAU_EN = "Community service centres"


def _text(entry: Mapping[str, Any], field: str, where: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip():
        raise DepartmentError(f"{where}: {field} must be a non-empty text")
    return value.strip()


def _department(entry: Any, bureau: tuple[str, str], where: str) -> Department:
    if not isinstance(entry, Mapping):
        raise DepartmentError(f"{where}: expected a mapping with code, name and en")
    code = _text(entry, "code", where)
    if not CODE.match(code):
        raise DepartmentError(f"{where}: code {code!r} must be lower-case letters, digits and '-'")
    dong = str(entry.get("dong") or "")
    return Department(
        code, _text(entry, "name", where), bureau[0], dong, _text(entry, "en", where), bureau[1]
    )


def parse_departments(data: Any) -> Departments:
    """Validate the file's content: unique codes and names, and exactly one centre for each of the 15 동."""
    if not isinstance(data, Mapping):
        raise DepartmentError("departments file: expected bureaus and centres")
    found: list[Department] = []
    for i, bureau in enumerate(data.get("bureaus") or []):
        if not isinstance(bureau, Mapping):
            raise DepartmentError(f"bureaus[{i}]: expected a mapping")
        names = (_text(bureau, "name", f"bureaus[{i}]"), _text(bureau, "en", f"bureaus[{i}]"))
        for j, entry in enumerate(bureau.get("departments") or []):
            found.append(_department(entry, names, f"bureaus[{i}].departments[{j}]"))
    for i, entry in enumerate(data.get("centres") or []):
        centre = _department(entry, (CENTRES_BUREAU, CENTRES_BUREAU_EN), f"centres[{i}]")
        if centre.dong not in {d.code for d in DONGS}:
            raise DepartmentError(f"centres[{i}]: dong {centre.dong!r} is not one of Jung-gu's 15 행정동")
        found.append(centre)
    for field in ("code", "name"):
        seen: set[str] = set()
        for department in found:
            value = getattr(department, field)
            if value in seen:
                raise DepartmentError(f"{field} {value!r} appears twice")
            seen.add(value)
    centres = {d.dong for d in found if d.dong}
    missing = [d.name for d in DONGS if d.code not in centres]
    if missing:
        raise DepartmentError(f"centres: no 주민센터 for {', '.join(missing)}")
    return Departments(tuple(found))


@cache
def departments() -> Departments:
    """The departments of `data/departments.yaml` (read once)."""
    return parse_departments(yaml.safe_load(DEPARTMENTS_FILE.read_text(encoding="utf-8")))
