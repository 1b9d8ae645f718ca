"""The per-client token bucket behind GET /api/search."""

from __future__ import annotations

import pytest

from naesone_app.core.rate_limit import RateLimiter


def test_a_burst_up_to_the_capacity_goes_through_then_the_next_call_waits() -> None:
    limiter = RateLimiter(capacity=3, per_second=1.0)
    assert [limiter.allow("a", 100.0) for _ in range(3)] == [0, 0, 0]
    assert limiter.allow("a", 100.0) == 1


def test_the_bucket_refills_with_time_and_never_above_its_capacity() -> None:
    limiter = RateLimiter(capacity=2, per_second=0.5)
    assert limiter.allow("a", 0.0) == 0 and limiter.allow("a", 0.0) == 0
    assert limiter.allow("a", 0.0) == 2  # one token takes two seconds at 0.5 per second
    assert limiter.allow("a", 2.0) == 0
    assert [limiter.allow("a", 1_000.0) for _ in range(3)] == [0, 0, 2]


def test_clients_have_buckets_of_their_own() -> None:
    limiter = RateLimiter(capacity=1, per_second=1.0)
    assert limiter.allow("a", 5.0) == 0 and limiter.allow("a", 5.0) == 1
    assert limiter.allow("b", 5.0) == 0


def test_memory_stays_bounded_by_forgetting_the_longest_quiet_client() -> None:
    limiter = RateLimiter(capacity=1, per_second=0.001, max_clients=2)
    limiter.allow("a", 0.0)
    limiter.allow("b", 0.0)
    limiter.allow("c", 0.0)  # "a" is forgotten: it starts again with a full bucket
    assert limiter.allow("a", 0.0) == 0
    assert limiter.allow("c", 0.0) > 0


def test_a_clock_going_backwards_gives_no_free_tokens() -> None:
    limiter = RateLimiter(capacity=1, per_second=1.0)
    assert limiter.allow("a", 10.0) == 0
    assert limiter.allow("a", 5.0) == 1


@pytest.mark.parametrize(("capacity", "rate"), [(0, 1.0), (1, 0.0), (1, -1.0)])
def test_a_limiter_that_could_never_allow_anything_is_refused(capacity: int, rate: float) -> None:
    with pytest.raises(ValueError):
        RateLimiter(capacity=capacity, per_second=rate)
