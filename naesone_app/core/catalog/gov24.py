"""Gov24 v3 (대한민국 공공서비스 정보) rows → programmes, exactly as DESIGN.md states the semantics.

serviceList rows carry the texts and the responsible body; supportConditions rows carry the JA
flags; serviceDetail rows (optional) add documents and the online application URL. Each condition
group becomes one criterion; a group with no restriction becomes none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from naesone_app.core.catalog.rules import MAX_RULE_AGE
from naesone_app.core.criteria import AgeRange, Criterion, Household, IncomeBands, Region, Sex, Situation
from naesone_app.core.deadline import parse_window
from naesone_app.core.profile import HOUSEHOLD_CODES, SITUATION_CODES
from naesone_app.core.program import Program, ProgramText

ID = "서비스ID"
NATIONAL_TYPES = ("중앙행정기관", "공공기관")
SEOUL = "서울특별시"
JUNGGU = "서울특별시 중구"
JUNGGU_ALIASES = ("서울특별시 중구시설관리공단", "서울특별시중구시설관리공단", "중구시설관리공단")
RESIDENT_AUDIENCES = ("개인", "가구")
INCOME_BANDS: dict[str, tuple[float | None, float | None]] = {
    "JA0201": (None, 50.0),
    "JA0202": (50.0, 75.0),
    "JA0203": (75.0, 100.0),
    "JA0204": (100.0, 200.0),
    "JA0205": (200.0, None),
}
SITUATION_BY_CODE = {code: name for name, code in SITUATION_CODES.items()}
HOUSEHOLD_BY_CODE = {code: name for name, code in HOUSEHOLD_CODES.items()}
SITUATION_NONE, HOUSEHOLD_NONE = "JA0322", "JA0410"
NO_UPPER_AGE = 120
SKIP_REASONS = {
    "not_for_residents": "사용자구분 is neither 개인 nor 가구",
    "other_region": "a local body outside Seoul / Jung-gu",
    "missing_conditions": "no supportConditions row for the service",
    "not_in_service_list": "supportConditions row without a serviceList row",
}


class Gov24FormatError(ValueError):
    """A Gov24 file or row that does not have the v3 shape; names the file, row and field."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem


def rows_of(payload: Any, where: str) -> list[Mapping[str, Any]]:
    """The rows of a raw API envelope (``{"page":…,"data":[…]}``) or of a plain JSON array."""
    rows = payload.get("data") if isinstance(payload, Mapping) else payload
    if isinstance(payload, Mapping) and "data" not in payload:
        raise Gov24FormatError(where, 'expected an API envelope with "data" or a JSON array of rows')
    if not isinstance(rows, list):
        raise Gov24FormatError(where, '"data" must be a list of rows')
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise Gov24FormatError(f"{where}: row {i + 1}", "expected a JSON object")
        service_id = row.get(ID)
        if not isinstance(service_id, str | int) or not str(service_id).strip():
            raise Gov24FormatError(f"{where}: row {i + 1}", f"missing {ID}")
    return rows


def _flag(row: Mapping[str, Any], code: str, where: str) -> bool:
    value = row.get(code)
    if value in (None, "", "N", "n"):
        return False
    if value in ("Y", "y"):
        return True
    raise Gov24FormatError(where, f'{code}: expected "Y" or null, got {value!r}')


def _age_bound(row: Mapping[str, Any], code: str, where: str) -> int | None:
    value = row.get(code)
    if value is None or value == "":
        return None
    number: int | None = None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdecimal():
        number = int(value.strip())  # some rows send "065"
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    if number is None or not 0 <= number <= 200:
        raise Gov24FormatError(where, f"{code}: expected an age in years, got {value!r}")
    return number


