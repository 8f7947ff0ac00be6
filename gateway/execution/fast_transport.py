"""A small keep-alive HTTP/1.1 client on asyncio and httptools, for subgraphs over plain http.

aiohttp costs about 115 µs per request on these machines; the gateway makes several
subgraph requests per client request, so the hot path uses this client. It speaks only
what subgraphs need — POST, keep-alive, Content-Length or chunked responses — and leaves
TLS, proxies and redirects (https subgraphs) to aiohttp.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from urllib.parse import urlsplit

import httptools

from gateway.execution.transport import AiohttpTransport, SubgraphTransportError


class _Connection(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        self.body: list[bytes] = []
        self.closed = False
        self.received_any = False
        self.keep_alive = True
        self.timeout = 0.0
        self.deadline = 0.0

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_exception(
                SubgraphTransportError("the connection closed before the response ended")
            )

    def data_received(self, data: bytes) -> None:
        self.received_any = True
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as error:
            self.fail(SubgraphTransportError(f"invalid HTTP response: {error}"))

    # httptools callbacks
    def on_message_begin(self) -> None:
        self.body = []

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.keep_alive = self.parser.should_keep_alive()
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result((self.parser.get_status_code(), b"".join(self.body)))

    def fail(self, error: Exception) -> None:
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_exception(error)
        self.close()

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    async def exchange(
        self, request: bytes, deadline: float, timeout: float, watchdog: _Watchdog
    ) -> tuple[int, bytes]:
        """The answer to `request`, or a timeout (of `timeout` seconds) at `deadline`."""
        assert self.transport is not None
        waiter = self.waiter = self.loop.create_future()
        self.received_any = False
        self.transport.write(request)
        self.timeout = timeout
        self.deadline = deadline
        watchdog.watch(self)
        try:
            status, body = await waiter
            return status, body
        finally:
            watchdog.watched.discard(self)
            self.waiter = None

    def time_out(self) -> None:
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_exception(
                SubgraphTransportError(f"timed out after {self.timeout:g}s", "SUBREQUEST_TIMEOUT")
            )
            self.close()


class _Watchdog:
    """Times out exchanges. One timer for all of them, armed while any is in flight,
    instead of a timer set and cancelled per exchange (about 1.5 µs each, seven times a
    request on the benchmark): a timeout fires within TICK seconds after its deadline."""

    TICK = 0.02

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.watched: set[_Connection] = set()
        self.armed = False

    def watch(self, connection: _Connection) -> None:
        self.watched.add(connection)
        if not self.armed:
            self.armed = True
            self.loop.call_later(self.TICK, self.check)

    def check(self) -> None:
        now = self.loop.time()
        for connection in [c for c in self.watched if c.deadline <= now]:
            self.watched.discard(connection)
            connection.time_out()
        self.armed = bool(self.watched)
        if self.armed:
            self.loop.call_later(self.TICK, self.check)


class _Target:
    __slots__ = ("host", "idle", "path", "port", "prefix")

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host_header = parts.netloc
        self.prefix = f"POST {self.path} HTTP/1.1\r\nHost: {host_header}\r\n".encode("latin-1")
        self.idle: list[_Connection] = []


class FastTransport:
    """Keep-alive pools per subgraph URL; https URLs go through aiohttp."""

    def __init__(self) -> None:
        self._targets: dict[str, _Target] = {}
        self._fallback: AiohttpTransport | None = None
        self._watchdog: _Watchdog | None = None

    def target(self, url: str) -> _Target:
        target = self._targets.get(url)
        if target is None:
            target = self._targets[url] = _Target(url)
        return target

    async def post(
        self,
        url: str,
        body: bytes,
        headers: Mapping[str, str],
        timeout: float,
        idempotent: bool = True,
    ) -> tuple[int, bytes]:
        if not url.startswith("http://"):
            if self._fallback is None:
                self._fallback = AiohttpTransport()
            return await self._fallback.post(url, body, headers, timeout)
        target = self.target(url)
        fields = "".join([f"{name}: {value}\r\n" for name, value in headers.items()])
        request = b"%s%sContent-Length: %d\r\n\r\n%s" % (
            target.prefix, fields.encode("latin-1"), len(body), body
        )
        loop = asyncio.get_running_loop()
        watchdog = self._watchdog
        if watchdog is None or watchdog.loop is not loop:
            watchdog = self._watchdog = _Watchdog(loop)
        deadline = loop.time() + timeout
        while target.idle:
            connection = target.idle.pop()
            if connection.closed:
                continue
            try:
                result = await connection.exchange(request, deadline, timeout, watchdog)
            except SubgraphTransportError:
                # A pooled connection the server had already closed: retry on a new one,
                # unless the request may have been processed.
                if connection.received_any or not idempotent or loop.time() >= deadline:
                    raise
                continue
            self._release(target, connection)
            return result
        connection = await self._connect(target, loop, max(deadline - loop.time(), 0.001))
        result = await connection.exchange(request, deadline, timeout, watchdog)
        self._release(target, connection)
        return result

    async def _connect(
        self, target: _Target, loop: asyncio.AbstractEventLoop, timeout: float
    ) -> _Connection:
        try:
            _, connection = await asyncio.wait_for(
                loop.create_connection(lambda: _Connection(loop), target.host, target.port),
                timeout,
            )
        except TimeoutError:
            raise SubgraphTransportError(f"connecting timed out after {timeout:g}s", "SUBREQUEST_TIMEOUT") from None
        except OSError as error:
            raise SubgraphTransportError(f"cannot connect to {target.host}:{target.port}: {error.strerror or error}") from None
        return connection

    @staticmethod
    def _release(target: _Target, connection: _Connection) -> None:
        if connection.keep_alive and not connection.closed:
            target.idle.append(connection)
        else:
            connection.close()

    async def close(self) -> None:
        for target in self._targets.values():
            for connection in target.idle:
                connection.close()
            target.idle.clear()
        if self._fallback is not None:
            await self._fallback.close()
