"""Hypothesis strategies: valid profiles, profiles with exactly one bad key, Gov24 condition rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from naesone_app.core.catalog.gov24 import HOUSEHOLD_NONE, INCOME_BANDS, SITUATION_NONE
from naesone_app.core.dongs import DONGS
from naesone_app.core.profile import (
    HOUSEHOLD_CODES,
    HOUSINGS,
    LIVELIHOODS,
    PROFILE_KEYS,
    SEXES,
    SITUATION_CODES,
)

dates = st.dates(date(1900, 1, 1), date(2100, 12, 31))
iso_dates = dates.map(date.isoformat)
as_of_dates = st.dates(date(2000, 1, 1), date(2090, 12, 31))
dong_values = st.sampled_from([d.name for d in DONGS] + [d.code for d in DONGS])

VALID_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "birth_date": iso_dates,
    "age": st.integers(0, 130),
    "sex": st.sampled_from(SEXES),
    "lives_in_junggu": st.booleans(),
    "dong": dong_values,
    "moved_in_on": iso_dates,
    "household_size": st.integers(1, 30),
    "monthly_income_krw": st.integers(0, 10_000_000_000),
    "income_percent_of_median": st.floats(0, 10_000, allow_nan=False) | st.integers(0, 10_000),
    "situations": st.lists(st.sampled_from(sorted(SITUATION_CODES)), unique=True, max_size=5),
    "household": st.lists(st.sampled_from(sorted(HOUSEHOLD_CODES)), unique=True, max_size=4),
    "children": st.lists(st.fixed_dictionaries({"birth_date": iso_dates}), max_size=5),
    "livelihood": st.sampled_from(LIVELIHOODS),
    "housing": st.sampled_from(HOUSINGS),
}


@st.composite
def valid_profiles(draw: st.DrawFn, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Any contract-valid profile: every key optional, null allowed, dong only if not outside Jung-gu."""
    profile: dict[str, Any] = {}
    for key in PROFILE_KEYS:
        if key in exclude or not draw(st.booleans()):
            continue
        profile[key] = (
            draw(st.none() | VALID_VALUES[key]) if draw(st.integers(0, 9)) == 0 else draw(VALID_VALUES[key])
        )
    if profile.get("lives_in_junggu") is False:
        profile.pop("dong", None)
    return profile


not_text = st.integers() | st.booleans() | st.lists(st.text(max_size=3), max_size=2) | st.floats()
bad_dates = (
    not_text
    | st.text(max_size=12).filter(lambda t: not _is_iso(t))
    | st.dates(date(1, 1, 1), date(1879, 12, 31)).map(date.isoformat)
    | st.dates(date(2201, 1, 1), date(9999, 12, 31)).map(date.isoformat)
)
bad_ints_30 = (
    st.integers(max_value=0) | st.integers(min_value=31) | st.booleans() | st.text(max_size=3)
    | st.floats().filter(lambda f: not f.is_integer() if f == f else True)
)  # fmt: skip
bad_code_lists = (
    st.text(max_size=5) | st.integers() | st.dictionaries(st.text(max_size=3), st.booleans(), max_size=2)
    | st.lists(st.text(max_size=8).filter(lambda t: t not in SITUATION_CODES and t not in HOUSEHOLD_CODES)
               | st.integers() | st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
               min_size=1, max_size=3)
)  # fmt: skip