def conditions_to_criteria(row: Mapping[str, Any], where: str) -> tuple[Criterion, ...]:
    """The criteria of one supportConditions row: sex, age, income, situation, household."""
    criteria: list[Criterion] = []
    sexes = {s for s, code in (("male", "JA0101"), ("female", "JA0102")) if _flag(row, code, where)}
    if len(sexes) == 1:
        criteria.append(Sex(frozenset(sexes)))
    low, high = _age_bound(row, "JA0110", where), _age_bound(row, "JA0111", where)
    if high is not None and high >= NO_UPPER_AGE:
        high = None
    if low is not None and low > MAX_RULE_AGE:  # stored rules could not be read back
        raise Gov24FormatError(where, f"JA0110: {low} is not a minimum age")
    if low == 0:
        low = None
    if low is not None and high is not None and low > high:
        raise Gov24FormatError(where, f"JA0110 {low} is above JA0111 {high}")
    if low is not None or high is not None:
        criteria.append(AgeRange(low, high))
    bands = tuple(band for code, band in INCOME_BANDS.items() if _flag(row, code, where))
    if bands and len(bands) < len(INCOME_BANDS):
        criteria.append(IncomeBands(bands))
    for none_code, table, kind in ((SITUATION_NONE, SITUATION_BY_CODE, Situation),
                                   (HOUSEHOLD_NONE, HOUSEHOLD_BY_CODE, Household)):  # fmt: skip
        flagged = frozenset(name for code, name in table.items() if _flag(row, code, where))
        open_to_all = _flag(row, none_code, where)  # validated even when nothing else is flagged
        if flagged and not open_to_all:
            criteria.append(kind(flagged))
    return tuple(criteria)


def region_of(list_row: Mapping[str, Any]) -> str | None:
    """'national', 'seoul', 'junggu', or None for a local body this platform does not import."""
    kind = str(list_row.get("소관기관유형") or "").strip()
    name = " ".join(str(list_row.get("소관기관명") or "").split())
    if kind in NATIONAL_TYPES:
        return "national"
    if name == SEOUL:
        return "seoul"
    if name == JUNGGU or name.startswith(JUNGGU + " ") or name in JUNGGU_ALIASES:
        return "junggu"
    return None


def is_for_residents(list_row: Mapping[str, Any]) -> bool:
    """사용자구분 names 개인 or 가구 (`||`-joined)."""
    audiences = {a.strip() for a in str(list_row.get("사용자구분") or "").split("||")}
    return bool(audiences & set(RESIDENT_AUDIENCES))


def _text(value: Any) -> str:
    return "" if value is None else str(value).replace("\r\n", "\n").strip()


def _joined(value: Any, sep: str) -> str:
    return sep.join(part.strip() for part in _text(value).split("||") if part.strip())


def _modified(value: Any) -> date | None:
    text = _text(value)
    try:
        return datetime.strptime(text[:8], "%Y%m%d").date() if text else None
    except ValueError:
        return None


# Gov24 서비스분야 → the native category it plainly falls under, so one filter covers both catalogues.
# Fields that span several life stages or needs (생활안정, 보호·돌봄, 농림축산어업) map to nothing.
FIELD_CATEGORIES: dict[str, str] = {
    "임신·출산": "임신·출산", "보육·교육": "교육", "고용·창업": "일자리", "문화·환경": "문화",
    "행정·안전": "안전", "주거·자립": "주거", "보건·의료": "건강",
}  # fmt: skip


def _categories(field: str) -> tuple[str, ...]:
    """The programme's 서비스분야 first (its primary category), then the native category it maps to."""
    if not field:
        return ()
    mapped = FIELD_CATEGORIES.get(field)
    return (field,) if mapped is None or mapped == field else (field, mapped)


