"""The import formats by name (the `--format` of `naesone facilities import`), and reading files with them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from naesone_app.core.facilities import (
    localdata_csv,
    safetydata_cold,
    safetydata_combined,
    safetydata_earthquake,
    safetydata_heat,
    seoul_heat,
    seoul_localdata,
    smart_shelter,
    smartmap,
    snow_box,
    toilets,
    wifi,
)
from naesone_app.core.facilities.model import Batch, FacilityFormatError
from naesone_app.core.facilities.readers import read_csv, read_json


@dataclass(frozen=True, slots=True)
class Format:
    """One source format: how its files are read, and the importer that turns them into facilities."""

    name: str
    reads: Literal["json", "csv"]
    parse: Callable[..., Batch]
    title: str
    takes_kind: bool = False


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "localdata-shelter-csv",
            "csv",
            localdata_csv.parse,
            "전국민방위대피시설표준데이터 CSV (TM EPSG:5174)",
        ),
        Format("seoul-localdata", "json", seoul_localdata.parse, "Seoul LOCALDATA_114602, v1 or v2 columns"),
        Format("dssp-10942", "json", safetydata_heat.parse, "safetydata 무더위쉼터 DSSP-IF-10942"),
        Format("dssp-10804", "json", safetydata_cold.parse, "safetydata 한파쉼터 DSSP-IF-10804"),
        Format(
            "dssp-10943", "json", safetydata_earthquake.parse, "safetydata 지진옥외대피장소 DSSP-IF-10943"
        ),
        Format("dssp-10941", "json", safetydata_combined.parse, "safetydata 대피소 통합 DSSP-IF-10941"),
        Format("seoul-heat-shelter", "json", seoul_heat.parse, "Seoul 무더위쉼터 OA-21065 TbGtnHwcwP"),
        Format(
            "smartmap-theme", "json", smartmap.parse, "스마트서울맵 theme response (보이는 소화기 …)", True
        ),
        Format("snow-box", "json", snow_box.parse, "서울시 제설함 위치정보 JSON (TM in mm)"),
        Format("toilet-standard-csv", "csv", toilets.parse, "전국공중화장실표준데이터 CSV"),
        Format("wifi", "json", wifi.parse, "Seoul TbPublicWifiInfo 공공와이파이"),
        Format("smart-shelter-csv", "csv", smart_shelter.parse, "서울시 스마트쉼터 현황 OA-22311 CSV"),
    )
}


def read_files(format_name: str, paths: Sequence[str | Path], kind: str | None = None) -> Batch:
    """Every file read with one format into one batch; any malformed file raises before anything is stored."""
    spec = FORMATS.get(format_name)
    if spec is None:
        raise FacilityFormatError(format_name, f"unknown format (known: {', '.join(FORMATS)})")
    if kind is not None and not spec.takes_kind:
        raise FacilityFormatError(format_name, "a kind can only be given for smartmap-theme files")
    batch = Batch()
    for path in map(Path, paths):
        content: Any = read_json(path) if spec.reads == "json" else read_csv(path)
        extra = {"kind": kind} if spec.takes_kind else {}
        batch.extend(spec.parse(content, str(path), **extra))
    return batch


def mark_sample(batch: Batch, note: str) -> Batch:
    """The same batch with every facility marked as sample data and `note` as its provenance."""
    batch.facilities = [replace(f, is_sample=True, provenance=note) for f in batch.facilities]
    return batch
