"""Where the gateway's CPU goes on the benchmark query, stage by stage, in one process.

    python bench/gateway/breakdown.py [--rounds N]

Starts the benchmark's subgraph server on core 1, runs the query once over real HTTP to
record the seven subgraph answers, then measures with CPU time (not wall time, so other
work on the machine matters less) on core 0:

- a whole `Gateway.run` with the answers replayed from memory (no sockets), one request
  at a time, 8 and 50 at once (the difference is what concurrency costs: cache misses);
- its parts: executing the plan (collect, represent, decode, merge), shaping with the
  dict shaper + orjson and with the msgspec Struct shaper, decoding the seven answers;
- one subgraph exchange over the keep-alive HTTP client, one at a time and 8 at once.

Compare the figures of one run with each other, not with another day's.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path[:0] = [str(REPO), str(HERE)]

import orjson  # noqa: E402

from gateway.execution.executor import ExecutionState  # noqa: E402
from gateway.execution.fast_transport import FastTransport  # noqa: E402
from gateway.service import Gateway  # noqa: E402
from gateway.supergraph.model import parse_supergraph  # noqa: E402

PORT = 4200


class Recording:
    def __init__(self) -> None:
        self.inner = FastTransport()
        self.answers: dict[tuple[str, bytes], tuple[int, bytes]] = {}

    async def post(
        self, url: str, body: bytes, headers: Any, timeout: float, idempotent: bool = True
    ) -> tuple[int, bytes]:
        key = (url, body)
        if key not in self.answers:
            self.answers[key] = await self.inner.post(url, body, headers, timeout, idempotent)
        return self.answers[key]

    async def close(self) -> None:
        await self.inner.close()


class Replay:
    def __init__(self, answers: dict[tuple[str, bytes], tuple[int, bytes]]) -> None:
        self.answers = answers

    async def post(
        self, url: str, body: bytes, headers: Any, timeout: float, idempotent: bool = True
    ) -> tuple[int, bytes]:
        await asyncio.sleep(0)  # a socket round trip yields to the loop
        return self.answers[(url, body)]

    async def close(self) -> None:
        pass


def cpu_us(function: Any, rounds: int) -> float:
    started = time.process_time()
    for _ in range(rounds):
        function()
    return (time.process_time() - started) / rounds * 1e6


async def acpu_us(make: Any, rounds: int, concurrency: int = 1) -> float:
    async def worker(count: int) -> None:
        for _ in range(count):
            await make()

    started = time.process_time()
    await asyncio.gather(*(worker(rounds // concurrency) for _ in range(concurrency)))
    return (time.process_time() - started) / (rounds // concurrency * concurrency) * 1e6


async def measure(rounds: int) -> list[tuple[str, float]]:
    sdl = (HERE / "supergraph.graphql").read_text()
    query = (HERE / "query.graphql").read_text()
    recording = Recording()
    gateway = Gateway(parse_supergraph(sdl), transport=recording)
    prepared = gateway.prepare(query, "TestQuery")
    first = await gateway.run(prepared, {}, {}, encode=True)
    assert first.payload is not None and len(first.payload) == 87_327, "unexpected answer"
    await recording.close()
    gateway.transport = gateway.executor.transport = Replay(recording.answers)  # type: ignore[assignment]
    assert prepared.plan is not None and prepared.normalized is not None
    plan = prepared.plan

    async def whole() -> None:
        await gateway.run(prepared, {}, {}, encode=True)

    for _ in range(100):
        await whole()
    figures = [
        ("Gateway.run + encode, 1 at a time", await acpu_us(whole, rounds)),
        ("Gateway.run + encode, 8 at a time", await acpu_us(whole, rounds, 8)),
        ("Gateway.run + encode, 50 at a time", await acpu_us(whole, rounds, 50)),
    ]
    state = ExecutionState({}, {})

    async def execute() -> None:
        nonlocal state
        state = ExecutionState({}, {})
        await gateway.executor.execute(plan.node, state)

    figures.append(("  execute the plan (collect, represent, decode, merge)", await acpu_us(execute, rounds)))
    figures.append((
        "  shape: generated dict shaper + orjson.dumps",
        cpu_us(lambda: orjson.dumps({"data": gateway.shape(prepared, state, {})}), rounds),
    ))
    figures.append(("  shape: msgspec Struct types (convert + encode)", cpu_us(lambda: gateway.encode_fast(prepared, state), rounds)))
    payloads = [payload for _, payload in recording.answers.values()]
    figures.append(("  orjson.loads of the 7 subgraph answers", cpu_us(lambda: [orjson.loads(p) for p in payloads], rounds)))

    transport = FastTransport()
    url, body = next(iter(recording.answers))
    headers = {"content-type": "application/json", "accept": "application/json"}

    async def exchange() -> None:
        await transport.post(url, body, headers, 30)

    for _ in range(200):
        await exchange()
    figures.append(("one subgraph exchange, 1 at a time", await acpu_us(exchange, rounds * 5)))
    figures.append(("one subgraph exchange, 8 at a time", await acpu_us(exchange, rounds * 5, 8)))
    await transport.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    os.sched_setaffinity(0, {0})
    server = subprocess.Popen(
        ["taskset", "-c", "1", sys.executable, str(HERE / "subgraph_server.py"), "--port", str(PORT)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(HERE)])},
    )
    try:
        time.sleep(1.5)
        gc.collect()
        gc.freeze()
        gc.set_threshold(20_000, 20, 20)  # as `modelplane gateway` does
        import uvloop

        figures = uvloop.run(measure(args.rounds))
    finally:
        server.terminate()
        server.wait()
    for name, value in figures:
        print(f"{name:<58} {value:8.1f} µs CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
