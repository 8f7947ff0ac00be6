"""The adaptive concurrency limit: shrinks when the CPU queues, grows when waiting is free,
never refuses and never holds an operation back longer than max_wait."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from gateway.limits.concurrency import ConcurrencyLimiter, ConcurrencySettings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def feed(limiter: ConcurrencyLimiter, clock: Clock, latency_of: object, operations: int) -> None:
    """Runs operations one after another through the controller's bookkeeping, each taking
    latency_of(limit) seconds: a model of the gateway's CPU or of slow subgraphs."""
    for _ in range(operations):
        limiter.in_flight += 1
        started = clock()
        clock.now += latency_of(limiter.effective_limit)  # type: ignore[operator]
        limiter.release(started)


def test_cpu_bound_work_drives_the_limit_down() -> None:
    clock = Clock()
    limiter = ConcurrencyLimiter(ConcurrencySettings(initial=64), clock=clock)
    # Bound by the CPU: an operation takes as long as the operations sharing it.
    feed(limiter, clock, lambda limit: 0.001 * limit, 2000)
    assert limiter.baseline == pytest.approx(0.004)  # measured at the probe's minimum
    assert limiter.effective_limit <= 12


def test_waiting_on_slow_subgraphs_lets_the_limit_grow() -> None:
    clock = Clock()
    limiter = ConcurrencyLimiter(ConcurrencySettings(initial=16, maximum=500), clock=clock)
    # Bound by subgraph latency: more operations at once cost nothing.
    feed(limiter, clock, lambda limit: 0.2, 2000)
    assert limiter.effective_limit == 500


def test_probes_remeasure_the_baseline() -> None:
    clock = Clock()
    settings = ConcurrencySettings(probe_interval=10.0)
    limiter = ConcurrencyLimiter(settings, clock=clock)
    feed(limiter, clock, lambda limit: 0.01, 200)
    assert limiter.baseline == pytest.approx(0.01)
    # The subgraphs got slower for good: the next probe takes the new latency as normal
    # instead of shrinking the limit for ever.
    feed(limiter, clock, lambda limit: 0.05, 1000)
    assert limiter.baseline == pytest.approx(0.05)
    assert limiter.effective_limit > settings.initial


def test_fixed_and_off_settings() -> None:
    fixed = ConcurrencySettings.parse("8")
    assert fixed is not None and fixed.fixed == 8
    assert ConcurrencyLimiter(fixed).effective_limit == 8
    assert ConcurrencySettings.parse("off") is None
    assert ConcurrencySettings.parse("adaptive") == ConcurrencySettings()
    with pytest.raises(ValueError, match="adaptive"):
        ConcurrencySettings.parse("lots")
    with pytest.raises(ValueError, match="at least 1"):
        ConcurrencySettings.parse("-3")


async def test_waiters_run_in_order_as_slots_free() -> None:
    limiter = ConcurrencyLimiter(ConcurrencySettings(fixed=2, minimum=2, maximum=2, initial=2, max_wait=5))
    order: list[int] = []
    release = asyncio.Event()

    async def operation(number: int) -> None:
        started = await limiter.acquire()
        order.append(number)
        try:
            await release.wait()
        finally:
            limiter.release(started)

    tasks = [asyncio.create_task(operation(n)) for n in range(5)]
    await asyncio.sleep(0.01)
    assert order == [0, 1] and limiter.in_flight == 2 and len(limiter.waiters) == 3
    release.set()
    await asyncio.gather(*tasks)
    assert order == [0, 1, 2, 3, 4]
    assert limiter.in_flight == 0


async def test_nobody_waits_longer_than_max_wait() -> None:
    limiter = ConcurrencyLimiter(ConcurrencySettings(fixed=1, minimum=1, maximum=1, initial=1, max_wait=0.05))
    hung = asyncio.Event()

    async def stuck() -> None:  # holds the only slot, like a request on a hung subgraph
        started = await limiter.acquire()
        try:
            await hung.wait()
        finally:
            limiter.release(started)

    blocker = asyncio.create_task(stuck())
    await asyncio.sleep(0)
    begun = time.perf_counter()
    started = await limiter.acquire()
    waited = time.perf_counter() - begun
    assert started is None  # ran past the limit: its latency is not a sample
    assert 0.04 <= waited < 0.5
    assert limiter.bypassed == 1 and limiter.in_flight == 2
    limiter.release(started)
    hung.set()
    await blocker
    assert limiter.in_flight == 0


