"""The keep-alive subgraph client against real sockets: answers, timeouts, the watchdog."""

from __future__ import annotations

import asyncio
import time

import pytest

from gateway.execution.fast_transport import FastTransport, _Watchdog
from gateway.execution.transport import SubgraphTransportError

ANSWER = b'{"data":{"ok":true}}'


async def serve(delays: dict[bytes, float]) -> tuple[asyncio.AbstractServer, int]:
    """An HTTP/1.1 server that answers each request after the delay its body names
    (a body it does not know is never answered)."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                body = await reader.readexactly(length)
                delay = delays.get(body)
                if delay is None:
                    await asyncio.sleep(3600)
                await asyncio.sleep(delay or 0)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(ANSWER), ANSWER))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


async def test_answers_and_keeps_the_connection() -> None:
    server, port = await serve({b"quick": 0})
    transport = FastTransport()
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        for _ in range(3):
            assert await transport.post(url, b"quick", {}, 5) == (200, ANSWER)
        assert len(transport.target(url).idle) == 1
        await asyncio.sleep(_Watchdog.TICK * 3)  # nothing in flight: its timer stops
        assert transport._watchdog is not None and not transport._watchdog.armed
    finally:
        await transport.close()
        server.close()


async def test_a_silent_subgraph_times_out_and_others_in_flight_do_not() -> None:
    server, port = await serve({b"slowish": 0.4})
    transport = FastTransport()
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        started = time.monotonic()
        silent = asyncio.ensure_future(transport.post(url, b"never", {}, 0.2))
        answered = asyncio.ensure_future(transport.post(url, b"slowish", {}, 5))
        with pytest.raises(SubgraphTransportError) as error:
            await silent
        elapsed = time.monotonic() - started
        assert error.value.code == "SUBREQUEST_TIMEOUT"
        assert "timed out after 0.2s" in error.value.message
        assert 0.2 <= elapsed < 1.0, elapsed  # at 0.2 s, give or take a 20 ms tick: not at 5 s
        assert await answered == (200, ANSWER)
        await asyncio.sleep(_Watchdog.TICK * 3)
        assert transport._watchdog is not None and not transport._watchdog.armed
        assert not transport._watchdog.watched
    finally:
        await transport.close()
        server.close()
