"""Seeded synthetic inputs: Gov24-shaped rows at national scale, and resident profiles.

The Gov24 rows have the real v3 shape (every serviceList field, every JA code, "Y"/null flags, ages as
ints and sometimes as "065"-style strings) and the fill rates measured on real data
(shared/reference/korean-public-data.md §1.4: gender 63 %, age 68 %, income 63 %, JA03xx 64 %,
JA04xx 64 %, JA11xx 6 %, JA12xx 5 %). Bodies follow the real mix: about 11 % 중앙행정기관 and 5 % 공공기관, 9 % 서울특별시,
2 % 서울특별시 중구, the rest other regions and bodies. Nothing here is real data.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

from naesone_app.core.dongs import DONGS
from naesone_app.core.profile import HOUSEHOLD_CODES, SITUATION_CODES

JA_CODES = (
    "JA0101",
    "JA0102",
    "JA0110",
    "JA0111",
    "JA0201",
    "JA0202",
    "JA0203",
    "JA0204",
    "JA0205",
    "JA0301",
    "JA0302",
    "JA0303",
    "JA0313",
    "JA0314",
    "JA0315",
    "JA0316",
    "JA0317",
    "JA0318",
    "JA0319",
    "JA0320",
    "JA0322",
    "JA0326",
    "JA0327",
    "JA0328",
    "JA0329",
    "JA0330",
    "JA0401",
    "JA0402",
    "JA0403",
    "JA0404",
    "JA0410",
    "JA0411",
    "JA0412",
    "JA0413",
    "JA0414",
    "JA1101",
    "JA1102",
    "JA1103",
    "JA1201",
    "JA1202",
    "JA1299",
    "JA2101",
    "JA2102",
    "JA2103",
    "JA2201",
    "JA2202",
    "JA2203",
    "JA2299",
)
INCOME = ("JA0201", "JA0202", "JA0203", "JA0204", "JA0205")

NATIONAL = (
    ("보건복지부", "1352000"),
    ("교육부", "1342000"),
    ("고용노동부", "1492000"),
    ("국토교통부", "1613000"),
    ("여성가족부", "1383000"),
    ("농림축산식품부", "1543000"),
    ("해양수산부", "1192000"),
    ("중소벤처기업부", "1421000"),
    ("국가보훈부", "1180000"),
    ("행정안전부", "1741000"),
    ("문화체육관광부", "1371000"),
    ("금융위원회", "1160100"),
)
PUBLIC = (
    ("국민연금공단", "B552584"),
    ("국민건강보험공단", "B551182"),
    ("한국장학재단", "B551014"),
    ("근로복지공단", "B490007"),
    ("한국주택금융공사", "B551408"),
)
PROVINCES = (
    "부산광역시",
    "대구광역시",
    "인천광역시",
    "광주광역시",
    "대전광역시",
    "울산광역시",
    "세종특별자치시",
    "경기도",
    "강원특별자치도",
    "충청북도",
    "충청남도",
    "전북특별자치도",
    "전라남도",
    "경상북도",
    "경상남도",
    "제주특별자치도",
)
SEOUL_GU = (
    "종로구",
    "용산구",
    "성동구",
    "광진구",
    "동대문구",
    "중랑구",
    "성북구",
    "강북구",
    "도봉구",
    "노원구",
    "은평구",
    "서대문구",
    "마포구",
    "양천구",
    "강서구",
    "구로구",
    "금천구",
    "영등포구",
    "동작구",
    "관악구",
    "서초구",
    "강남구",
    "송파구",
    "강동구",
)
OTHER_GU = (
    "부산광역시 중구",
    "대구광역시 중구",
    "인천광역시 중구",
    "대전광역시 중구",
    "울산광역시 중구",
    "경기도 수원시",
    "경기도 성남시",
    "경기도 고양시",
    "강원특별자치도 춘천시",
    "충청북도 청주시",
    "전라남도 순천시",
    "경상북도 포항시",
    "경상남도 창원시",
    "제주특별자치도 제주시",
)
OTHER_BODIES = (
    ("교육청", "서울특별시교육청"),
    ("교육청", "경기도교육청"),
    ("지방공기업", "용산구시설관리공단"),
    ("지방공기업", "부산교통공사"),
    ("지방출자_출연기관", "경기복지재단"),
)

# (weight, kind) of the responsible body
BODY_MIX = (
    (11, "national"),
    (5, "public"),
    (9, "seoul"),
    (2, "junggu"),
    (11, "province"),
    (55, "district"),
    (7, "other"),
)
AUDIENCES = (
    (45, "개인"),
    (10, "가구"),
    (25, "개인||가구"),
    (8, "소상공인"),
    (8, "법인/시설/단체"),
    (4, "개인||소상공인"),
)
FIELDS = (
    "생활안정",
    "보육·교육",
    "보건·의료",
    "임신·출산",
    "고용·창업",
    "문화·환경",
    "보호·돌봄",
    "행정·안전",
    "주거·자립",
    "농림축산어업",
)

# A row's theme biases its age band and flagged situations, as real catalogues cluster.
THEMES: dict[str, dict[str, Any]] = {
    "child": {
        "ages": [(0, 5), (0, 7), (0, 18), (6, 18), (0, 12)],
        "situations": ["JA0317", "JA0318", "JA0319"],
        "household": ["JA0411", "JA0403"],
    },
    "youth": {
        "ages": [(19, 34), (19, 39), (18, 34), (15, 39), (19, 29)],
        "situations": ["JA0320", "JA0327", "JA0326"],
        "household": ["JA0404", "JA0412"],
    },
    "midlife": {
        "ages": [(40, 64), (50, 64), (40, 120), (18, 64)],
        "situations": ["JA0326", "JA0327", "JA0330"],
        "household": ["JA0404", "JA0414"],
    },
    "senior": {
        "ages": [(65, 120), (60, 120), (70, 120), (80, 120)],
        "situations": ["JA0330", "JA0328", "JA0329"],
        "household": ["JA0404", "JA0414"],
    },
    "family": {
        "ages": [(0, 120), (18, 120), (19, 49)],
        "situations": ["JA0301", "JA0302", "JA0303"],
        "household": ["JA0411", "JA0401", "JA0403"],
    },
    "welfare": {
        "ages": [(0, 120), (18, 120), (19, 64)],
        "situations": ["JA0328", "JA0329", "JA0330", "JA0327"],
        "household": ["JA0403", "JA0404", "JA0402", "JA0401", "JA0412"],
    },
    "farm": {
        "ages": [(18, 120), (19, 39), (65, 120)],
        "situations": ["JA0313", "JA0314", "JA0315", "JA0316"],
        "household": ["JA0413", "JA0414"],
    },
}
THEME_MIX = (
    (14, "child"),
    (16, "youth"),
    (10, "midlife"),
    (16, "senior"),
    (14, "family"),
    (22, "welfare"),
    (8, "farm"),
)
SITUATION_JA = [c for c in SITUATION_CODES.values()]
HOUSEHOLD_JA = [c for c in HOUSEHOLD_CODES.values()]


def _pick(rng: random.Random, mix: tuple[tuple[int, Any], ...]) -> Any:
    return rng.choices([v for _, v in mix], weights=[w for w, _ in mix])[0]


def _body(rng: random.Random) -> tuple[str, str, str]:
    """(소관기관유형, 소관기관명, 소관기관코드)."""
    kind = _pick(rng, BODY_MIX)
    if kind == "national":
        name, code = rng.choice(NATIONAL)
        return "중앙행정기관", name, code
    if kind == "public":
        name, code = rng.choice(PUBLIC)
        return "공공기관", name, code
    if kind == "seoul":
        return "광역시도", "서울특별시", "6110000"
    if kind == "junggu":
        return "시군구", "서울특별시 중구", "3010000"
    if kind == "province":
        i = rng.randrange(len(PROVINCES))
        return "광역시도", PROVINCES[i], f"6{260 + i * 10:03d}000"
    if kind == "district":
        names = [f"서울특별시 {g}" for g in SEOUL_GU] + list(OTHER_GU)
        i = rng.randrange(len(names))
        return "시군구", names[i], f"3{100 + i * 10:03d}000"
    body_kind, name = rng.choice(OTHER_BODIES)
    return body_kind, name, f"B{rng.randrange(490000, 560000)}"


def _age_value(rng: random.Random, value: int) -> int | str:
    return f"{value:03d}" if rng.random() < 0.04 else value  # some rows send "065"


def condition_row(rng: random.Random, service_id: str, name: str, theme: str) -> dict[str, Any]:
    """One supportConditions row with realistic fill rates and shapes."""
    row: dict[str, Any] = {"서비스ID": service_id, "서비스명": name} | dict.fromkeys(JA_CODES)
    spec = THEMES[theme]
    if rng.random() < 0.63:  # gender
        flags = _pick(rng, ((88, ("JA0101", "JA0102")), (4, ("JA0101",)), (8, ("JA0102",))))
        row.update(dict.fromkeys(flags, "Y"))
    if rng.random() < 0.68:  # age
        if rng.random() < 0.15:
            low = rng.randrange(0, 70)
            low_high = (low, min(120, low + rng.choice((5, 10, 15, 20, 30, 120))))
        else:
            low_high = rng.choice(spec["ages"])
        row["JA0110"], row["JA0111"] = (_age_value(rng, v) for v in low_high)
    if rng.random() < 0.63:  # income
        roll = rng.random()
        if roll < 0.55:
            flagged = INCOME
        elif roll < 0.95:
            flagged = INCOME[: rng.choice((1, 1, 2, 2, 3, 3, 4))]
        else:
            flagged = tuple(c for c in INCOME if rng.random() < 0.5) or INCOME[:1]
        row.update(dict.fromkeys(flagged, "Y"))
    for share_open, none_code, pool, universe in (
        (0.55, "JA0322", spec["situations"], SITUATION_JA),
        (0.60, "JA0410", spec["household"], HOUSEHOLD_JA),
    ):
        if rng.random() >= 0.64:
            continue
        roll = rng.random()
        if roll < share_open * 0.75:
            row[none_code] = "Y"
        elif roll < share_open:  # "none of the above" together with some flags: open to everyone
            row[none_code] = "Y"
            row.update(dict.fromkeys(rng.sample(pool, 1), "Y"))
        else:
            count = _pick(rng, ((60, 1), (28, 2), (12, 3)))
            picks = set(rng.sample(pool, min(count, len(pool))))
            if rng.random() < 0.15:
                picks.add(rng.choice(universe))
            row.update(dict.fromkeys(picks, "Y"))
    if rng.random() < 0.06:
        row.update(dict.fromkeys(rng.sample(("JA1101", "JA1102", "JA1103"), rng.randint(1, 2)), "Y"))
    if rng.random() < 0.05:
        row.update(dict.fromkeys(rng.sample(("JA1201", "JA1202", "JA1299"), rng.randint(1, 3)), "Y"))
    return row


def scattered_condition_row(rng: random.Random, service_id: str, name: str) -> dict[str, Any]:
    """A worst case, not a realistic row: every group filled with a random subset, so few rows share one."""
    row: dict[str, Any] = {"서비스ID": service_id, "서비스명": name} | dict.fromkeys(JA_CODES)
    row.update(dict.fromkeys(rng.sample(("JA0101", "JA0102"), rng.randint(1, 2)), "Y"))
    low = rng.randrange(0, 80)
    row["JA0110"], row["JA0111"] = low, rng.randrange(low, 121)
    row.update(dict.fromkeys(rng.sample(INCOME, rng.randint(1, 4)), "Y"))
    row.update(dict.fromkeys(rng.sample(SITUATION_JA, rng.randint(1, 5)), "Y"))
    row.update(dict.fromkeys(rng.sample(HOUSEHOLD_JA, rng.randint(1, 4)), "Y"))
    return row


def gov24_rows(n: int, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`n` serviceList rows and their `n` supportConditions rows, in the v3 shape."""
    services, conditions = [], []
    serials: Counter[str] = Counter()
    for i in range(n):
        body_kind, body, code = _body(rng)
        serials[code] += 1
        service_id = f"{code}{serials[code]:05d}"
        theme = _pick(rng, THEME_MIX)
        field = rng.choice(FIELDS)
        name = f"{body} {field} 지원사업 {i + 1}"
        deadline = _pick(
            rng,
            (
                (70, "상시신청"),
                (10, "접수기관 별 상이"),
                (20, f"2026.{rng.randint(1, 11)}.{rng.randint(1, 28)}. ~ 12.{rng.randint(1, 31)}."),
            ),
        )
        services.append(
            {
                "서비스ID": service_id,
                "지원유형": _pick(rng, ((60, "현금"), (25, "현물/서비스"), (15, "현금(감면)"))),
                "서비스명": name,
                "서비스목적요약": f"{field} 분야 {theme} 대상 지원 (합성 데이터)",
                "지원대상": "○ 지원대상 : 합성 벤치마크 행\r\n  - 실제 서비스가 아님",
                "선정기준": "○ 소득·재산 기준 (합성)" if body_kind == "중앙행정기관" else None,
                "지원내용": "○ 월 10만원 지원 (합성)",
                "신청방법": _pick(
                    rng, ((50, "방문신청"), (30, "기타 온라인신청||방문신청"), (20, "정부24온라인신청"))
                ),
                "신청기한": deadline,
                "상세조회URL": f"https://www.gov.kr/portal/rcvfvrSvc/dtlEx/{service_id}",
                "소관기관코드": code,
                "소관기관명": body,
                "부서명": "복지정책과",
                "조회수": rng.randrange(10, 400_000),
                "소관기관유형": body_kind,
                "사용자구분": _pick(rng, AUDIENCES),
                "서비스분야": field,
                "접수기관": "주민센터",
                "전화문의": f"{body}/02-120",
                "등록일시": "20220101090000",
                "수정일시": f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}101010",
            }
        )
        conditions.append(condition_row(rng, service_id, name, theme))
    return services, conditions


