"""Generate the SAMPLE facility files in the real source formats (see README.md in this folder).

    .venv/bin/python data/samples/facilities/generate.py [OUTPUT_DIR]

Seeded, so the output is the same on every run (a unit test regenerates it and compares). Positions are
random points around the 15 행정동 centroids (core/dongs.py), weighted by area; names, numbers and
phone numbers are made up. Nothing here is a real facility. The files are then loaded by the real
importers (`naesone facilities load-samples`), including the rows that must be reported or skipped.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import sys
from pathlib import Path

from pyproj import Transformer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from naesone_app.core.dongs import DONGS  # noqa: E402

SEED = 20261125
BOX = (126.9615, 37.5438, 127.0268, 37.5720)  # reference §4.3, unpadded: samples stay well inside
AREA_KM2 = {"소공동": 0.915, "회현동": 0.916, "명동": 0.999, "필동": 1.458, "장충동": 1.021, "광희동": 0.725,
            "을지로동": 0.626, "신당동": 0.539, "다산동": 0.531, "약수동": 0.511, "청구동": 0.345,
            "신당5동": 0.310, "동화동": 0.332, "황학동": 0.331, "중림동": 0.492}  # fmt: skip
ROADS = {"소공동": ["세종대로", "소공로", "남대문로"], "회현동": ["퇴계로", "남대문시장길", "소월로"],
         "명동": ["명동길", "명동8길", "삼일대로"], "필동": ["필동로", "충무로", "퇴계로"],
         "장충동": ["장충단로", "동호로"], "광희동": ["마른내로", "퇴계로", "을지로"],
         "을지로동": ["을지로", "창경궁로", "수표로"], "신당동": ["다산로", "퇴계로", "왕십리로"],
         "다산동": ["다산로", "동호로"], "약수동": ["다산로", "동호로"], "청구동": ["청구로", "다산로"],
         "신당5동": ["퇴계로", "난계로"], "동화동": ["동화동길", "다산로"], "황학동": ["마장로", "청계천로"],
         "중림동": ["청파로", "중림로", "만리재로"]}  # fmt: skip
LEGAL_DONG = {"소공동": "소공동", "회현동": "회현동1가", "명동": "명동2가", "필동": "필동2가", "장충동": "장충동1가",
              "광희동": "광희동1가", "을지로동": "을지로3가", "신당동": "신당동", "다산동": "신당동",
              "약수동": "신당동", "청구동": "신당동", "신당5동": "신당동", "동화동": "신당동", "황학동": "황학동",
              "중림동": "중림동"}  # fmt: skip
STEMS = ["한빛", "새솔", "청계", "남산", "다온", "솔빛", "하늘", "미래", "중앙", "대한", "동방", "을지", "충무", "태평",
         "장충", "누리", "가온", "다솜", "아라", "마루", "세운", "동호", "서소문", "퇴계", "수표", "백송", "은행"]  # fmt: skip
# Out-of-box positions (WGS84) used for the rows that must be reported: each lies outside the padded box.
OUTSIDE = {"성북구": (37.5894, 127.0167), "용산구": (37.5450, 126.9450), "종로구": (37.5800, 126.9900),
           "성동구": (37.5350, 127.0000), "동대문구": (37.5600, 127.0400), "광진구": (37.5600, 127.0500)}  # fmt: skip
OTHER_DISTRICTS = [("종로구", "3000000", "1111000000", (37.5730, 126.9794)),
                   ("용산구", "3020000", "1117000000", (37.5324, 126.9900)),
                   ("강남구", "3220000", "1168000000", (37.4990, 127.0546))]  # fmt: skip
BUSAN = ("부산광역시 중구", (35.1063, 129.0323))
SEOUL_OK = {"CODE": "INFO-000", "MESSAGE": "정상 처리되었습니다"}
SAFETY_OK = {"resultCode": "00", "resultMsg": "NORMAL SERVICE", "errorMsg": None}
TM_5174 = Transformer.from_crs("EPSG:4326", "EPSG:5174", always_xy=True)
TM_5186 = Transformer.from_crs("EPSG:4326", "EPSG:5186", always_xy=True)


class Sampler:
    """Random but plausible places in Jung-gu: a dong (by area), a point near its centroid, an address."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.serial = 0

    def place(self) -> dict:
        dong = self.rng.choices(DONGS, weights=[AREA_KM2[d.name] for d in DONGS])[0]
        sigma_km = math.sqrt(AREA_KM2[dong.name] / math.pi) * 0.55
        while True:
            lat = dong.lat + self.rng.gauss(0, sigma_km) / 111.0
            lon = dong.lon + self.rng.gauss(0, sigma_km) / 88.2
            if BOX[0] + 0.001 <= lon <= BOX[2] - 0.001 and BOX[1] + 0.001 <= lat <= BOX[3] - 0.001:
                break
        road = self.rng.choice(ROADS[dong.name])
        number, lot = self.rng.randint(1, 240), f"{self.rng.randint(1, 480)}-{self.rng.randint(1, 30)}"
        return {"dong": dong, "lat": round(lat, 7), "lon": round(lon, 7),
                "road": f"서울특별시 중구 {road} {number}", "lot": f"서울특별시 중구 {LEGAL_DONG[dong.name]} {lot}"}  # fmt: skip

    def stem(self) -> str:
        return self.rng.choice(STEMS)

    def phone(self) -> str:
        return f"02-0000-{self.rng.randint(0, 9999):04d}"  # 02-0000-…: not a dialable number

    def next(self) -> int:
        self.serial += 1
        return self.serial


