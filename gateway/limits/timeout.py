"""A time limit on each operation."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from gateway.limits.errors import OperationTimeout

T = TypeVar("T")


async def run_with_timeout(operation: Awaitable[T], seconds: float | None) -> T:
    """Awaits `operation`, cancelling it and raising OperationTimeout after `seconds`
    (None or 0: no limit). A TimeoutError the operation raises itself passes through."""
    if not seconds:
        return await operation
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            return await operation
    except TimeoutError:
        if not deadline.expired():
            raise
        raise OperationTimeout(
            f"the operation did not finish within {seconds:g} s", timeoutSeconds=seconds
        ) from None