# ---------------------------------------------------------------------------------------------- profiles


def _iso(d: date) -> str:
    return d.isoformat()


def profile_data(rng: random.Random, as_of: date) -> dict[str, Any]:
    """One resident profile in the JSON contract: a realistic mix of known and unknown facts."""
    data: dict[str, Any] = {}
    age = min(100, int(rng.triangular(0, 100, 45)))
    birth = as_of - timedelta(days=age * 365 + rng.randrange(365))
    roll = rng.random()
    if roll < 0.8:
        data["birth_date"] = _iso(birth)
    elif roll < 0.9:
        data["age"] = age
    if rng.random() < 0.9:
        data["sex"] = rng.choice(("male", "female"))
    roll = rng.random()
    if roll < 0.7:
        data["lives_in_junggu"] = True
        if rng.random() < 0.8:
            data["dong"] = rng.choice(DONGS).name
        if rng.random() < 0.75:
            data["moved_in_on"] = _iso(as_of - timedelta(days=rng.randrange(10, 365 * 30)))
    elif roll < 0.85:
        data["lives_in_junggu"] = False
    if rng.random() < 0.75:
        data["household_size"] = _pick(rng, ((33, 1), (28, 2), (19, 3), (15, 4), (4, 5), (1, 6)))
    roll = rng.random()
    if roll < 0.5 and "household_size" in data:
        data["monthly_income_krw"] = int(rng.lognormvariate(15.0, 0.7)) // 10_000 * 10_000
    elif roll < 0.7:
        data["income_percent_of_median"] = round(rng.uniform(10, 260), 1)
    if rng.random() < 0.75:
        pool = ["employed", "job_seeker", "disabled", "patient", "veteran"]
        if age < 20:
            pool += ["elementary_student", "middle_school_student", "high_school_student"]
        elif age < 30:
            pool += ["university_student"] * 2
        if 20 <= age < 45:
            pool += ["pregnant", "prospective_parent", "birth_or_adoption"]
        data["situations"] = sorted(set(rng.sample(pool, _pick(rng, ((45, 0), (40, 1), (15, 2))))))
    if rng.random() < 0.7:
        data["household"] = sorted(
            set(rng.sample(list(HOUSEHOLD_CODES), _pick(rng, ((50, 0), (38, 1), (12, 2)))))
        )
    if rng.random() < 0.6:
        count = _pick(rng, ((50, 0), (25, 1), (20, 2), (5, 3))) if 25 <= age <= 55 else 0
        data["children"] = [
            {"birth_date": _iso(as_of - timedelta(days=rng.randrange(0, 365 * 18)))} for _ in range(count)
        ]
    if rng.random() < 0.6:
        data["livelihood"] = _pick(rng, ((85, "none"), (8, "near_poor"), (7, "recipient")))
    return data
