"""The native Jung-gu catalogue: one YAML file per programme under data/programs/.

A file holds the programme's texts in Korean and English, where its facts come from, its rules (see
`rules.py`) and a few test profiles with their expected status (run by pytest). A malformed file
fails the whole load with the file and the field named.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from naesone_app.core.application_forms import ApplicationFormError, form_to_data, parse_application
from naesone_app.core.catalog.rules import RuleError, parse_rules
from naesone_app.core.dates import parse_iso_date
from naesone_app.core.offices import DONG_CENTRE, offices
from naesone_app.core.program import RECURRENCES, Program, ProgramText, Value, value_from_data

REQUIRED = ("id", "title", "summary", "audience", "benefit", "how_to_apply", "responsible_body",
            "category", "level", "source_note", "last_updated")  # fmt: skip
OPTIONAL = ("documents", "deadline", "contact", "official_url", "apply", "application_window",
            "rules", "tests", "sample", "gov24_id", "application", "categories", "value")  # fmt: skip
WINDOW_KEYS = {"opens", "closes", "next_opens", "recurs"}
EXPECTATIONS = ("eligible", "maybe", "ineligible", "closed")
CATEGORIES = ("임신·출산", "영유아", "아동·청소년", "청년", "중장년", "어르신", "장애인", "저소득",
              "다문화", "주거", "교육", "문화", "안전", "건강", "일자리")  # fmt: skip
LEVELS = ("national", "city", "district")
CHANNELS = ("district", "gov24", "bokjiro", "partner", "visit", "phone", "none")
LOCALIZED = ("title", "summary", "audience", "benefit", "how_to_apply", "deadline", "contact",
             "responsible_body")  # fmt: skip
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{2,80}$")


class _DatesAsText(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so a bad date is reported with its field, not the file."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class CatalogError(ValueError):
    """A catalogue file that cannot be loaded; names the file and the field."""

    def __init__(self, file: str, field: str, problem: str) -> None:
        super().__init__(f"{file}: {field}: {problem}")
        self.file, self.field, self.problem = file, field, problem


@dataclass(frozen=True, slots=True)
class ProgramCase:
    """A test profile written beside a programme, with the status it must get."""

    profile: dict[str, Any]
    as_of: date
    expect: str


def _localized(where: str, field: str, value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or not isinstance(value.get("ko"), str) or not value["ko"].strip():
        raise CatalogError(where, field, "needs a non-empty Korean text under `ko`")
    if not isinstance(value.get("en"), str) or not value["en"].strip():
        raise CatalogError(where, field, "needs a non-empty English text under `en`")
    extra = set(value) - {"ko", "en", "zh"}
    if extra:
        raise CatalogError(where, f"{field}.{sorted(extra)[0]}", "unknown locale")
    for locale, text in value.items():
        if not isinstance(text, str):
            raise CatalogError(where, f"{field}.{locale}", f"expected a text, got {text!r}")
    return {k: v.strip() for k, v in value.items()}


def _documents(where: str, value: Any) -> dict[str, str]:
    if value is None:
        return {"ko": "", "en": ""}
    if not isinstance(value, Mapping):
        raise CatalogError(where, "documents", "expected {ko: [...], en: [...]}")
    out = {}
    for locale in ("ko", "en"):
        items = value.get(locale)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise CatalogError(where, f"documents.{locale}", "expected a list of document names")
        out[locale] = "\n".join(items)
    if len(value["ko"]) != len(value["en"]):
        raise CatalogError(where, "documents", "the Korean and English lists differ in length")
    return out


def _date(where: str, field: str, value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return parse_iso_date(str(value))
    except ValueError:
        raise CatalogError(where, field, f"expected a YYYY-MM-DD date, got {value!r}") from None


def _choice(where: str, field: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise CatalogError(where, field, f"must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _url(where: str, field: str, value: Any) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise CatalogError(where, field, f"expected an http(s) URL, got {value!r}")
    return value


def program_from_data(data: Any, where: str) -> tuple[Program, tuple[ProgramCase, ...]]:
    """Validate one parsed YAML document into a Program and its test cases."""
    if not isinstance(data, Mapping):
        raise CatalogError(where, "(file)", "expected a YAML mapping")
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            raise CatalogError(where, str(key), "unknown field")
    for key in REQUIRED:
        if key not in data:
            raise CatalogError(where, key, "missing")
    if not isinstance(data["id"], str) or not ID_PATTERN.match(data["id"]):
        raise CatalogError(where, "id", "expected lowercase letters, digits and dashes")
    texts = {f: _localized(where, f, data[f]) for f in LOCALIZED if f in data}
    texts["documents"] = _documents(where, data.get("documents"))
    apply = data.get("apply") or {}
    if not isinstance(apply, Mapping) or set(apply) - {"channel", "url", "office"}:
        raise CatalogError(where, "apply", "expected {channel: ..., url: ..., office: ...}")
    opens, closes, next_opens, recurs = _window(where, data.get("application_window"))
    try:
        criteria = parse_rules(data.get("rules"))
    except RuleError as exc:
        raise CatalogError(where, exc.path, exc.problem) from None
    gov24_id = data.get("gov24_id")
    if gov24_id is not None and not (isinstance(gov24_id, str) and gov24_id.isascii() and gov24_id.isalnum()):
        raise CatalogError(where, "gov24_id", f"expected the Gov24 서비스ID as text, got {gov24_id!r}")
    extra: dict[str, Any] = {"gov24_id": gov24_id} if gov24_id else {}
    if apply.get("office") is not None:
        extra["office"] = _office(where, apply["office"])
    if data.get("application") is not None:
        try:
            extra["application"] = form_to_data(parse_application(data["application"]))
        except ApplicationFormError as exc:
            raise CatalogError(where, exc.path, exc.problem) from None
    if not isinstance(data["source_note"], str) or not data["source_note"].strip():
        raise CatalogError(where, "source_note", "say where the programme's facts come from")
    program = Program(
        source="native",
        source_id=data["id"],
        texts={loc: _text(texts, loc) for loc in ("ko", "en")},
        criteria=criteria,
        category=_choice(where, "category", data["category"], CATEGORIES),
        categories=_categories(where, data.get("categories")),
        value=_value(where, data.get("value")),
        next_opens_on=next_opens,
        recurs=recurs,
        level=_choice(where, "level", data["level"], LEVELS),
        official_url=_url(where, "official_url", data.get("official_url")),
        apply_channel=_choice(where, "apply.channel", apply.get("channel", "visit"), CHANNELS),
        apply_url=_url(where, "apply.url", apply.get("url")),
        opens_on=opens,
        closes_on=closes,
        last_updated=_date(where, "last_updated", data["last_updated"]),
        is_sample=data.get("sample", True) is not False,
        provenance=data["source_note"].strip(),
        extra=extra,
    )
    return program, _cases(where, data.get("tests"))


def _window(where: str, value: Any) -> tuple[date | None, date | None, date | None, str]:
    """opens, closes, next_opens and recurs ("yearly" or "") of `application_window`."""
    window = value or {}
    if not isinstance(window, Mapping) or set(window) - WINDOW_KEYS:
        raise CatalogError(
            where,
            "application_window",
            "expected {opens: date, closes: date, next_opens: date, recurs: yearly}",
        )
    found = {
        key: _date(where, f"application_window.{key}", window[key]) if key in window else None
        for key in ("opens", "closes", "next_opens")
    }
    opens, closes, next_opens = found["opens"], found["closes"], found["next_opens"]
    if opens and closes and opens > closes:
        raise CatalogError(where, "application_window", "opens after it closes")
    if next_opens and closes and next_opens <= closes:
        raise CatalogError(where, "application_window.next_opens", "must be after the window closes")
    recurs = _choice(where, "application_window.recurs", window.get("recurs", ""), RECURRENCES)
    return opens, closes, next_opens, recurs


def _categories(where: str, value: Any) -> tuple[str, ...]:
    """All the categories a programme belongs to (the primary `category` is put first by Program)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise CatalogError(where, "categories", "expected a non-empty list of categories")
    for i, item in enumerate(value):
        _choice(where, f"categories[{i}]", item, CATEGORIES)
    if len(set(value)) != len(value):
        raise CatalogError(where, "categories", "a category is listed twice")
    return tuple(value)


