"""Web push delivery: a VAPID-signed (RFC 8292), aes128gcm-encrypted (RFC 8291) POST to the push service.

Configuration: NAESONE_VAPID_PRIVATE_KEY (base64url of the raw 32-byte P-256 key, as
`naesone reminders vapid-keys` prints it, or PEM), NAESONE_VAPID_PUBLIC_KEY (optional; checked against
the private key when given) and NAESONE_VAPID_SUBJECT (`mailto:` or `https:` contact the push services
can reach). Without a private key, push is off: the page says so and the job refuses to run.

pywebpush does the encryption (`WebPusher.encode`) and py_vapid the signature, but the request goes
through httpx like every outbound call here (timeout, bounded retries, a clear error). pywebpush pulls
in requests and aiohttp, so it is imported only when something is actually sent.
"""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from naesone_app.integrations.http import RETRYABLE_STATUS, OutboundError

ENV_PRIVATE = "NAESONE_VAPID_PRIVATE_KEY"
ENV_PUBLIC = "NAESONE_VAPID_PUBLIC_KEY"
ENV_SUBJECT = "NAESONE_VAPID_SUBJECT"
ENV_ALLOW_LOOPBACK = "NAESONE_PUSH_ALLOW_LOOPBACK"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
RETRIES = 2
DEFAULT_TTL = 24 * 3600  # a reminder a day late still helps; one older than that is noise
TOKEN_LIFETIME = 12 * 3600  # push services refuse VAPID tokens valid for more than 24 hours
DELIVERED, GONE = "delivered", "gone"


class PushConfigError(ValueError):
    """The VAPID configuration is present but unusable; the message names the variable."""


class PushError(OutboundError):
    """The push service refused or never answered; the message names its host, never the endpoint."""


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64url(text: str) -> bytes:
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_key_text(key: ec.EllipticCurvePrivateKey) -> str:
    """The application server key the browser needs: base64url of the uncompressed public point."""
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64url(point)


def load_private_key(text: str) -> ec.EllipticCurvePrivateKey:
    """A P-256 private key from base64url raw (32 bytes) or PEM (`\\n` escapes allowed, for env files)."""
    text = text.strip()
    if "-----BEGIN" in text:
        try:
            key = serialization.load_pem_private_key(text.replace("\\n", "\n").encode(), password=None)
        except (ValueError, TypeError) as exc:
            raise PushConfigError(f"{ENV_PRIVATE}: not a readable PEM private key ({exc})") from None
        if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
            raise PushConfigError(f"{ENV_PRIVATE}: VAPID needs a P-256 (prime256v1) EC key")
        return key
    try:
        raw = _unb64url(text)
    except ValueError:
        raise PushConfigError(f"{ENV_PRIVATE}: neither PEM nor base64url") from None
    if len(raw) != 32:
        raise PushConfigError(f"{ENV_PRIVATE}: {len(raw)} bytes, expected the raw 32-byte P-256 key")
    try:
        return ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())
    except ValueError:
        raise PushConfigError(f"{ENV_PRIVATE}: not a valid P-256 private key") from None


@dataclass(frozen=True)
class VapidKeys:
    """The application server's identity towards push services."""

    private_key: ec.EllipticCurvePrivateKey
    subject: str

    @property
    def public_key(self) -> str:
        return public_key_text(self.private_key)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> VapidKeys | None:
        """The configured keys; None when push is not configured, PushConfigError when misconfigured."""
        env = os.environ if env is None else env
        private = env.get(ENV_PRIVATE, "").strip()
        if not private:
            return None
        key = load_private_key(private)
        public = env.get(ENV_PUBLIC, "").strip().rstrip("=")
        if public and public != public_key_text(key):
            raise PushConfigError(f"{ENV_PUBLIC}: does not belong to {ENV_PRIVATE}")
        subject = env.get(ENV_SUBJECT, "").strip()
        if not subject.startswith(("mailto:", "https://")) or len(subject) < 10:
            raise PushConfigError(f"{ENV_SUBJECT}: a mailto: address (or https: URL) push services can reach")
        return cls(key, subject)