BAD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "birth_date": bad_dates,
    "age": st.integers(max_value=-1) | st.integers(min_value=131) | st.booleans() | st.text(max_size=3)
    | st.floats().filter(lambda f: f != f or not f.is_integer()),
    "sex": st.text(max_size=8).filter(lambda t: t not in SEXES) | st.integers() | st.booleans(),
    "lives_in_junggu": st.integers() | st.text(max_size=5) | st.floats(allow_nan=False),
    "dong": st.text(max_size=12).filter(lambda t: t.strip() not in {d.name for d in DONGS} | {d.code for d in DONGS}
                                        and t.strip() != "신당제5동") | st.integers(),
    "moved_in_on": bad_dates,
    "household_size": bad_ints_30,
    "monthly_income_krw": st.integers(max_value=-1) | st.integers(min_value=10_000_000_001) | st.booleans()
    | st.text(max_size=4),
    "income_percent_of_median": st.floats(max_value=-0.001) | st.floats(min_value=10_000.001) | st.just(float("nan"))
    | st.booleans() | st.text(max_size=4),
    "situations": bad_code_lists,
    "household": bad_code_lists,
    "children": st.text(max_size=3) | st.integers() | st.dictionaries(st.just("birth_date"), iso_dates)
    | st.lists(st.text(max_size=3) | st.fixed_dictionaries({"birth_date": bad_dates})
               | st.fixed_dictionaries({"birth_date": iso_dates, "name": st.text(max_size=2)}),
               min_size=1, max_size=3),
    "livelihood": st.text(max_size=10).filter(lambda t: t not in LIVELIHOODS) | st.integers()
    | st.lists(st.sampled_from(LIVELIHOODS), max_size=2),
    "housing": st.text(max_size=14).filter(lambda t: t not in HOUSINGS) | st.integers() | st.booleans()
    | st.lists(st.sampled_from(HOUSINGS), max_size=2),
}  # fmt: skip


def _is_iso(text: str) -> bool:
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        return False
    return 1880 <= parsed.year <= 2200


@st.composite
def profiles_with_one_bad_key(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid profile with exactly one key made bad (a bad value, or an unknown key)."""
    key = draw(st.sampled_from([*PROFILE_KEYS, "(unknown)"]))
    profile = draw(valid_profiles(exclude=frozenset({key})))
    if key == "(unknown)":
        key = draw(st.text(min_size=1, max_size=12).filter(lambda k: k not in PROFILE_KEYS))
        profile[key] = draw(st.integers() | st.text(max_size=3))
    else:
        profile[key] = draw(BAD_VALUES[key])
        if key == "lives_in_junggu":
            profile.pop("dong", None)
    return profile, key


FLAG_CODES = (
    ["JA0101", "JA0102", *INCOME_BANDS, SITUATION_NONE, HOUSEHOLD_NONE]
    + [f"JA03{n:02d}" for n in (1, 2, 3, 13, 14, 15, 16, 17, 18, 19, 20, 26, 27, 28, 29, 30)]
    + [f"JA04{n:02d}" for n in (1, 2, 3, 4, 11, 12, 13, 14)]
    + ["JA1101", "JA2101"]
)
flag_values = st.sampled_from([None, "", "Y", "Y", "N", "y"])
age_bound = st.none() | st.integers(0, 130) | st.integers(0, 130).map(lambda n: f"{n:03d}") | st.just("")


@st.composite
def gov24_condition_rows(draw: st.DrawFn) -> dict[str, Any]:
    """A well-formed supportConditions row with random JA flags and an ordered age range."""
    row: dict[str, Any] = {"서비스ID": "HYP0001"}
    for code in FLAG_CODES:
        if draw(st.booleans()):
            row[code] = draw(flag_values)
    low, high = draw(age_bound), draw(age_bound)
    as_int = [int(v) if v not in (None, "") else None for v in (low, high)]
    if as_int[0] is not None and as_int[1] is not None and as_int[0] > as_int[1] and as_int[1] < 120:
        low, high = high, low
    row["JA0110"], row["JA0111"] = low, high
    return row


gov24_list_rows = st.fixed_dictionaries({
    "서비스ID": st.just("HYP0001"),
    "서비스명": st.text(max_size=10),
    "사용자구분": st.just("개인||가구"),
}).flatmap(lambda base: st.sampled_from([
    {"소관기관유형": "중앙행정기관", "소관기관명": "보건복지부"},
    {"소관기관유형": "광역시도", "소관기관명": "서울특별시"},
    {"소관기관유형": "시군구", "소관기관명": "서울특별시 중구"},
]).map(lambda region: {**base, **region}))  # fmt: skip