def _value(where: str, value: Any) -> Value | None:
    """What the programme is worth, as its benefit text states it; absent when the text states no amount."""
    try:
        return value_from_data(dict(value) if isinstance(value, Mapping) else value)
    except ValueError as exc:
        field, _, problem = str(exc).partition(": ")
        raise CatalogError(where, field, problem) from None


def _office(where: str, key: Any) -> str:
    """The office a programme names (data/offices.yaml, or `dong-centre` for the resident's own)."""
    if key != DONG_CENTRE and key not in offices():
        known = ", ".join([DONG_CENTRE, *offices()])
        raise CatalogError(where, "apply.office", f"unknown office {key!r}; expected one of {known}")
    return str(key)


def _text(texts: dict[str, dict[str, str]], locale: str) -> ProgramText:
    return ProgramText(**{field: values.get(locale, "") for field, values in texts.items()})


def _cases(where: str, value: Any) -> tuple[ProgramCase, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise CatalogError(where, "tests", "expected a list of {profile, as_of, expect}")
    cases = []
    for i, case in enumerate(value):
        field = f"tests[{i}]"
        if not isinstance(case, Mapping) or set(case) != {"profile", "as_of", "expect"}:
            raise CatalogError(where, field, "expected exactly profile, as_of and expect")
        expect = _choice(where, f"{field}.expect", case["expect"], EXPECTATIONS)
        if not isinstance(case["profile"], Mapping):
            raise CatalogError(where, f"{field}.profile", "expected a mapping of profile keys")
        children = case["profile"].get("children")
        if children is not None and not (
            isinstance(children, list) and all(isinstance(c, Mapping) for c in children)
        ):
            raise CatalogError(where, f"{field}.profile.children", "expected a list of {birth_date: ...}")
        profile = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in case["profile"].items()}
        if "children" in profile:
            profile["children"] = [
                {k: (v.isoformat() if isinstance(v, date) else v) for k, v in c.items()}
                for c in profile["children"]
            ]
        cases.append(ProgramCase(profile, _date(where, f"{field}.as_of", case["as_of"]), expect))
    return tuple(cases)


def load_program_file(path: Path) -> tuple[Program, tuple[ProgramCase, ...]]:
    """Read and validate one programme file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_DatesAsText)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(file)"
        raise CatalogError(str(path), where, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(str(path), "(file)", f"cannot read: {exc}") from None
    except ValueError as exc:  # a YAML scalar that cannot be built, e.g. the date 2026-13-01
        raise CatalogError(str(path), "(file)", f"not valid YAML: {exc}") from None
    return program_from_data(data, str(path))


def load_catalog(directory: Path) -> list[tuple[Program, tuple[ProgramCase, ...]]]:
    """Every `*.yaml` under `directory`, sorted by file name; ids must be unique."""
    if not directory.is_dir():
        raise CatalogError(str(directory), "(directory)", "not a directory")
    loaded, seen = [], {}
    for path in sorted(directory.glob("*.yaml")):
        program, cases = load_program_file(path)
        if program.source_id in seen:
            other = seen[program.source_id]
            raise CatalogError(str(path), "id", f"{program.source_id!r} is also used by {other}")
        seen[program.source_id] = path.name
        loaded.append((program, cases))
    return loaded
