"""Opening source files and unwrapping the envelopes the sources wrap their rows in.

Every problem names the file (and the row, where there is one), so a bad download is found quickly.
CSV downloads from data.go.kr / localdata.go.kr are often CP949 rather than UTF-8; both are read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from naesone_app.core.facilities.model import FacilityFormatError

Row = Mapping[str, Any]
SEOUL_OK, SEOUL_NO_DATA = "INFO-000", "INFO-200"
SAFETYDATA_OK = "00"
SAFETYDATA_ERRORS = {
    "20": "service not approved for this key",
    "22": "daily quota exceeded",
    "30": "unregistered key",
    "31": "key expired",
}


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an error naming it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FacilityFormatError(str(path), "no such file") from None
    except OSError as exc:
        raise FacilityFormatError(str(path), f"cannot read ({exc.strerror or exc})") from None


def read_json(path: Path) -> Any:
    """The parsed JSON of a file (UTF-8, with or without BOM)."""
    raw = read_bytes(path)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FacilityFormatError(str(path), "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise FacilityFormatError(str(path), f"not valid JSON ({where}: {exc.msg})") from None


def read_csv(path: Path) -> list[list[str]]:
    """The records of a CSV file in UTF-8 (BOM or not) or CP949, blank lines dropped."""
    raw = read_bytes(path)
    for encoding in ("utf-8-sig", "cp949"):
        try:
            content = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FacilityFormatError(str(path), "neither UTF-8 nor CP949 text")
    try:
        return [r for r in csv.reader(io.StringIO(content, newline="")) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise FacilityFormatError(str(path), f"not valid CSV ({exc})") from None


def records_with_header(
    records: list[list[str]], where: str, header_at: int = 0
) -> tuple[list[str], list[tuple[str, dict[str, str]]]]:
    """(header, [(where-with-row, row as dict)]) for the records after the header row.

    A row with a different number of cells than the header is malformed: its columns cannot be trusted.
    """
    if len(records) <= header_at:
        raise FacilityFormatError(where, "no header row")
    header = [h.strip() for h in records[header_at]]
    rows = []
    for i, record in enumerate(records[header_at + 1 :], start=1):
        at = f"{where}: row {i}"
        if len(record) != len(header):
            raise FacilityFormatError(at, f"{len(record)} cells where the header has {len(header)}")
        rows.append((at, dict(zip(header, record, strict=True))))
    return header, rows


def require_columns(header: list[str], where: str, *columns: str) -> None:
    """Every one of `columns` is in the header."""
    for column in columns:
        if column not in header:
            raise FacilityFormatError(f"{where}: header", "missing column", column)


def one_of(header: list[str], where: str, *spellings: str) -> str:
    """The spelling of a column this file uses (e.g. 좌표정보(x) / 좌표정보(X))."""
    for spelling in spellings:
        if spelling in header:
            return spelling
    raise FacilityFormatError(f"{where}: header", "missing column", " or ".join(spellings))


def row_list(rows: Any, where: str, what: str) -> list[tuple[str, Row]]:
    """[(where-with-row, row)] for a JSON list of objects."""
    if not isinstance(rows, list):
        raise FacilityFormatError(where, f"{what} must be a list of rows")
    result = []
    for i, row in enumerate(rows, start=1):
        at = f"{where}: row {i}"
        if not isinstance(row, Mapping):
            raise FacilityFormatError(at, "expected a JSON object")
        result.append((at, row))
    return result


def seoul_rows(payload: Any, service: str, where: str) -> list[tuple[str, Row]]:
    """Rows of a Seoul open API response ``{SERVICE: {list_total_count, RESULT, row}}`` or a plain list.

    INFO-200 (no data) is an empty answer, not an error; any other non-INFO-000 code is.
    """
    if isinstance(payload, list):
        return row_list(payload, where, "the file")
    if not isinstance(payload, Mapping):
        raise FacilityFormatError(where, f'expected a Seoul open API response {{"{service}": …}}')
    if service not in payload:
        result = payload.get("RESULT")
        if isinstance(result, Mapping) and result.get("CODE") == SEOUL_NO_DATA:
            return []
        if isinstance(result, Mapping):
            raise FacilityFormatError(
                where, f"the API answered {result.get('CODE')}: {result.get('MESSAGE')}"
            )
        found = ", ".join(sorted(map(str, payload))) or "nothing"
        raise FacilityFormatError(where, f'expected the service "{service}", found {found}')
    body = payload[service]
    if not isinstance(body, Mapping):
        raise FacilityFormatError(where, f'"{service}" must be an object')
    result = body.get("RESULT")
    code = result.get("CODE") if isinstance(result, Mapping) else None
    if code == SEOUL_NO_DATA:
        return []
    if code not in (None, SEOUL_OK):
        raise FacilityFormatError(where, f"the API answered {code}: {result.get('MESSAGE')}")
    return row_list(body.get("row", []), where, f'"{service}".row')


def safetydata_rows(payload: Any, where: str) -> list[tuple[str, Row]]:
    """Rows of a safetydata.go.kr V2 response ``{header:{resultCode}, totalCount, body:[…]}`` or a plain list."""
    if isinstance(payload, list):
        return row_list(payload, where, "the file")
    if not isinstance(payload, Mapping) or "body" not in payload:
        raise FacilityFormatError(where, 'expected a safetydata response with "header" and "body"')
    header = payload.get("header")
    code = str(header.get("resultCode")) if isinstance(header, Mapping) else None
    if code != SAFETYDATA_OK:
        reason = SAFETYDATA_ERRORS.get(code or "", "an error")
        raise FacilityFormatError(where, f"the API answered resultCode {code} ({reason})")
    return row_list(payload["body"] or [], where, '"body"')


def described_rows(payload: Any, where: str) -> list[tuple[str, Row]]:
    """Rows of a Seoul file-dataset JSON ``{"DESCRIPTION": {…}, "DATA": […]}``."""
    if not isinstance(payload, Mapping) or "DATA" not in payload:
        raise FacilityFormatError(where, 'expected {"DESCRIPTION": …, "DATA": […]}')
    return row_list(payload["DATA"], where, '"DATA"')
