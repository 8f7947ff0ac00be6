"""The operation timeout."""

from __future__ import annotations

import asyncio

import pytest

from gateway.limits.errors import OperationTimeout
from gateway.limits.timeout import run_with_timeout


async def test_a_fast_operation_returns_its_value() -> None:
    async def fast() -> int:
        return 7

    assert await run_with_timeout(fast(), 1.0) == 7
    assert await run_with_timeout(fast(), None) == 7


async def test_a_slow_operation_is_cancelled_with_a_timeout_error() -> None:
    cancelled = asyncio.Event()

    async def slow() -> None:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    with pytest.raises(OperationTimeout) as error:
        await run_with_timeout(slow(), 0.05)
    assert (error.value.code, error.value.http_status) == ("OPERATION_TIMEOUT", 504)
    assert cancelled.is_set()


async def test_a_timeout_raised_inside_the_operation_passes_through() -> None:
    async def inner() -> None:
        raise TimeoutError("subgraph fetch")

    with pytest.raises(TimeoutError, match="subgraph fetch"):
        await run_with_timeout(inner(), 5)
