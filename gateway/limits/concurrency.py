"""An adaptive, soft limit on how many operations the gateway executes at once.

Why: when subgraphs answer quickly, the gateway is bound by its own CPU, and every
operation in flight beyond what keeps the CPU busy only adds memory in use (each holds
its subgraph responses and merged data) and costs cache misses; measured on the
benchmark workload, 50 operations in flight cost 1.3 to 1.5 times the CPU per request of
a handful. When subgraphs are slow, the opposite holds: operations spend their time
waiting, and any fixed limit would cap throughput.

How: a gradient controller in the manner of Envoy's adaptive concurrency filter.
- A probe measures the baseline: for `probe_samples` operations the limit drops to
  `minimum`, and the median of their execution times becomes the baseline latency.
  Probes repeat every `probe_interval` seconds (and first at start), so the baseline
  follows the subgraphs.
- Between probes, every window of `window_samples` operations gives a sample latency
  (the median of the window), and the limit moves by the gradient
  `baseline * (1 + tolerance) / sample`, kept within [0.5, 2], plus a headroom of
  `sqrt(limit)`: it shrinks when queueing for the CPU makes operations slower than the
  baseline, and grows while more concurrency costs no latency.

Soft: the limit never refuses anything. An operation waits in a FIFO queue while slots
turn over; when none has been released for `max_wait` seconds (every slot held by
operations stuck on a hung subgraph, say), the operations that have waited `max_wait`
run anyway, so a stall can never starve the others and costs a waiting request at most
1.5 times `max_wait` (one timer checks every `max_wait / 2` while anything waits).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ConcurrencySettings:
    minimum: int = 4
    maximum: int = 1000
    initial: int = 16
    tolerance: float = 0.5
    window_samples: int = 40
    probe_samples: int = 20
    probe_interval: float = 30.0
    max_wait: float = 0.05
    fixed: int | None = None  # a fixed soft limit instead of the controller

    @classmethod
    def parse(cls, value: str) -> ConcurrencySettings | None:
        """`adaptive` (the default), `off`, or a whole number: a fixed soft limit."""
        text = value.strip().lower()
        if text in ("", "adaptive"):
            return cls()
        if text in ("off", "0", "none"):
            return None
        try:
            fixed = int(text)
        except ValueError:
            raise ValueError(
                f"MODELPLANE_GATEWAY_CONCURRENCY must be 'adaptive', 'off' or a whole number "
                f"of operations, not {value!r}"
            ) from None
        if fixed < 1:
            raise ValueError("MODELPLANE_GATEWAY_CONCURRENCY must be at least 1")
        return cls(fixed=fixed, minimum=fixed, maximum=fixed, initial=fixed)


class ConcurrencyLimiter:
    def __init__(
        self,
        settings: ConcurrencySettings | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.settings = settings or ConcurrencySettings()
        self.clock = clock
        self.limit = float(self.settings.initial)
        self.in_flight = 0
        # Operations waiting for a slot, each with when it began to wait; a future's result
        # says whether it got a slot (True) or ran past a stalled limit (False).
        self.waiters: deque[tuple[asyncio.Future[bool], float]] = deque()
        self.stall_check_loop: asyncio.AbstractEventLoop | None = None  # where the check is armed
        self.baseline: float | None = None
        self.samples: list[float] = []
        self.probing = self.settings.fixed is None  # measure the baseline first
        self.next_probe = 0.0
        self.probe_started = 0.0
        self.bypassed = 0  # operations that ran past the limit because no slot freed up
        self.last_release = float("-inf")

    @property
    def effective_limit(self) -> int:
        if self.probing:
            return self.settings.minimum
        return max(self.settings.minimum, int(self.limit))

    async def acquire(self) -> float | None:
        """Waits for a slot. Returns what to pass to `release`: the start time, or None for
        an operation that ran past a stalled limit (its latency says nothing about it)."""
        if self.in_flight < self.effective_limit and not self.waiters:
            self.in_flight += 1
            return self.clock()
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[bool] = loop.create_future()
        entry = (waiter, self.clock())
        self.waiters.append(entry)
        if self.stall_check_loop is not loop:  # not armed (None), or armed on a loop now gone
            self.stall_check_loop = loop
            loop.call_later(self.settings.max_wait / 2, self._check_stall)
        try:
            granted = await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self.release(None)  # the slot was ours: give it back
            else:
                waiter.cancel()
                if entry in self.waiters:
                    self.waiters.remove(entry)
            raise
        return self.clock() if granted else None

    def _check_stall(self) -> None:
        """Every max_wait / 2 while operations wait (one timer, not one per waiter): when no
        slot has been released for max_wait, those that have waited max_wait run anyway."""
        now = self.clock()
        max_wait = self.settings.max_wait
        if now - self.last_release >= max_wait:
            while self.waiters and now - self.waiters[0][1] >= max_wait:
                waiter, _ = self.waiters.popleft()
                if waiter.done():
                    continue
                self.bypassed += 1
                self.in_flight += 1
                waiter.set_result(False)
        if self.waiters:
            asyncio.get_running_loop().call_later(max_wait / 2, self._check_stall)
        else:
            self.stall_check_loop = None

    def release(self, started: float | None) -> None:
        self.in_flight -= 1
        self.last_release = self.clock()
        if (
            started is not None
            and self.settings.fixed is None
            and (not self.probing or started >= self.probe_started)
        ):
            self.observe(self.clock() - started)
        self._wake()

    def _wake(self) -> None:
        while self.waiters and self.in_flight < self.effective_limit:
            waiter, _ = self.waiters.popleft()
            if waiter.done():
                continue
            self.in_flight += 1
            waiter.set_result(True)

    def observe(self, latency: float) -> None:
        settings = self.settings
        self.samples.append(latency)
        if self.probing:
            if len(self.samples) >= settings.probe_samples:
                self.baseline = _median(self.samples)
                self.samples = []
                self.probing = False
                self.next_probe = self.clock() + settings.probe_interval
            return
        if len(self.samples) < settings.window_samples:
            return
        sample = _median(self.samples)
        self.samples = []
        assert self.baseline is not None
        if sample > 0:
            gradient = min(2.0, max(0.5, self.baseline * (1 + settings.tolerance) / sample))
        else:
            gradient = 2.0
        limit = self.limit * gradient + math.sqrt(self.limit)
        self.limit = min(float(settings.maximum), max(float(settings.minimum), limit))
        if self.clock() >= self.next_probe:
            self.probing = True
            self.probe_started = self.clock()


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