def outside(name: str) -> dict:
    lat, lon = OUTSIDE[name]
    return {"lat": lat, "lon": lon, "road": "서울특별시 중구 퇴계로 999", "lot": "서울특별시 중구 신당동 999-9"}


def tm(transformer: Transformer, lat: float, lon: float) -> tuple[float, float]:
    return transformer.transform(lon, lat)


def csv_text(header: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[row.get(h, "") for h in header] for row in rows])
    return out.getvalue()


# --- 민방위 대피시설: national LOCALDATA CSV (both header spellings), Seoul LOCALDATA_114602 v1 and v2 -----

LOCALDATA_HEADER = ["번호", "개방서비스명", "개방서비스아이디", "개방자치단체코드", "관리번호", "인허가일자", "인허가취소일자",
                    "영업상태구분코드", "영업상태명", "상세영업상태코드", "상세영업상태명", "폐업일자", "휴업시작일자",
                    "휴업종료일자", "재개업일자", "소재지전화", "소재지면적", "소재지우편번호", "소재지전체주소",
                    "도로명전체주소", "도로명우편번호", "사업장명", "최종수정시점", "데이터갱신구분", "데이터갱신일자",
                    "업태구분명", "좌표정보(x)", "좌표정보(y)", "비상시설위치", "시설구분명", "시설명건물명", "해제일자"]  # fmt: skip


def shelter_name(s: Sampler, place: dict) -> tuple[str, str, str]:
    floor = f"지하{s.rng.choice([1, 1, 1, 2, 2, 3])}층"
    building = s.rng.choice([f"{s.stem()}빌딩", f"{s.stem()}타워", f"{s.stem()}센터", f"{place['dong'].name}주민센터",
                             f"{s.stem()}아파트 {s.rng.randint(101, 112)}동", f"{s.stem()}오피스텔"])  # fmt: skip
    return f"{building} {floor}", floor, building


def localdata_row(s: Sampler, place: dict, org: str = "3010000", status: str = "사용중") -> dict:
    n = s.next()
    name, floor, building = shelter_name(s, place)
    x, y = tm(TM_5174, place["lat"], place["lon"])
    active = status == "사용중"
    return {"번호": n, "개방서비스명": "민방위대피시설", "개방서비스아이디": "11_41_01_P", "개방자치단체코드": org,
            "관리번호": f"{org}-114-{2000 + n % 24}-{n:05d}", "인허가일자": f"{2000 + n % 24}-03-{1 + n % 27:02d}",
            "영업상태구분코드": "01" if active else "03", "영업상태명": status,
            "상세영업상태코드": "01" if active else "03", "상세영업상태명": status,
            "소재지전화": s.phone() if s.rng.random() < 0.4 else "",
            "소재지면적": f"{s.rng.randint(300, 6000)}.{s.rng.randint(0, 99):02d}",
            "소재지우편번호": f"04{s.rng.randint(500, 699)}", "소재지전체주소": place["lot"],
            "도로명전체주소": place["road"], "도로명우편번호": f"04{s.rng.randint(500, 699)}", "사업장명": name,
            "최종수정시점": "2026-09-30 10:12:44", "데이터갱신구분": "U", "데이터갱신일자": "2026-10-02 02:40:00.0",
            "업태구분명": "", "좌표정보(x)": f"{x:.9f}", "좌표정보(y)": f"{y:.9f}", "비상시설위치": floor,
            "시설구분명": s.rng.choice(["공공용시설", "공공용시설", "정부지원시설"]), "시설명건물명": building,
            "해제일자": "" if active else "2025-12-31"}  # fmt: skip


