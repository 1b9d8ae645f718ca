"""The Gov24 v3 open API (api.odcloud.kr): every page of serviceList, supportConditions, serviceDetail."""

from __future__ import annotations

import os
from typing import Any

import httpx

from naesone_app.integrations.http import OutboundError, get_json

DEFAULT_BASE_URL = "https://api.odcloud.kr/api"
ENDPOINTS = ("serviceList", "supportConditions", "serviceDetail")
SERVICE = "Gov24 API"
MAX_PAGES = 10_000


def _rows(payload: Any, endpoint: str, page: int) -> tuple[list[dict], int]:
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        raise OutboundError(f"{SERVICE}: {endpoint} page {page} has no data list")
    match = payload.get("matchCount", payload.get("totalCount"))
    if not isinstance(match, int):
        raise OutboundError(f"{SERVICE}: {endpoint} page {page} has no matchCount")
    return payload["data"], match


class Gov24Client:
    """Pages through one endpoint until `matchCount`; the key goes in `Authorization: Infuser …`."""

    def __init__(
        self,
        service_key: str,
        base_url: str | None = None,
        per_page: int = 500,
        timeout_seconds: float = 15.0,
        retries: int = 3,
        backoff_seconds: float = 0.5,
    ) -> None:
        if not service_key:
            raise OutboundError(f"{SERVICE}: no service key (set NAESONE_GOV24_SERVICE_KEY)")
        self._key = service_key
        self._base = (base_url or os.environ.get("NAESONE_GOV24_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
        self._per_page = per_page
        self._retries, self._backoff = retries, backoff_seconds
        self._timeout = httpx.Timeout(timeout_seconds)

    def fetch_all(self, endpoint: str) -> list[dict]:
        """Every row of `endpoint` (serviceList, supportConditions or serviceDetail)."""
        if endpoint not in ENDPOINTS:
            raise ValueError(f"unknown Gov24 endpoint {endpoint!r}")
        rows: list[dict] = []
        with httpx.Client(timeout=self._timeout) as client:
            page = 1
            while True:
                payload = get_json(
                    client,
                    f"{self._base}/gov24/v3/{endpoint}",
                    service=f"{SERVICE} {endpoint}",
                    params={"page": page, "perPage": self._per_page, "returnType": "JSON"},
                    headers={"Authorization": f"Infuser {self._key}"},
                    retries=self._retries,
                    backoff_seconds=self._backoff,
                )
                data, match = _rows(payload, endpoint, page)
                rows.extend(data)
                # count what arrived rather than trusting perPage: the server may cap the page size
                if not data or len(rows) >= match:
                    return rows
                if page >= MAX_PAGES:
                    raise OutboundError(
                        f"{SERVICE}: {endpoint} still short of {match} rows after {page} pages"
                    )
                page += 1
