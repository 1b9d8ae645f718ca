"""A small Gov24 v3 catalogue in the real response shape, written by the tests themselves.

Nine serviceList rows cover every import path: national, Seoul and Jung-gu programmes that are
imported; Busan's and Dongdaemun-gu's 중구/구 programmes and a corporate-only programme that are
skipped; a service without conditions; and a conditions row without a service.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _service(sid: str, title: str, kind: str, body: str, audience: str = "개인", **extra: Any) -> dict:
    return {
        "서비스ID": sid, "서비스명": title, "서비스목적요약": f"{title} 요약", "지원대상": "○ 대상\r\n○ 둘째",
        "선정기준": "", "지원내용": "○ 지원", "신청방법": "방문신청||온라인신청", "신청기한": "상시신청",
        "상세조회URL": f"https://www.gov.kr/portal/rcvfvrSvc/dtlEx/{sid}", "소관기관코드": "0000000",
        "소관기관명": body, "부서명": "담당과", "조회수": 1, "소관기관유형": kind, "사용자구분": audience,
        "서비스분야": "생활안정", "접수기관": "주민센터", "전화문의": f"{body}/02-000-0000",
        "등록일시": "20240101000000", "수정일시": "20251204133104", **extra,
    }  # fmt: skip


def service_rows() -> list[dict]:
    return [
        _service("000000465790", "기초연금", "중앙행정기관", "보건복지부"),
        _service("611000000127", "서울 생활지원", "광역시도", "서울특별시", "개인||가구"),
        _service("301000000001", "중구 1인가구 지원", "시군구", "서울특별시 중구", "가구"),
        _service("301000000002", "중구 청년 여성 지원", "시군구", "서울특별시 중구"),
        _service("626000000001", "부산 중구 지원", "시군구", "부산광역시 중구"),
        _service("306000000001", "동대문구 지원", "시군구", "서울특별시 동대문구"),
        _service("000000000777", "법인 지원", "중앙행정기관", "중소벤처기업부", "법인/시설/단체"),
        _service("000000000888", "조건 없는 서비스", "중앙행정기관", "행정안전부"),
    ]


def condition_rows() -> list[dict]:
    return [
        {"서비스ID": "000000465790", "서비스명": "기초연금", "JA0101": "Y", "JA0102": "Y", "JA0110": 65,
         "JA0111": 120, "JA0201": "Y", "JA0202": "Y", "JA0203": "Y", "JA0204": "Y", "JA0205": "Y"},
        {"서비스ID": "611000000127", "JA0201": "Y", "JA0202": "Y", "JA0322": None},
        {"서비스ID": "301000000001", "JA0404": "Y", "JA0410": None},
        {"서비스ID": "301000000002", "JA0102": "Y", "JA0110": "019", "JA0111": "034"},
        {"서비스ID": "626000000001", "JA0110": 65},
        {"서비스ID": "306000000001"},
        {"서비스ID": "000000000777", "JA2101": "Y"},
        {"서비스ID": "999999999999", "JA0110": 1},
    ]  # fmt: skip


def detail_rows() -> list[dict]:
    return [{"서비스ID": "000000465790", "구비서류": "- 신분증\n- 통장 사본",
             "온라인신청사이트URL": "https://www.bokjiro.go.kr", "법령": "기초연금법(제3조)"}]  # fmt: skip


IMPORTED = ("000000465790", "301000000001", "301000000002", "611000000127")
SKIPPED = {"other_region": 2, "not_for_residents": 1, "missing_conditions": 1, "not_in_service_list": 1}


def envelope(rows: list[dict], page: int, per_page: int, total: int) -> dict:
    """One page exactly as api.odcloud.kr answers it."""
    start = (page - 1) * per_page
    data = rows[start : start + per_page]
    return {"page": page, "perPage": per_page, "totalCount": total, "currentCount": len(data),
            "matchCount": total, "data": data}  # fmt: skip


def write_pages(directory: Path, name: str, rows: list[dict], per_page: int) -> list[str]:
    """Write `rows` as consecutive API pages: name_p1.json, name_p2.json, …; returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    pages = max(1, -(-len(rows) // per_page))
    for page in range(1, pages + 1):
        path = directory / f"{name}_p{page}.json"
        path.write_text(json.dumps(envelope(rows, page, per_page, len(rows)), ensure_ascii=False), "utf-8")
        paths.append(str(path))
    return paths