def shelters_csv(s: Sampler, jung: int, upper: bool) -> list[dict]:
    rows = [localdata_row(s, s.place()) for _ in range(jung)]
    if not upper:
        rows += [localdata_row(s, s.place(), status="사용중지") for _ in range(2)]
        for district, org, _, (lat, lon) in OTHER_DISTRICTS:  # the national file holds every district
            place = {**s.place(), "lat": lat, "lon": lon, "road": f"서울특별시 {district} 중앙로 {s.rng.randint(1, 99)}",
                     "lot": f"서울특별시 {district} 중앙동 {s.rng.randint(1, 99)}"}  # fmt: skip
            rows.append(localdata_row(s, place, org=org))
        rows.append(localdata_row(s, {**s.place(), **outside("성북구")}))  # a Jung-gu row placed in 성북구
    s.rng.shuffle(rows)
    for i, row in enumerate(rows, start=1):
        row["번호"] = i
    return rows


V1 = {"관리번호": "MGTNO", "개방자치단체코드": "OPNSFTEAMCODE", "사업장명": "BPLCNM", "영업상태명": "TRDSTATENM",
      "영업상태구분코드": "TRDSTATEGBN", "도로명전체주소": "RDNWHLADDR", "소재지전체주소": "SITEWHLADDR",
      "데이터갱신일자": "UPDATEDT", "최종수정시점": "LASTMODTS", "인허가일자": "APVPERMYMD", "소재지전화": "SITETEL",
      "소재지면적": "SITEAREA", "비상시설위치": "EMERFACLOC", "시설구분명": "FACILGBNNM"}  # fmt: skip
V2 = {"관리번호": "MNG_NO", "개방자치단체코드": "OGDP_INST_CD", "사업장명": "BPLC_NM", "영업상태명": "SALS_STTS_NM",
      "영업상태구분코드": "SALS_STTS_CD", "도로명전체주소": "ROAD_NM_ADDR", "소재지전체주소": "LOTNO_ADDR",
      "데이터갱신일자": "DATA_UPDT_YMD", "최종수정시점": "LAST_MDFCN_YMD", "인허가일자": "LCPMT_YMD",
      "소재지전화": "TELNO", "소재지면적": "LCTN_AREA"}  # fmt: skip


def seoul_localdata(s: Sampler, version: int, jung: int) -> dict:
    names = V1 if version == 1 else V2
    rows = []
    extras = [("사용중지", None), ("사용중", "용산구")] if version == 1 else []
    for status, where in [("사용중", None)] * jung + extras:
        place = s.place() if where is None else {**s.place(), **outside(where)}
        base = localdata_row(s, place, status=status)
        row = {api: base[ko] for ko, api in names.items()}
        if version == 1:  # v1: TM EPSG:5174, as in the national file
            row["X"], row["Y"] = base["좌표정보(x)"], base["좌표정보(y)"]
        else:  # v2: XCRD holds the latitude and YCRD the longitude (reference §2.6)
            row["XCRD"], row["YCRD"] = f"{place['lat']:.7f}", f"{place['lon']:.7f}"
        rows.append(row)
    return {"LOCALDATA_114602": {"list_total_count": len(rows), "RESULT": SEOUL_OK, "row": rows}}


# --- safetydata.go.kr DSSP-IF-10942 / 10804 / 10943 / 10941 --------------------------------------------


def safetydata(rows: list[dict]) -> dict:
    return {"header": SAFETY_OK, "numOfRows": 1000, "pageNo": 1, "totalCount": len(rows), "body": rows}


def elsewhere(s: Sampler) -> list[dict]:
    """Rows of other districts as a nationwide API returns them (Gangnam, 종로, Busan's 중구)."""
    places = [(f"서울특별시 {d} 중앙로 {s.rng.randint(1, 500)}", lat, lon) for d, _, _, (lat, lon) in OTHER_DISTRICTS]
    return [{"road": road, "lot": road, "lat": lat, "lon": lon} for road, lat, lon in places] + [
        {"road": f"{BUSAN[0]} 중앙대로 {s.rng.randint(1, 200)}", "lot": f"{BUSAN[0]} 중앙동4가 1",
         "lat": BUSAN[1][0], "lon": BUSAN[1][1]}]  # fmt: skip


