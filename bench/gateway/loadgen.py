"""Closed-loop HTTP/1.1 load that checks every response against the expected one.

N keep-alive connections each send the next request as soon as the previous answer
arrives, until the duration or the request budget runs out. A response counts as good
only if its status is 200 and its JSON equals the expected response (key order aside).
Two engines give the same report: `wrk` (C, with loadgen.lua; the default, as it costs
the shared core least) and `python` (asyncio + httptools, for machines without wrk).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import httptools
import orjson
import uvloop

REQUEST_TIMEOUT_S = 30.0
KNOWN_BODIES_LIMIT = 16


@dataclass
class Tally:
    """What the connections observed; shared by all of them (one event loop, no locks)."""

    latencies_ns: list[int] = field(default_factory=list)
    good: int = 0
    errors: int = 0
    mismatches: int = 0
    issued: int = 0
    first_error: str | None = None
    mismatch_sample: bytes | None = None

    def record_error(self, message: str) -> None:
        self.errors += 1
        if self.first_error is None:
            self.first_error = message


class ResponseCheck:
    """Byte comparison with bodies already judged (cheap), JSON comparison for new ones."""

    def __init__(self, expected: Any) -> None:
        self.expected = expected
        self.known: list[tuple[bytes, bool]] = []

    def accepts(self, body: bytes) -> bool:
        for seen, verdict in self.known:
            if body == seen:
                return verdict
        try:
            verdict = orjson.loads(body) == self.expected
        except orjson.JSONDecodeError:
            verdict = False
        if len(self.known) < KNOWN_BODIES_LIMIT:
            self.known.append((body, verdict))
        return verdict


class ClientConnection(asyncio.Protocol):
    def __init__(self) -> None:
        self.parser = httptools.HttpResponseParser(self)
        self.transport: asyncio.Transport | None = None
        self.waiter: asyncio.Future[tuple[int, bytes, bool]] | None = None
        self.chunks: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as error:
            self.fail(ConnectionError(f"bad HTTP response: {error}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        self.fail(ConnectionError("connection closed by the server"))

    def on_message_begin(self) -> None:
        self.chunks = []

    def on_body(self, body: bytes) -> None:
        self.chunks.append(body)

    def on_message_complete(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            status = self.parser.get_status_code()
            self.waiter.set_result((status, b"".join(self.chunks), self.parser.should_keep_alive()))

    def fail(self, error: Exception) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(error)

    def send(self, request: bytes) -> asyncio.Future[tuple[int, bytes, bool]]:
        assert self.transport is not None
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return self.waiter


async def open_connection(host: str, port: int) -> ClientConnection:
    loop = asyncio.get_running_loop()
    _transport, protocol = await loop.create_connection(ClientConnection, host, port)
    return protocol


async def drive_connection(
    host: str,
    port: int,
    request: bytes,
    check: ResponseCheck,
    tally: Tally,
    deadline: float,
    max_requests: int,
) -> None:
    connection: ClientConnection | None = None
    while time.monotonic() < deadline and tally.issued < max_requests:
        tally.issued += 1
        started = time.perf_counter_ns()
        try:
            if connection is None or connection.transport is None:
                connection = await open_connection(host, port)
            status, body, keep_alive = await asyncio.wait_for(
                connection.send(request), REQUEST_TIMEOUT_S
            )
        except (TimeoutError, OSError) as error:
            tally.record_error(f"{type(error).__name__}: {error}")
            if connection is not None and connection.transport is not None:
                connection.transport.close()
            connection = None
            # A gateway that is down refuses at once; do not spin on it.
            await asyncio.sleep(0.05)
            continue
        tally.latencies_ns.append(time.perf_counter_ns() - started)
        if status != 200:
            tally.record_error(f"HTTP {status}: {body[:300]!r}")
        elif check.accepts(body):
            tally.good += 1
        else:
            tally.mismatches += 1
            if tally.mismatch_sample is None:
                tally.mismatch_sample = body
        if not keep_alive and connection.transport is not None:
            connection.transport.close()
            connection = None
    if connection is not None and connection.transport is not None:
        connection.transport.close()


def build_request(url: str, body: bytes) -> tuple[str, int, bytes]:
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    port = parts.port or 80
    head = (
        f"POST {parts.path or '/'} HTTP/1.1\r\n"
        f"host: {host}:{port}\r\n"
        "content-type: application/json\r\n"
        "accept: application/graphql-response+json, application/json\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    )
    return host, port, head.encode() + body


def percentile(sorted_values: list[int], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index] / 1e6


async def run_load(
    url: str,
    body: bytes,
    expected: Any,
    connections: int,
    duration_s: float,
    max_requests: int,
) -> dict[str, Any]:
    host, port, request = build_request(url, body)
    check = ResponseCheck(expected)
    tally = Tally()
    started = time.monotonic()
    cpu_started = time.process_time()
    deadline = started + duration_s
    await asyncio.gather(
        *(
            drive_connection(host, port, request, check, tally, deadline, max_requests)
            for _ in range(connections)
        )
    )
    elapsed = time.monotonic() - started
    report = summarise(tally, elapsed, connections)
    cpu_s = time.process_time() - cpu_started
    report["loadgen_cpu_us_per_request"] = (
        round(1e6 * cpu_s / report["responses"], 1) if report["responses"] else None
    )
    return report


def summarise(tally: Tally, elapsed: float, connections: int) -> dict[str, Any]:
    latencies = sorted(tally.latencies_ns)
    completed = len(latencies)
    return {
        "connections": connections,
        "abandoned_in_flight": 0,
        "elapsed_s": round(elapsed, 3),
        "requests": tally.issued,
        "responses": completed,
        "good": tally.good,
        "errors": tally.errors,
        "mismatches": tally.mismatches,
        "requests_per_s": round(completed / elapsed, 1) if elapsed > 0 else 0.0,
        "latency_ms": {
            "p50": round(percentile(latencies, 0.50), 3),
            "p90": round(percentile(latencies, 0.90), 3),
            "p99": round(percentile(latencies, 0.99), 3),
            "max": round(latencies[-1] / 1e6, 3) if latencies else 0.0,
            "mean": round(sum(latencies) / completed / 1e6, 3) if completed else 0.0,
        },
        "first_error": tally.first_error,
        "mismatch_sample": None
        if tally.mismatch_sample is None
        else tally.mismatch_sample[:2000].decode("utf-8", "replace"),
    }


def run_wrk(
    url: str,
    body_file: Path,
    expected: Any,
    connections: int,
    duration_s: float,
    max_requests: int,
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="wrk-") as scratch:
        summary_file = Path(scratch) / "summary.json"
        env = {
            **os.environ,
            "BENCH_BODY_FILE": str(body_file),
            "BENCH_VARIANTS_DIR": scratch,
            "BENCH_SUMMARY_FILE": str(summary_file),
            "BENCH_MAX_REQUESTS": str(max_requests),
            "BENCH_THREADS": "1",
        }
        command = [
            "wrk", "-t1", f"-c{connections}", f"-d{max(1, math.ceil(duration_s))}s",
            "--timeout", f"{int(REQUEST_TIMEOUT_S)}s",
            "-s", str(Path(__file__).with_name("loadgen.lua")), url,
        ]  # fmt: skip
        cpu_before = os.times()
        finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        cpu_after = os.times()
        if finished.returncode != 0 or not summary_file.exists():
            raise RuntimeError(f"wrk failed: {finished.stderr or finished.stdout}")
        summary = json.loads(summary_file.read_text())
        check = ResponseCheck(expected)
        verdicts = {
            path.stem: check.accepts(path.read_bytes()) for path in Path(scratch).glob("*.body")
        }
        mismatch_sample = next(
            (
                (Path(scratch) / f"{name}.body").read_bytes()
                for name, good in verdicts.items()
                if not good
            ),
            None,
        )
    return summarise_wrk(summary, verdicts, mismatch_sample, connections, cpu_after, cpu_before)


def summarise_wrk(
    summary: dict[str, Any],
    verdicts: dict[str, bool],
    mismatch_sample: bytes | None,
    connections: int,
    cpu_after: os.times_result,
    cpu_before: os.times_result,
) -> dict[str, Any]:
    threads = summary["threads"]
    responses = sum(thread["responses"] for thread in threads)
    good = sum(
        count
        for thread in threads
        for name, count in thread["variants"].items()
        if verdicts.get(name, False)
    )
    non_200 = sum(thread["non_200"] for thread in threads)
    socket_errors = sum(summary["socket_errors"].values())
    elapsed = summary["duration_us"] / 1e6
    latency = summary["latency_us"]
    cpu_s = (cpu_after.children_user - cpu_before.children_user) + (
        cpu_after.children_system - cpu_before.children_system
    )
    first_error = next((t["first_non_200"] for t in threads if t["first_non_200"]), None)
    if first_error is None and socket_errors:
        first_error = f"socket errors: {summary['socket_errors']}"
    return {
        "engine": "wrk",
        "connections": connections,
        # wrk stops with one request in flight per connection; the gateway still serves them.
        "abandoned_in_flight": connections,
        "elapsed_s": round(elapsed, 3),
        "requests": responses,
        "responses": responses,
        "good": good,
        "errors": non_200 + socket_errors,
        "mismatches": responses - non_200 - good,
        "distinct_bodies": len(verdicts),
        "requests_per_s": round(responses / elapsed, 1) if elapsed > 0 else 0.0,
        "latency_ms": {
            "p50": latency["p50"] / 1000,
            "p90": latency["p90"] / 1000,
            "p99": latency["p99"] / 1000,
            "max": latency["max"] / 1000,
            "mean": round(latency["mean"] / 1000, 3),
        },
        "first_error": first_error,
        "mismatch_sample": None
        if mismatch_sample is None
        else mismatch_sample[:2000].decode("utf-8", "replace"),
        "loadgen_cpu_us_per_request": round(1e6 * cpu_s / responses, 1) if responses else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--body-file", required=True, help="the request body to send")
    parser.add_argument("--expected-file", required=True, help="the expected response JSON")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds")
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument(
        "--engine", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python"
    )
    args = parser.parse_args()
    body = Path(args.body_file).read_bytes()
    expected = orjson.loads(Path(args.expected_file).read_bytes())
    if args.engine == "wrk":
        report = run_wrk(
            args.url,
            Path(args.body_file),
            expected,
            args.connections,
            args.duration,
            args.max_requests,
        )
    else:
        report = uvloop.run(
            run_load(args.url, body, expected, args.connections, args.duration, args.max_requests)
        )
        report["engine"] = "python"
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