def program_from_rows(
    list_row: Mapping[str, Any],
    condition_row: Mapping[str, Any],
    detail_row: Mapping[str, Any] | None,
    where: str,
) -> Program:
    """One Gov24 programme from its list, conditions and (optional) detail rows."""
    region = region_of(list_row)
    criteria = list(conditions_to_criteria(condition_row, where))
    if region in ("seoul", "junggu"):
        criteria.insert(0, Region(region))
    detail = detail_row or {}
    deadline = _text(list_row.get("신청기한") or detail.get("신청기한"))
    opens, closes = parse_window(deadline)
    body = " ".join(p for p in (_text(list_row.get("소관기관명")), _text(list_row.get("부서명"))) if p)
    audience = _text(list_row.get("지원대상"))
    criteria_text = _text(list_row.get("선정기준"))
    if criteria_text:
        audience = f"{audience}\n\n{criteria_text}" if audience else criteria_text
    text = ProgramText(
        title=_text(list_row.get("서비스명")) or str(list_row[ID]),
        summary=_text(list_row.get("서비스목적요약") or detail.get("서비스목적")),
        audience=audience,
        benefit=_text(list_row.get("지원내용")),
        how_to_apply=_joined(list_row.get("신청방법"), ", "),
        documents=_text(detail.get("구비서류")),
        deadline=deadline,
        contact=_joined(list_row.get("전화문의") or detail.get("문의처"), "\n"),
        responsible_body=body,
    )
    extra = {k: _text(detail.get(k)) for k in ("공무원확인구비서류", "본인확인필요구비서류", "법령")
             if _text(detail.get(k))}  # fmt: skip
    return Program(
        source="gov24",
        source_id=str(list_row[ID]).strip(),
        texts={"ko": text},
        criteria=tuple(criteria),
        category=_text(list_row.get("서비스분야")),
        categories=_categories(_text(list_row.get("서비스분야"))),
        level={"national": "national", "seoul": "city", "junggu": "district"}[region or "national"],
        official_url=_text(list_row.get("상세조회URL")),
        apply_channel="none" if _no_application(text.how_to_apply) else "gov24",
        apply_url=_text(detail.get("온라인신청사이트URL")),
        opens_on=opens,
        closes_on=closes,
        last_updated=_modified(list_row.get("수정일시") or detail.get("수정일시")),
        is_sample=False,
        provenance="정부24 대한민국 공공서비스 정보 API v3 (data.go.kr 15113968)",
        extra=extra,
    )


def _no_application(how_to_apply: str) -> bool:
    """Gov24 says "신청불필요" (e.g. 구민안전보험: every resident is insured): no "Apply on Gov24" button."""
    return how_to_apply.replace(" ", "") == "신청불필요"


@dataclass
class ImportPlan:
    """What an import would store, and what it leaves out and why."""

    programs: list[Program] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    without_detail: set[str] = field(default_factory=set)  # 서비스IDs with no serviceDetail row this time


def _index(rows: Iterable[tuple[Mapping[str, Any], str]]) -> dict[str, tuple[Mapping[str, Any], str]]:
    return {str(row[ID]).strip(): (row, where) for row, where in rows}


def plan_import(
    list_rows: Iterable[tuple[Mapping[str, Any], str]],
    condition_rows: Iterable[tuple[Mapping[str, Any], str]],
    detail_rows: Iterable[tuple[Mapping[str, Any], str]] = (),
) -> ImportPlan:
    """Join the three endpoints on 서비스ID and apply the audience and region filters.

    Each row comes with a `where` (file and row) so an error names its origin. Every row is
    validated before anything is stored, so a bad file fails the whole import.
    """
    services, conditions, details = _index(list_rows), _index(condition_rows), _index(detail_rows)
    plan = ImportPlan()
    plan.skipped["not_in_service_list"] += len(conditions.keys() - services.keys())
    for condition_row, where in conditions.values():
        conditions_to_criteria(condition_row, where)  # validate even what is skipped
    for service_id, (row, _where) in services.items():
        condition = conditions.get(service_id)
        if not is_for_residents(row):
            plan.skipped["not_for_residents"] += 1
        elif region_of(row) is None:
            plan.skipped["other_region"] += 1
        elif condition is None:
            plan.skipped["missing_conditions"] += 1
        else:
            detail = details.get(service_id, (None, ""))[0]
            if detail is None:
                plan.without_detail.add(service_id)
            plan.programs.append(program_from_rows(row, condition[0], detail, condition[1]))
    plan.programs.sort(key=lambda p: p.source_id)
    return plan