def heat_10942(s: Sampler, jung: int) -> dict:
    rows = []
    for place in [s.place() for _ in range(jung)] + elsewhere(s)[1:]:
        kind = s.rng.choices(["003", "001", "004", "002"], weights=[83, 9, 5, 3])[0]
        name = {"003": f"{s.stem()}경로당", "001": f"{s.stem()}복지관", "004": f"{s.stem()}은행 중구지점",
                "002": f"{s.stem()}공원 정자"}[kind]  # fmt: skip
        rows.append({"RSTR_FCLTY_NO": 41000 + s.next(), "RSTR_NM": name, "RN_DTL_ADRES": place["road"],
                     "DTL_ADRES": place["lot"], "LA": place["lat"], "LO": place["lon"], "FCLTY_TY": kind,
                     "USE_PSBL_NMPR": s.rng.randint(10, 80), "AR": s.rng.randint(30, 300),
                     "COLR_HOLD_ARCNDTN": s.rng.randint(1, 4), "COLR_HOLD_ELEFN": s.rng.randint(0, 6),
                     "WKDAY_OPER_BEGIN_TIME": "0900", "WKDAY_OPER_END_TIME": s.rng.choice(["1800", "2100"]),
                     "WKEND_HDAY_OPER_BEGIN_TIME": "0900" if kind != "004" else "",
                     "WKEND_HDAY_OPER_END_TIME": "1800" if kind != "004" else "",
                     "CHCK_MATTER_WKEND_HDAY_OPN_AT": "N" if kind == "004" else "Y",
                     "CHCK_MATTER_NIGHT_OPN_AT": s.rng.choice(["Y", "N", "N"]),
                     "CHCK_MATTER_STAYNG_PSBL_AT": "N"})  # fmt: skip
    s.rng.shuffle(rows)
    return safetydata(rows)


def cold_10804(s: Sampler, jung: int) -> dict:
    rows = []
    for place in [s.place() for _ in range(jung)] + elsewhere(s)[2:]:
        saturday = s.rng.random() < 0.7
        rows.append({"REARE_FCLT_NO": f"C{52000 + s.next()}", "REARE_NM": f"{s.stem()}{s.rng.choice(['경로당', '주민센터', '복지관'])}",
                     "RONA_DADDR": place["road"], "DADDR": place["lot"], "LAT": f"{place['lat']}",
                     "LOT": f"{place['lon']}", "FCLT_TYPE": s.rng.choice(["경로당", "주민센터", "복지회관"]),
                     "UTZTN_PSBLTY_TNOP": s.rng.randint(10, 60), "WKDY_OPER_BGNG_HR": "0900",
                     "WKDY_OPER_END_HR": "1800", "STDY_OPER_BGNG_HR": "090000" if saturday else "",
                     "STDY_OPER_END_HR": "130000" if saturday else "", "SNDY_OPER_BGNG_HR": "",
                     "SNDY_OPER_END_HR": "", "LHLDY_OPER_BGNG_HR": "", "LHLDY_OPER_END_HR": "",
                     "RMRK": "한파특보 발효 시 야간 연장 운영" if s.rng.random() < 0.2 else ""})  # fmt: skip
    s.rng.shuffle(rows)
    return safetydata(rows)


def earthquake_10943(s: Sampler, jung: int) -> dict:
    rows = []
    for i in range(jung + 2):
        place = s.place()
        area, use = "1114000000", "1"
        if i == jung:  # another district's site, as in the recorded 2026-10-09 call
            place, area = {"road": "서울특별시 강남구 남부순환로 2700", "lot": "서울특별시 강남구 도곡동 1",
                           "lat": 37.4990, "lon": 127.0546}, "1168000000"  # fmt: skip
        elif i == jung + 1:
            use = "0"  # not in use
        kind = s.rng.choice(["초등학교 운동장", "중학교 운동장", "공원", "고등학교 운동장"])
        rows.append({"VT_ACMDFCLTY_NM": f"{s.stem()}{kind}", "LO": f"{place['lon']}", "LA": f"{place['lat']}",
                     "VT_ACMD_PSBL_NMPR": s.rng.randint(800, 7000), "FCLTY_AR": s.rng.randint(1000, 9000),
                     "USE_SE_CD": use, "ARCD": area, "ACMDFCLTY_SN": s.next(), "TELNO": s.phone(),
                     "RN_DTL_ADRES": place["road"], "EQK_ACMDFCLTY_ADRES": place["lot"], "DTL_ADRES": "",
                     "HDONG_CD": place["dong"].code if "dong" in place else ""})  # fmt: skip
    s.rng.shuffle(rows)
    return safetydata(rows)


