"""Encryption at rest for the sensitive profile, with keys from configuration and rotation.

`NAESONE_DATA_KEYS` holds comma-separated Fernet keys, newest first: data is written with the first
and read with any, so rotating is "put a new key in front, run `naesone keys rotate`, drop the old
key". Without the variable a key file is created once under `.naesone/` (development only).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

KEY_FILE = Path(os.environ.get("NAESONE_DATA_KEY_FILE", ".naesone/data-keys"))
_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters


class DataKeyError(RuntimeError):
    """No usable key, or data that none of the configured keys can open."""


def _configured_keys() -> list[str]:
    configured = os.environ.get("NAESONE_DATA_KEYS", "").strip()
    if configured:
        return [k.strip() for k in configured.split(",") if k.strip()]
    if not KEY_FILE.exists():  # made whole and linked into place, so a concurrent reader never sees it empty
        KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        draft = KEY_FILE.with_name(f".{KEY_FILE.name}.{os.getpid()}.{threading.get_ident()}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(Fernet.generate_key().decode() + "\n")
        try:
            os.link(draft, KEY_FILE)
        except FileExistsError:
            pass  # another thread or process made it first: use theirs
        finally:
            draft.unlink(missing_ok=True)
    return [line.strip() for line in KEY_FILE.read_text().splitlines() if line.strip()]


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    except (ValueError, TypeError) as exc:
        raise DataKeyError("NAESONE_DATA_KEYS holds a value that is not a Fernet key") from exc


def vault() -> MultiFernet:
    """The configured keys (read on every call, so a rotation needs no restart of the CLI)."""
    keys = tuple(_configured_keys())
    if not keys:
        raise DataKeyError("no data key configured (NAESONE_DATA_KEYS)")
    return _fernet(keys)


def seal(plaintext: str) -> str:
    """Encrypt with the newest key."""
    return vault().encrypt(plaintext.encode()).decode()


def unseal(ciphertext: str) -> str:
    """Decrypt with whichever configured key wrote it."""
    try:
        return vault().decrypt(ciphertext.encode()).decode()
    except InvalidToken as exc:
        raise DataKeyError("stored data cannot be opened with the configured keys") from exc


def reseal(ciphertext: str) -> str:
    """Re-encrypt with the newest key (key rotation)."""
    return vault().rotate(ciphertext.encode()).decode()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def new_token() -> str:
    """A 256-bit random token for a session or a reset link."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What is stored of a token: its SHA-256, so a database leak gives no usable session."""
    return hashlib.sha256(token.encode()).hexdigest()


# A dummy hash to spend the same time on unknown logins as on known ones (no account enumeration).
DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
