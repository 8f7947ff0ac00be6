"""Socket writes gathered over one turn of the event loop and made together at the next.

Writing to a socket whose reader sleeps wakes the reader, and on these (virtual) machines
that wake-up is most of the cost of the `write` system call: the sending CPU signals the
sleeping one, inside the call. In `bench/gateway`, `perf` put 9 % of the gateway's CPU in
`sock_def_readable` under the writes of the seven subgraph requests. A reader that is
already awake, or already woken and about to run, costs next to nothing to signal again.
So the subgraph requests a turn of the loop produces (the answers it received let several
plans go on at once) are written one after another at the start of the next turn, about
seven at a time under the benchmark's load, instead of each when its coroutine gets to
it, between other coroutines' decoding and merging, when the subgraph's server has gone
back to sleep. That took the wake-ups to 3.4 % and the gateway's CPU per request to
about 0.88x. Deferring the responses to clients the same way gained nothing measurable
(1.01x), so they are written at once.

The cost is latency: a request waits for the end of the turn that made it. A turn runs
only the callbacks that were ready when it began, so the wait is bounded by them; with
nothing else to do it is a few microseconds.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger("modelplane.gateway")


class TurnWriter:
    """Calls deferred to the loop's next turn, in the order they were made. The subgraph
    client keeps one per event loop, with its timeout watchdog."""

    __slots__ = ("loop", "pending")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.pending: list[tuple[Callable[[Any], None], Any]] = []

    def defer(self, write: Callable[[Any], None], data: Any) -> None:
        pending = self.pending
        if not pending:
            self.loop.call_soon(self.flush)
        pending.append((write, data))

    def flush(self) -> None:
        pending = self.pending
        self.pending = []
        for write, data in pending:
            try:
                write(data)
            except Exception:  # one failed write must not keep back the others
                log.exception("a deferred socket write failed")