def combined_10941(s: Sampler, counts: dict[str, int]) -> dict:
    names = {"1": ("한파쉼터", "경로당"), "2": ("무더위쉼터", "경로당"), "3": ("지진옥외대피장소", "공원")}
    rows = []
    for code, n in [*counts.items(), ("9", 1)]:  # code 9 / 기타: a type no importer knows
        for _ in range(n):
            place = s.place()
            label, suffix = names.get(code, ("기타", "시설"))
            rows.append({"REARE_NM": f"{s.stem()}{suffix}", "RONA_DADDR": place["road"], "LAT": place["lat"],
                         "LOT": place["lon"], "SHLT_SE_CD": code, "SHLT_SE_NM": label, "MNG_SN": 900 + s.next(),
                         "OPNNG_CLSE_HR": "09:00~18:00" if code != "3" else "상시",
                         "RST_TELNO": s.phone()})  # fmt: skip
    s.rng.shuffle(rows)
    return safetydata(rows)


def seoul_heat(s: Sampler, jung: int) -> dict:
    rows = []
    for i in range(jung + 2):
        place = s.place()
        area = place["dong"].code
        if i >= jung:  # 종로구 and 용산구 rows: the list covers all of Seoul
            _, _, code, (lat, lon) = OTHER_DISTRICTS[i - jung]
            district = OTHER_DISTRICTS[i - jung][0]
            place, area = {**place, "lat": lat, "lon": lon, "road": f"서울특별시 {district} 중앙로 1"}, code[:8] + "00"
        rows.append({"YEAR": "2026", "AREA_CD": area, "R_AREA_NM": f"{s.stem()}경로당 {s.next()}",
                     "R_DETL_ADD": place["road"], "LOTNO_ADDR": place.get("lot", ""),
                     "USE_PRNB": s.rng.randint(10, 50), "LAT": place["lat"], "LON": place["lon"]})  # fmt: skip
    return {"TbGtnHwcwP": {"list_total_count": len(rows), "RESULT": SEOUL_OK, "row": rows}}


# --- Seoul facility datasets ----------------------------------------------------------------------------


def smartmap_theme(s: Sampler, theme: str, jung: int, names: list[str], with_errors: bool) -> dict:
    rows = []
    plan = [("1", None)] * jung + ([("0", None), ("1", "성동구"), ("1", "종로")] if with_errors else [])
    for status, special in plan:
        place = s.place()
        if special == "성동구":
            place = {**place, **outside("성동구")}  # a Jung-gu address placed south of the district
        elif special == "종로":
            place = {**place, "road": "서울특별시 종로구 종로 1", "lot": "서울특별시 종로구 종로1가 1",
                     "lat": 37.5700, "lon": 126.9790}  # fmt: skip
        n = s.next()
        rows.append({"COT_CONTS_ID": f"{theme[:8]}_{n:05d}", "COT_CONTS_NAME": f"{s.stem()}{s.rng.choice(names)}",
                     "COT_COORD_X": f"{place['lon']}", "COT_COORD_Y": f"{place['lat']}",
                     "COT_ADDR_FULL_NEW": place["road"], "COT_ADDR_FULL_OLD": place["lot"],
                     "COT_REG_DATE": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d} 10:00:00", "COT_CONTS_STAT": status,
                     "COT_THEME_ID": theme, "COT_VALUE_01": ""})  # fmt: skip
    s.rng.shuffle(rows)
    return {"header": {"resultCode": "200", "TOTAL_COUNT": len(rows), "PAGE_COUNT": 1}, "body": rows}


