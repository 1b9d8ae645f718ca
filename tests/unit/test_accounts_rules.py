"""Account rules: what a login and a password must be, and when an account locks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from naesone_app.core.accounts import (
    AccountError,
    Lockout,
    check_password,
    normalize_login,
    session_expired,
)  # fmt: skip

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "login"),
    [
        ("Halmoni@Example.COM", "halmoni@example.com"),
        ("  kim.cs+naesone@junggu.go.kr ", "kim.cs+naesone@junggu.go.kr"),
        ("010-1234-5678", "01012345678"),
        ("010 9876 5432", "01098765432"),
        ("0111234567", "0111234567"),
    ],
)
def test_logins_are_normalised(raw: str, login: str) -> None:
    assert normalize_login(raw) == login


@pytest.mark.parametrize("raw", ["", "kim", "kim@", "@example.com", "kim@example", "02-1234-5678", "x" * 300])
def test_bad_logins_name_the_login_field(raw: str) -> None:
    with pytest.raises(AccountError) as caught:
        normalize_login(raw)
    assert caught.value.field == "login"


@pytest.mark.parametrize("password", ["short", "password123", "aaaaaaaaaaaa", "x" * 129, "halmoni-2026-pass"])
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(AccountError) as caught:
        check_password(password, "halmoni@example.com")
    assert caught.value.field == "password"


def test_a_long_uncommon_password_is_fine() -> None:
    check_password("Sindang-Spring-2026", "halmoni@example.com")


def test_five_failures_lock_for_fifteen_minutes_then_counting_restarts() -> None:
    lockout = Lockout()
    for _ in range(4):
        lockout = lockout.after_failure(NOW)
    assert not lockout.is_locked(NOW)
    lockout = lockout.after_failure(NOW)
    assert lockout.is_locked(NOW + timedelta(minutes=14, seconds=59))
    assert not lockout.is_locked(NOW + timedelta(minutes=15))
    after = lockout.after_failure(NOW + timedelta(minutes=20))
    assert after.failures == 1 and not after.is_locked(NOW + timedelta(minutes=20))
    assert lockout.after_success() == Lockout()


def test_sessions_end_after_idle_or_absolute_time() -> None:
    assert not session_expired(NOW, NOW, NOW + timedelta(hours=11, minutes=59))
    assert session_expired(NOW, NOW, NOW + timedelta(hours=12))
    assert not session_expired(
        NOW, NOW + timedelta(days=13, hours=23), NOW + timedelta(days=13, hours=23, minutes=30)
    )
    assert session_expired(NOW, NOW + timedelta(days=13, hours=23), NOW + timedelta(days=14))
