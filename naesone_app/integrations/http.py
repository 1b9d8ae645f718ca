"""The one way this app calls out: httpx with a timeout, bounded retries and a clear error."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


class OutboundError(RuntimeError):
    """A remote call that failed for good; the message says which service and why."""


def _decode(response: httpx.Response, service: str, url: str) -> Any:
    if response.status_code in (401, 403):
        code = response.status_code
        raise OutboundError(f"{service}: access refused (HTTP {code}) — check the service key")
    if response.is_error:
        raise OutboundError(f"{service}: HTTP {response.status_code} from {url}")
    try:
        return response.json()
    except ValueError as exc:
        raise OutboundError(f"{service}: the answer is not JSON") from exc


def _with_retries(
    send: Callable[[], httpx.Response], url: str, service: str, retries: int, backoff_seconds: float
) -> Any:
    """Call `send`, retrying transport errors and 429/5xx up to `retries` times, and decode the JSON."""
    for attempt in range(retries + 1):
        last = attempt == retries
        try:
            response = send()
        except httpx.TransportError as exc:
            if last:
                name = exc.__class__.__name__
                raise OutboundError(f"{service}: no answer after {attempt + 1} attempts ({name})") from exc
        else:
            if response.status_code not in RETRYABLE_STATUS or last:
                return _decode(response, service, url)
        time.sleep(backoff_seconds * 2**attempt)
    raise AssertionError("unreachable")


def get_json(
    client: httpx.Client,
    url: str,
    *,
    service: str,
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    retries: int = 3,
    backoff_seconds: float = 0.5,
) -> Any:
    """GET `url` and decode JSON, retrying transport errors and 429/5xx up to `retries` times."""
    send = lambda: client.get(url, params=params, headers=headers)  # noqa: E731
    return _with_retries(send, url, service, retries, backoff_seconds)


def post_json(
    client: httpx.Client,
    url: str,
    *,
    service: str,
    payload: Any,
    headers: Mapping[str, str] | None = None,
    retries: int = 3,
    backoff_seconds: float = 0.5,
) -> Any:
    """POST `payload` as JSON and decode the JSON answer, retrying like `get_json`.

    Only for idempotent requests (a read expressed as a POST, e.g. "fetch this document").
    """
    send = lambda: client.post(url, json=payload, headers=headers)  # noqa: E731
    return _with_retries(send, url, service, retries, backoff_seconds)