def snow_boxes(s: Sampler, jung: int) -> dict:
    rows = []
    for i in range(jung + 4):
        place, number, office = s.place(), f"중구-{i + 1:03d}", "서울특별시 중구"
        if i == jung:
            place = {**place, **outside("성동구")}
        elif i > jung:  # other districts' boxes share the Seoul-wide file
            number, office = f"금천-{130 + i - jung}", "서울특별시 금천구"
            place = {"lat": 37.4569, "lon": 126.8955, "road": "서울특별시 금천구 시흥대로 1"}
        x, y = tm(TM_5186, place["lat"], place["lon"])
        where = s.rng.choice([f"{s.stem()}빌딩 앞 보도", f"{s.stem()}초등학교 정문 옆", f"{s.stem()}어린이공원 입구",
                              "버스정류장 옆", "육교 계단 아래", f"{s.stem()}아파트 후문"])  # fmt: skip
        rows.append({"sbox_num": number, "detl_cn": f"{place['road'].split(' ', 2)[2]} {where}",
                     "mgc_nm": office, "g2_xmin": round(x * 1000), "g2_ymin": round(y * 1000)})  # fmt: skip
    s.rng.shuffle(rows)
    description = {"sbox_num": "제설함번호", "detl_cn": "위치상세정보", "mgc_nm": "관리기관명",
                   "g2_xmin": "X 좌표 최소값", "g2_ymin": "Y 좌표 최소값"}  # fmt: skip
    return {"DESCRIPTION": description, "DATA": rows}


TOILET_HEADER = ["개방자치단체코드", "관리번호", "구분명", "근거법령명", "화장실명", "소재지도로명주소", "소재지지번주소",
                 "남성용-대변기수", "남성용-소변기수", "남성용-장애인용대변기수", "남성용-장애인용소변기수",
                 "남성용-어린이용대변기수", "남성용-어린이용소변기수", "여성용-대변기수", "여성용-장애인용대변기수",
                 "여성용-어린이용대변기수", "관리기관명", "전화번호", "개방시간", "개방시간상세", "설치연월",
                 "화장실소유구분명", "오물처리방식", "안전관리시설설치대상여부", "비상벨설치여부", "비상벨설치장소",
                 "화장실입구CCTV설치유무", "기저귀교환대유무", "기저귀교환대장소", "리모델링연월", "WGS84위도",
                 "WGS84경도", "데이터기준일자", "데이터갱신구분", "데이터갱신시점", "최종수정시점"]  # fmt: skip


def toilets(s: Sampler, jung: int) -> list[dict]:
    rows = []
    for i in range(jung + 4):
        place, org = s.place(), "3010000"
        if i == jung:
            place = {**place, **outside("동대문구")}
        elif i in (jung + 1, jung + 2):
            district, org, _, (lat, lon) = OTHER_DISTRICTS[i - jung - 1]
            place = {**place, "lat": lat, "lon": lon, "road": f"서울특별시 {district} 종로 1"}
        opening = s.rng.choice(["정시", "24시간", "24시간", "09:00~18:00"])
        n = s.next()
        rows.append({"개방자치단체코드": org, "관리번호": f"2025{org}0000{n:05d}", "구분명": s.rng.choice(["공중화장실", "개방화장실"]),
                     "근거법령명": "공중화장실 등에 관한 법률 제2조제1호", "화장실명": f"{s.stem()}{s.rng.choice(['공원', '시장', '빌딩', '역'])} 화장실",
                     "소재지도로명주소": place["road"], "소재지지번주소": place.get("lot", ""),
                     "남성용-대변기수": s.rng.randint(1, 4), "남성용-소변기수": s.rng.randint(1, 5),
                     "남성용-장애인용대변기수": 1, "남성용-장애인용소변기수": 1, "남성용-어린이용대변기수": 0,
                     "남성용-어린이용소변기수": 0, "여성용-대변기수": s.rng.randint(2, 6), "여성용-장애인용대변기수": 1,
                     "여성용-어린이용대변기수": 0, "관리기관명": "서울특별시 중구청 청소행정과", "전화번호": s.phone(),
                     "개방시간": opening, "개방시간상세": "09:00~18:00" if opening == "정시" else "",
                     "설치연월": f"{s.rng.randint(1995, 2024)}{s.rng.randint(1, 12):02d}",
                     "화장실소유구분명": "공공기관-지방자치단체", "오물처리방식": "수세식", "안전관리시설설치대상여부": "Y",
                     "비상벨설치여부": "Y", "비상벨설치장소": "여성화장실 대변기 칸막이 내", "화장실입구CCTV설치유무": "Y",
                     "기저귀교환대유무": s.rng.choice(["Y", "N"]), "기저귀교환대장소": "", "리모델링연월": "",
                     "WGS84위도": "" if i == jung + 3 else f"{place['lat']}",
                     "WGS84경도": "" if i == jung + 3 else f"{place['lon']}", "데이터기준일자": "2026-09-30",
                     "데이터갱신구분": "U", "데이터갱신시점": "2026-10-01 00:00:00",
                     "최종수정시점": "2026-09-30 17:20:11"})  # fmt: skip
    s.rng.shuffle(rows)
    return rows


