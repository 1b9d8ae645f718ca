"""Work the running app repeats every few seconds (the class jobs, the notice deliverer).

Both are Reflex lifespan tasks that cron can replace: a period from the environment (0 turns the loop
off), the work in a worker thread so the event loop stays free, and nothing the work meets stops the
app — a failed run is logged and tried again next period.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def period_from_env(name: str, default: float) -> float:
    """The configured period in seconds; a value that is not a number is refused by name."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{name}: expected a number of seconds (0 = off), got {text[:20]!r}") from None


async def repeat(
    work: Callable[[], T], env: str, default: float, report: Callable[[T], None], log: logging.Logger,
    every_seconds: float | None = None,
) -> None:  # fmt: skip
    """Run `work` in a thread every `every_seconds` (else the period in `env`, else `default`) and hand
    its result to `report`; return at once when the period is 0 or less."""
    period = every_seconds if every_seconds is not None else period_from_env(env, default)
    if period <= 0:
        return
    while True:
        try:
            report(await asyncio.to_thread(work))
        except asyncio.CancelledError:
            raise
        except Exception:  # a database that is down or not migrated yet: try again next time
            log.exception("%s: the periodic work could not run", env)
        await asyncio.sleep(period)
