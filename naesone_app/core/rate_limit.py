"""How often one client may call a public endpoint: a token bucket per client, kept in this process.

A public, unauthenticated route that does real work (`GET /api/search` ranks the whole catalogue) must
not let one client take the server's time from everybody else. Each client (its address) holds a bucket
of `capacity` calls that refills at `per_second`; a call with an empty bucket is refused with the
seconds to wait. Buckets live in one worker's memory: with N workers a client gets at most N times the
rate, which is the bound that matters (no worker is swamped). The clock is passed in, so tests need
no sleeping.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    """`allow(client, now)` → 0 when the call may go ahead, else the whole seconds to wait before retrying."""

    def __init__(self, capacity: int, per_second: float, max_clients: int = 10_000) -> None:
        if capacity < 1 or per_second <= 0:
            raise ValueError("capacity must be ≥ 1 and per_second > 0")
        self.capacity, self.per_second, self.max_clients = capacity, per_second, max_clients
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, client: str, now: float) -> int:
        with self._lock:
            bucket = self._buckets.pop(client, None) or _Bucket(float(self.capacity), now)
            elapsed = max(0.0, now - bucket.at)
            bucket.tokens = min(float(self.capacity), bucket.tokens + elapsed * self.per_second)
            bucket.at = now
            self._buckets[client] = bucket  # most recently seen last
            while len(self._buckets) > self.max_clients:  # forget the longest-quiet clients first
                self._buckets.popitem(last=False)
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0
            return max(1, math.ceil((1 - bucket.tokens) / self.per_second))