def wifi(s: Sampler, jung: int) -> dict:
    rows = []
    for i in range(jung + 5):
        place, office = s.place(), "중구"
        lat, lon = f"{place['lat']}", f"{place['lon']}"
        if i == jung:
            lat, lon = "37.5600", "127.0500"  # a Jung-gu row placed in 광진구
        elif i == jung + 1:
            lat, lon = "3.7561", f"{place['lon']}"  # a digit lost: no coordinate pair at all
        elif i > jung + 1:
            office, (lat, lon) = OTHER_DISTRICTS[i - jung - 2][0], map(str, OTHER_DISTRICTS[i - jung - 2][3])
        where = s.rng.choice([f"{s.stem()}공원", f"{s.stem()}시장 입구", f"{place['dong'].name} 주민센터",
                              f"{s.stem()}버스정류소", f"{s.stem()}어린이공원", f"{s.stem()}광장"])  # fmt: skip
        rows.append({"X_SWIFI_MGR_NO": f"JG-{s.next():06d}", "X_SWIFI_WRDOFC": office, "X_SWIFI_MAIN_NM": where,
                     "X_SWIFI_ADRES1": place["road"].removeprefix("서울특별시 "), "X_SWIFI_ADRES2": s.rng.choice(["", "1층", "입구"]),
                     "X_SWIFI_INSTL_FLOOR": "", "X_SWIFI_INSTL_TY": s.rng.choice(["7-1. 공원(하천)", "3. 버스정류소", "6. 주요거리"]),
                     "X_SWIFI_INSTL_MBY": "서울시(AP)", "X_SWIFI_SVC_SE": "공공WiFi", "X_SWIFI_CMCWR": "자가망_U무선망",
                     "X_SWIFI_CNSTC_YEAR": str(s.rng.randint(2016, 2025)), "X_SWIFI_INOUT_DOOR": "실외",
                     "X_SWIFI_REMARS3": "", "LAT": lon, "LNT": lat,  # swapped, as the API sends them
                     "WORK_DTTM": "2026-10-01 10:41:22.0"})  # fmt: skip
    s.rng.shuffle(rows)
    return {"TbPublicWifiInfo": {"list_total_count": len(rows), "RESULT": SEOUL_OK, "row": rows}}


def smart_shelters(s: Sampler, jung: int) -> str:
    header = ["연번", "자치구", "시설명", "설치장소", "도로명주소", "설치년도", "경도", "위도"]
    rows = []
    for i in range(jung + 2):
        place, district = s.place(), "중구"
        if i >= jung:
            district, _, _, (lat, lon) = OTHER_DISTRICTS[i - jung]
            place = {**place, "lat": lat, "lon": lon, "road": f"서울특별시 {district} 종로 1"}
        rows.append({"연번": i + 1, "자치구": district, "시설명": f"{s.stem()}{s.rng.choice(['역', '시장', '사거리', '공원'])} 스마트쉼터",
                     "설치장소": "버스정류소", "도로명주소": place["road"], "설치년도": s.rng.randint(2019, 2025),
                     "경도": place["lon"], "위도": place["lat"]})  # fmt: skip
    return "서울시 스마트쉼터 현황\r\n" + csv_text(header, rows)


# --- writing --------------------------------------------------------------------------------------------

SHELTERS = {"localdata_lower": 30, "localdata_upper": 20, "v1": 15, "v2": 15, "10943": 14, "10941_quake": 2}
FACILITIES = {"extinguisher": 150, "hazardous": 31, "snow": 120, "10942": 45, "seoul_heat": 25,
              "10941_heat": 5, "10804": 40, "10941_cold": 10, "smart": 20, "toilet": 90, "wifi": 140}  # fmt: skip
HAZARD_THEME = "sample-hazardous"  # no public theme id is known for hazardous facilities (README)