async def test_one_timer_lets_every_stalled_waiter_run_then_stops() -> None:
    limiter = ConcurrencyLimiter(ConcurrencySettings(fixed=1, minimum=1, maximum=1, initial=1, max_wait=0.05))
    held = await limiter.acquire()  # never released while the others wait
    begun = time.perf_counter()
    results = await asyncio.gather(*(limiter.acquire() for _ in range(5)))
    waited = time.perf_counter() - begun
    assert results == [None] * 5
    assert 0.05 <= waited < 0.5
    assert limiter.bypassed == 5 and limiter.in_flight == 6 and not limiter.waiters
    await asyncio.sleep(0.06)
    assert limiter.stall_check_loop is None  # nothing waits: no timer runs
    for result in results:
        limiter.release(result)
    limiter.release(held)
    assert limiter.in_flight == 0


async def test_a_cancelled_waiter_gives_its_slot_back() -> None:
    limiter = ConcurrencyLimiter(ConcurrencySettings(fixed=1, minimum=1, maximum=1, initial=1, max_wait=5))
    first = await limiter.acquire()
    waiting = asyncio.create_task(limiter.acquire())
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    limiter.release(first)
    assert limiter.in_flight == 0
    again = await asyncio.wait_for(limiter.acquire(), 1)
    limiter.release(again)
    assert limiter.in_flight == 0


class SlowSubgraphs:
    """The real HTTP transport, with every subgraph answer 0.2 s late."""

    def __init__(self) -> None:
        from gateway.execution.fast_transport import FastTransport

        self.inner = FastTransport()

    async def post(
        self, url: str, body: bytes, headers: object, timeout: float, idempotent: bool = True
    ) -> tuple[int, bytes]:
        await asyncio.sleep(0.2)
        return await self.inner.post(url, body, headers, timeout, idempotent)  # type: ignore[arg-type]

    async def close(self) -> None:
        await self.inner.close()


async def test_slow_subgraphs_are_not_throttled_through_http() -> None:
    import aiohttp

    from gateway.app import create_gateway_app
    from tests.gateway.harness.gateway_process import serve_app
    from tests.gateway.harness.suite import start_suite

    async def rounds_of_sixty(app: Any) -> list[float]:
        """Seconds for 60 concurrent operations, three times."""
        async with serve_app(app) as url, aiohttp.ClientSession() as session:

            async def ask() -> dict[str, object]:
                async with session.post(url, json={"query": "{ users { id nickname } }"}) as response:
                    assert response.status == 200
                    return await response.json()  # type: ignore[no-any-return]

            times = []
            for _ in range(3):
                begun = time.perf_counter()
                answers = await asyncio.gather(*(ask() for _ in range(60)))
                times.append(time.perf_counter() - begun)
                assert all(a.get("data") and not a.get("errors") for a in answers), answers[0]
            return times

    async with start_suite("simple-entity-call") as suite:
        unlimited = create_gateway_app(suite.supergraph_sdl, transport=SlowSubgraphs())
        unlimited.endpoint.limiter = None
        baseline = min(await rounds_of_sixty(unlimited))
        app = create_gateway_app(suite.supergraph_sdl, transport=SlowSubgraphs())
        limiter = app.endpoint.limiter
        assert limiter is not None  # adaptive is the default
        for elapsed in await rounds_of_sixty(app):
            # Two fetches of 0.2 s each: about 0.8 s here without a limit. Sixty operations
            # four at a time would take 6 s. The bound follows the unlimited run of this
            # machine at this moment (a loaded CI machine doubles both).
            assert elapsed < max(1.5, 2 * baseline), (elapsed, baseline)
        assert limiter.in_flight == 0
        assert limiter.bypassed > 0  # the start-up probe held operations back, briefly


async def test_a_queue_that_moves_is_not_bypassed() -> None:
    limiter = ConcurrencyLimiter(ConcurrencySettings(fixed=1, minimum=1, maximum=1, initial=1, max_wait=0.05))
    running: list[int] = []
    most = 0

    async def operation() -> None:
        nonlocal most
        started = await limiter.acquire()
        running.append(1)
        most = max(most, len(running))
        try:
            await asyncio.sleep(0.03)  # each holds its slot 30 ms; the last waits 150 ms
        finally:
            running.pop()
            limiter.release(started)

    await asyncio.gather(*(operation() for _ in range(6)))
    assert limiter.bypassed == 0
    assert most == 1
