"""The keep-alive subgraph client against real sockets: answers, timeouts, the watchdog."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

import pytest

from gateway.execution.fast_transport import FastTransport, _Watchdog
from gateway.execution.transport import SubgraphTransportError

ANSWER = b'{"data":{"ok":true}}'


async def read_request(reader: asyncio.StreamReader) -> bytes:
    """One HTTP/1.1 request with a Content-Length; its body."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
    )
    return await reader.readexactly(length)


async def send_answer(writer: asyncio.StreamWriter) -> None:
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(ANSWER), ANSWER))
    await writer.drain()


async def serve(delays: dict[bytes, float]) -> tuple[asyncio.AbstractServer, int]:
    """An HTTP/1.1 server that answers each request after the delay its body names
    (a body it does not know is never answered)."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                delay = delays.get(await read_request(reader))
                if delay is None:
                    await asyncio.sleep(3600)
                await asyncio.sleep(delay or 0)
                await send_answer(writer)
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


async def serve_then_hang_up(
    *, read_next: bool = False
) -> tuple[asyncio.AbstractServer, int, list[int]]:
    """A server that answers one request per connection, keep-alive by its headers, and
    then closes the connection (`read_next`: after reading the next request, as a server
    that fails while processing it would)."""
    connections: list[int] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(1)
        await read_request(reader)
        await send_answer(writer)
        if read_next:
            await read_request(reader)
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1], connections


async def test_a_stale_pooled_connection_is_retried_on_a_new_one() -> None:
    server, port, connections = await serve_then_hang_up()
    transport = FastTransport()
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        assert await transport.post(url, b"one", {}, 5) == (200, ANSWER)
        await asyncio.sleep(0.05)  # the server has hung up on the pooled connection
        assert await transport.post(url, b"two", {}, 5) == (200, ANSWER)
        assert len(connections) == 2
        await asyncio.sleep(0.05)
        pooled = transport.target(url).idle
        assert len(pooled) == 1 and pooled[0].closed  # stale, and skipped at the next post
        assert await transport.post(url, b"three", {}, 5) == (200, ANSWER)
        assert len(connections) == 3
    finally:
        await transport.close()
        server.close()


async def test_a_request_the_server_dropped_unanswered_is_resent_unless_it_is_a_mutation() -> None:
    server, port, connections = await serve_then_hang_up(read_next=True)
    transport = FastTransport()
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        assert await transport.post(url, b"one", {}, 5) == (200, ANSWER)
        assert await transport.post(url, b"two", {}, 5) == (200, ANSWER)  # resent
        assert len(connections) == 2
        with pytest.raises(SubgraphTransportError) as error:
            await transport.post(url, b"three", {}, 5, idempotent=False)
        assert "closed before the response ended" in error.value.message
        assert len(connections) == 2
    finally:
        await transport.close()
        server.close()


async def test_a_reader_that_gives_up_leaves_the_connection_to_finish_and_be_pooled() -> None:
    server, port = await serve({b"slowish": 0.2})
    transport = FastTransport()
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        assert await transport.post(url, b"slowish", {}, 5) == (200, ANSWER)
        pending = transport.post(url, b"slowish", {}, 5)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(pending, 0.05)  # cancels the answer's future
        assert not transport.target(url).idle  # still busy with the answer
        await asyncio.sleep(0.3)
        (connection,) = transport.target(url).idle
        assert not connection.closed
        assert await transport.post(url, b"slowish", {}, 5) == (200, ANSWER)
    finally:
        await transport.close()
        server.close()


async def test_a_subgraph_that_is_not_listening_is_a_transport_error() -> None:
    server, port = await serve({})
    server.close()
    await server.wait_closed()
    transport = FastTransport()
    try:
        with pytest.raises(SubgraphTransportError) as error:
            await transport.post(f"http://127.0.0.1:{port}/graphql", b"x", {}, 5)
        assert f"cannot connect to 127.0.0.1:{port}" in error.value.message
    finally:
        await transport.close()


async def test_the_gateway_never_resends_a_mutation_but_may_resend_the_entity_fetches_after_it() -> None:
    """Over the mutations fixture's real subgraphs: the client is told which requests are
    idempotent (the mutation fetches are not)."""
    from gateway.service import Gateway
    from gateway.supergraph.model import parse_supergraph
    from tests.gateway.harness.suite import start_suite

    class Watching(FastTransport):
        def __init__(self) -> None:
            super().__init__()
            self.sent: list[tuple[bool, bytes]] = []

        def post(self, url: str, body: bytes, headers: Any, timeout: float, idempotent: bool = True) -> Any:
            self.sent.append((idempotent, body))
            return super().post(url, body, headers, timeout, idempotent)

    async with start_suite("mutations") as running:
        transport = Watching()
        gateway = Gateway(parse_supergraph(running.supergraph_sdl), transport=transport)
        try:
            query = 'mutation { r1: addReview(productId: "p1", body: "First") { product { name } } }'
            result = await gateway.run(gateway.prepare(query, None), {}, {}, encode=True)
            assert b'"name"' in result.encoded()
            sent = [(idempotent, json.loads(body)["query"][:8]) for idempotent, body in transport.sent]
            assert sent[0] == (False, "mutation")
            assert len(sent) >= 2 and all(idempotent for idempotent, _ in sent[1:]), sent
        finally:
            await gateway.close()


async def test_the_requests_of_one_turn_are_written_together_at_the_next() -> None:
    server, port = await serve({b"one": 0, b"two": 0, b"three": 0})
    transport = FastTransport()
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        await asyncio.gather(*(transport.post(url, body, {}, 5) for body in (b"one", b"two", b"three")))
        assert len(transport.target(url).idle) == 3
        answers = [transport.post(url, body, {}, 5) for body in (b"one", b"two", b"three")]
        assert transport._watchdog is not None
        writer = transport._watchdog.writer
        assert [request.endswith(body) for (_, request), body in zip(
            writer.pending, (b"one", b"two", b"three"), strict=True
        )] == [True, True, True]  # pooled connections taken, nothing written yet
        assert await asyncio.gather(*answers) == [(200, ANSWER)] * 3
        assert writer.pending == []
    finally:
        await transport.close()
        server.close()


async def test_a_connection_lost_before_its_deferred_write_resends_the_request_on_a_new_one(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server, port = await serve({b"one": 0})
    transport = FastTransport()
    try:
        url = f"http://127.0.0.1:{port}/graphql"
        assert await transport.post(url, b"one", {}, 5) == (200, ANSWER)
        (pooled,) = transport.target(url).idle
        answer = transport.post(url, b"one", {}, 5)  # taken from the pool, write deferred
        assert not transport.target(url).idle
        pooled.close()  # before the write: it must not be written, nor the request lost
        with caplog.at_level(logging.WARNING):
            assert await answer == (200, ANSWER)
        assert not caplog.records  # no write attempted on the closed transport
        (fresh,) = transport.target(url).idle
        assert fresh is not pooled
    finally:
        await transport.close()
        server.close()