def write(out: Path) -> dict[str, str]:
    """Write every sample file and manifest.json into `out`; returns {file name: content}."""
    assert sum(SHELTERS.values()) == 96 and sum(FACILITIES.values()) == 676
    s = Sampler()
    files: dict[str, tuple[str, str]] = {}  # name → (text, encoding)

    def put_json(name: str, payload: object) -> None:
        files[name] = (json.dumps(payload, ensure_ascii=False, indent=1) + "\n", "utf-8")

    files["shelters-localdata.csv"] = (csv_text(LOCALDATA_HEADER, shelters_csv(s, SHELTERS["localdata_lower"], False)), "cp949")
    upper = [h.replace("(x)", "(X)").replace("(y)", "(Y)") for h in LOCALDATA_HEADER]
    rows = [{k.replace("(x)", "(X)").replace("(y)", "(Y)"): v for k, v in r.items()}
            for r in shelters_csv(s, SHELTERS["localdata_upper"], True)]  # fmt: skip
    files["shelters-localdata-upper-xy.csv"] = (csv_text(upper, rows), "utf-8-sig")
    put_json("shelters-seoul-localdata-v1.json", seoul_localdata(s, 1, SHELTERS["v1"]))
    put_json("shelters-seoul-localdata-v2.json", seoul_localdata(s, 2, SHELTERS["v2"]))
    put_json("earthquake-dssp-10943.json", earthquake_10943(s, SHELTERS["10943"]))
    put_json("shelters-dssp-10941.json", combined_10941(s, {"1": FACILITIES["10941_cold"], "2": FACILITIES["10941_heat"],
                                                           "3": SHELTERS["10941_quake"]}))  # fmt: skip
    put_json("heat-dssp-10942.json", heat_10942(s, FACILITIES["10942"]))
    put_json("cold-dssp-10804.json", cold_10804(s, FACILITIES["10804"]))
    put_json("heat-seoul-TbGtnHwcwP.json", seoul_heat(s, FACILITIES["seoul_heat"]))
    put_json("extinguishers-smartmap-11103379.json",
             smartmap_theme(s, "11103379", FACILITIES["extinguisher"], ["빌딩 앞 보이는 소화기", "시장 보이는 소화기", "골목 보이는 소화기"], True))  # fmt: skip
    put_json("hazardous-smartmap-sample.json",
             smartmap_theme(s, HAZARD_THEME, FACILITIES["hazardous"], ["주유소", " LPG 충전소", "도시가스 정압기", "위험물 저장소"], False))  # fmt: skip
    put_json("snow-boxes.json", snow_boxes(s, FACILITIES["snow"]))
    files["toilets-standard.csv"] = (csv_text(TOILET_HEADER, toilets(s, FACILITIES["toilet"])), "cp949")
    put_json("wifi-TbPublicWifiInfo-swapped.json", wifi(s, FACILITIES["wifi"]))
    files["smart-shelters-OA-22311.csv"] = (smart_shelters(s, FACILITIES["smart"]), "utf-8-sig")
    manifest = {"note": "SAMPLE data: made-up positions and names in the real source formats (README.md)",
                "imports": [
                    {"format": "localdata-shelter-csv", "files": ["shelters-localdata.csv", "shelters-localdata-upper-xy.csv"]},
                    {"format": "seoul-localdata", "files": ["shelters-seoul-localdata-v1.json", "shelters-seoul-localdata-v2.json"]},
                    {"format": "dssp-10943", "files": ["earthquake-dssp-10943.json"]},
                    {"format": "dssp-10941", "files": ["shelters-dssp-10941.json"]},
                    {"format": "dssp-10942", "files": ["heat-dssp-10942.json"]},
                    {"format": "dssp-10804", "files": ["cold-dssp-10804.json"]},
                    {"format": "seoul-heat-shelter", "files": ["heat-seoul-TbGtnHwcwP.json"]},
                    {"format": "smartmap-theme", "files": ["extinguishers-smartmap-11103379.json"]},
                    {"format": "smartmap-theme", "files": ["hazardous-smartmap-sample.json"], "kind": "hazardous_facility"},
                    {"format": "snow-box", "files": ["snow-boxes.json"]},
                    {"format": "toilet-standard-csv", "files": ["toilets-standard.csv"]},
                    {"format": "wifi", "files": ["wifi-TbPublicWifiInfo-swapped.json"]},
                    {"format": "smart-shelter-csv", "files": ["smart-shelters-OA-22311.csv"]},
                ]}  # fmt: skip
    put_json("manifest.json", manifest)
    out.mkdir(parents=True, exist_ok=True)
    for name, (content, encoding) in files.items():
        (out / name).write_bytes(content.encode(encoding))
    return {name: content for name, (content, _) in files.items()}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    written = write(target)
    print(f"wrote {len(written)} files to {target}")