def configured_public_key() -> str | None:
    """The public key for the page (GET /api/push/key), or None when push is off or misconfigured."""
    try:
        keys = VapidKeys.from_env()
    except PushConfigError:
        return None
    return keys.public_key if keys else None


def loopback_endpoints_allowed() -> bool:
    """Whether http://127.0.0.1 endpoints may be subscribed: only where NAESONE_PUSH_ALLOW_LOOPBACK=1
    (tests and development with a local push-service stand-in). Off by default, because the server
    would otherwise POST to its own loopback services on a resident's say-so."""
    return os.environ.get(ENV_ALLOW_LOOPBACK, "") == "1"


def generate_keys() -> tuple[str, str]:
    """A fresh key pair as (private, public), both base64url, ready for the environment."""
    key = ec.generate_private_key(ec.SECP256R1())
    return _b64url(key.private_numbers().private_value.to_bytes(32, "big")), public_key_text(key)


def encrypt(subscription: Mapping[str, Any], data: bytes) -> bytes:
    """The aes128gcm body for this subscription (RFC 8291: ECDH with the browser's key and auth secret)."""
    from pywebpush import WebPusher, WebPushException

    try:
        return WebPusher(subscription).encode(data, "aes128gcm")["body"]
    except (WebPushException, ValueError) as exc:
        raise PushError(
            f"web push: cannot encrypt for this subscription ({exc.__class__.__name__})"
        ) from None


def authorization(keys: VapidKeys, endpoint: str, now: float | None = None) -> str:
    """The `Authorization: vapid t=<JWT>, k=<public key>` header for the endpoint's origin."""
    from py_vapid import Vapid02

    parts = urlsplit(endpoint)
    claims = {
        "sub": keys.subject,
        "aud": f"{parts.scheme}://{parts.netloc}",
        "exp": int((now or time.time()) + TOKEN_LIFETIME),
    }
    return Vapid02(private_key=keys.private_key).sign(claims)["Authorization"]


def send(
    client: httpx.Client,
    subscription: Mapping[str, Any],
    data: bytes,
    keys: VapidKeys,
    *,
    ttl: int = DEFAULT_TTL,
    urgency: str = "normal",
    retries: int = RETRIES,
    backoff_seconds: float = 0.5,
) -> str:
    """Deliver `data` to one browser: DELIVERED, or GONE when the push service says the subscription
    no longer exists (404/410: the caller forgets it). Transport errors, 429 and 5xx are retried up to
    `retries` times; anything else raises PushError."""
    endpoint = subscription["endpoint"]
    host = urlsplit(endpoint).hostname or "?"
    body = encrypt(subscription, data)
    headers = {
        "Authorization": authorization(keys, endpoint),
        "Content-Encoding": "aes128gcm",
        "Content-Type": "application/octet-stream",
        "TTL": str(ttl),
        "Urgency": urgency,
    }
    for attempt in range(retries + 1):
        last = attempt == retries
        try:
            response = client.post(endpoint, content=body, headers=headers)
        except httpx.TransportError as exc:
            if last:
                name = exc.__class__.__name__
                raise PushError(
                    f"push service {host}: no answer after {attempt + 1} attempts ({name})"
                ) from None
        else:
            status = response.status_code
            if status in (404, 410):
                return GONE
            if 200 <= status < 300:
                return DELIVERED
            if status not in RETRYABLE_STATUS or last:
                hint = " — the VAPID key differs from the one the browser subscribed with" if status in (
                    401, 403) else ""  # fmt: skip
                raise PushError(f"push service {host}: HTTP {status}{hint}")
        time.sleep(backoff_seconds * 2**attempt)
    raise AssertionError("unreachable")
