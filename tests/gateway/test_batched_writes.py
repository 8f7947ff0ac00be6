"""Writes deferred to the event loop's next turn: order, one flush per turn, failures."""

from __future__ import annotations

import asyncio
import logging

import pytest

from gateway.batched_writes import TurnWriter


async def test_calls_made_in_a_turn_run_together_at_the_next_in_their_order() -> None:
    writer = TurnWriter(asyncio.get_running_loop())
    done: list[str] = []
    writer.defer(done.append, "a")
    writer.defer(done.append, "b")
    writer.defer(done.append, "c")
    assert done == [] and len(writer.pending) == 3  # nothing written in this turn
    await asyncio.sleep(0)
    assert done == ["a", "b", "c"] and writer.pending == []
    writer.defer(done.append, "d")  # the next turn's writes get their own flush
    await asyncio.sleep(0)
    assert done == ["a", "b", "c", "d"]


async def test_a_turn_schedules_one_flush() -> None:
    loop = asyncio.get_running_loop()
    writer = TurnWriter(loop)
    scheduled: list[object] = []
    real_call_soon = loop.call_soon

    def counting_call_soon(callback: object, *args: object) -> asyncio.Handle:
        scheduled.append(callback)
        return real_call_soon(callback, *args)  # type: ignore[arg-type]

    loop.call_soon = counting_call_soon  # type: ignore[method-assign]
    try:
        for item in range(5):
            writer.defer(lambda _: None, item)
    finally:
        loop.call_soon = real_call_soon  # type: ignore[method-assign]
    assert scheduled == [writer.flush]
    await asyncio.sleep(0)
    assert writer.pending == []


async def test_a_failing_write_is_logged_and_the_others_still_happen(caplog: pytest.LogCaptureFixture) -> None:
    writer = TurnWriter(asyncio.get_running_loop())
    done: list[int] = []

    def broken(_: object) -> None:
        raise OSError("the socket went away")

    writer.defer(done.append, 1)
    writer.defer(broken, None)
    writer.defer(done.append, 2)
    with caplog.at_level(logging.ERROR, logger="modelplane.gateway"):
        await asyncio.sleep(0)
    assert done == [1, 2]
    assert "a deferred socket write failed" in caplog.text
