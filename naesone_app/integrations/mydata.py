"""Public-MyData evidence providers: where a resident's official documents come from, with consent.

There is no public MyData API or sandbox (reference §6), so the app depends on the `EvidenceProvider`
interface only. `HttpEvidenceProvider` speaks a small JSON protocol over httpx — the stand-in server in
`mydata_standin.py` implements it for development and tests; an adapter for the real 본인정보 표준 API
can replace it once the district is an approved 이용기관.

Protocol: ``POST {base_url}/documents`` with ``{"token": …, "kind": …}`` → ``{"document": {…}}``;
404 when the token has no such document, 401 when the token is not valid.
"""

from __future__ import annotations

from typing import Any, Protocol

import httpx

from naesone_app.integrations.http import OutboundError, post_json


class EvidenceError(RuntimeError):
    """The provider could not hand over the document; the message says why."""


class EvidenceProvider(Protocol):
    """Hands over one official document of a kind, for the resident the token stands for."""

    name: str

    def fetch(self, token: str, kind: str) -> dict[str, Any]: ...


class HttpEvidenceProvider:
    """An evidence provider reached over HTTP (JSON), with a timeout and bounded retries."""

    def __init__(
        self,
        base_url: str,
        *,
        name: str = "mydata-standin",
        timeout_seconds: float = 10.0,
        retries: int = 2,
        backoff_seconds: float = 0.2,
        client: httpx.Client | None = None,
    ) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.retries, self.backoff_seconds = retries, backoff_seconds
        self._client = client or httpx.Client(timeout=timeout_seconds)

    def fetch(self, token: str, kind: str) -> dict[str, Any]:
        url = f"{self.base_url}/documents"
        try:
            answer = post_json(
                self._client, url, service=f"evidence provider {self.name}",
                payload={"token": token, "kind": kind}, retries=self.retries,
                backoff_seconds=self.backoff_seconds,
            )  # fmt: skip
        except OutboundError as exc:
            raise EvidenceError(str(exc)) from exc
        document = answer.get("document") if isinstance(answer, dict) else None
        if not isinstance(document, dict) or document.get("kind") != kind:
            raise EvidenceError(f"evidence provider {self.name}: the answer holds no {kind} document")
        return document

    def close(self) -> None:
        self._client.close()


ENV_URL = "NAESONE_MYDATA_URL"
ENV_NAME = "NAESONE_MYDATA_NAME"
ENV_TOKEN = "NAESONE_MYDATA_TOKEN"
DEFAULT_NAME = "mydata-standin"


def configured_provider(env: dict[str, str] | None = None) -> tuple[HttpEvidenceProvider, str] | None:
    """The provider this server is configured with (`NAESONE_MYDATA_URL`) and the token it is asked with,
    or None when none is configured (the apply page then offers upload only).

    The token stands for the resident's authentication at the provider. The stand-in knows one sample
    token (`NAESONE_MYDATA_TOKEN`, default its `sample-token`); an adapter for the real 본인정보 API
    would obtain a per-resident token from the resident's own sign-in there instead.
    """
    import os

    env = dict(os.environ) if env is None else env
    url = (env.get(ENV_URL) or "").strip()
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise EvidenceError(f"{ENV_URL}: expected an http(s) URL, got {url[:60]!r}")
    from naesone_app.integrations.mydata_standin import SAMPLE_TOKEN

    name = (env.get(ENV_NAME) or DEFAULT_NAME).strip()[:60]
    return HttpEvidenceProvider(url, name=name), env.get(ENV_TOKEN) or SAMPLE_TOKEN


def configured_name(env: dict[str, str] | None = None) -> str | None:
    """The configured provider's name (what consents are recorded for), or None; opens no connection."""
    import os

    env = dict(os.environ) if env is None else env
    if not (env.get(ENV_URL) or "").strip():
        return None
    return (env.get(ENV_NAME) or DEFAULT_NAME).strip()[:60]
