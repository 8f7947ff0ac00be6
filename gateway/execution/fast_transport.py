"""A small keep-alive HTTP/1.1 client on asyncio and httptools, for subgraphs over plain http.

aiohttp costs about 115 µs per request on these machines; the gateway makes several
subgraph requests per client request, so the hot path uses this client. It speaks only
what subgraphs need — POST, keep-alive, Content-Length or chunked responses — and leaves
TLS, proxies and redirects (https subgraphs) to aiohttp.

`post` is a plain function that starts the exchange and returns the future the answer
completes: no coroutine of its own between the caller and the socket. Each await in a
chain of coroutines costs its resume and suspend on every wake-up, and the gateway waits
on seven of these per request on the benchmark. The request is written at the start of
the event loop's next turn, together with the others that turn made
(gateway.batched_writes). The connection finishes its own
exchange: it goes back to its pool when the response has ended, and a pooled connection
the server had already closed retries the request on a new one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from urllib.parse import urlsplit

import httptools

from gateway.batched_writes import TurnWriter
from gateway.execution.transport import AiohttpTransport, SubgraphTransportError

Answer = tuple[int, bytes]


class _Exchange:
    """One request in flight: what the connection needs to answer, retry or time it out."""

    __slots__ = ("deadline", "idempotent", "request", "target", "timeout", "waiter")

    def __init__(
        self, target: _Target, request: bytes, deadline: float, timeout: float,
        idempotent: bool, waiter: asyncio.Future[Answer],
    ) -> None:
        self.target = target
        self.request = request
        self.deadline = deadline
        self.timeout = timeout
        self.idempotent = idempotent
        self.waiter = waiter


class _Connection(asyncio.Protocol):
    def __init__(self, client: FastTransport) -> None:
        self.client = client
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.exchange: _Exchange | None = None
        self.watchdog: _Watchdog | None = None
        self.body: list[bytes] = []
        self.closed = False
        self.received_any = False
        self.reused = False  # taken from the pool for the exchange in flight
        self.keep_alive = True

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        exchange = self.detach()
        if exchange is None or exchange.waiter.done():
            return
        loop = self.client.loop
        if (
            not self.received_any
            and self.reused
            and exchange.idempotent
            and loop is not None
            and loop.time() < exchange.deadline
        ):
            # A pooled connection the server had closed: the request was not processed.
            loop.create_task(self.client.retry(exchange))
            return
        exchange.waiter.set_exception(
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
        exchange = self.detach()
        if exchange is None:
            return
        # Back to the pool before the answer's reader runs: the response has ended.
        if self.keep_alive and not self.closed:
            exchange.target.idle.append(self)
        else:
            self.close()
        waiter = exchange.waiter
        if not waiter.done():
            waiter.set_result((self.parser.get_status_code(), b"".join(self.body)))

    def fail(self, error: Exception) -> None:
        exchange = self.detach()
        if exchange is not None and not exchange.waiter.done():
            exchange.waiter.set_exception(error)
        self.close()

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    def start(self, exchange: _Exchange, watchdog: _Watchdog, reused: bool) -> None:
        """Sends the request; the response (or a failure) completes `exchange.waiter`."""
        assert self.transport is not None
        self.exchange = exchange
        self.reused = reused
        self.received_any = False
        watchdog.writer.defer(self.send, exchange.request)
        self.watchdog = watchdog
        watchdog.watch(self)

    def send(self, request: bytes) -> None:
        """The deferred write of a request (see gateway.batched_writes): a connection that
        closed meanwhile has already failed or retried its exchange."""
        transport = self.transport
        if not self.closed and transport is not None and not transport.is_closing():
            transport.write(request)

    def detach(self) -> _Exchange | None:
        exchange = self.exchange
        if exchange is not None:
            self.exchange = None
            if self.watchdog is not None:
                self.watchdog.watched.discard(self)
        return exchange

    def time_out(self) -> None:
        exchange = self.detach()
        if exchange is not None and not exchange.waiter.done():
            exchange.waiter.set_exception(
                SubgraphTransportError(f"timed out after {exchange.timeout:g}s", "SUBREQUEST_TIMEOUT")
            )
        self.close()


class _Watchdog:
    """Times out exchanges. One timer for all of them, armed while any is in flight,
    instead of a timer set and cancelled per exchange (about 1.5 µs each, seven times a
    request on the benchmark): a timeout fires within TICK seconds after its deadline."""

    TICK = 0.02

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.writer = TurnWriter(loop)
        self.watched: set[_Connection] = set()
        self.armed = False

    def watch(self, connection: _Connection) -> None:
        self.watched.add(connection)
        if not self.armed:
            self.armed = True
            self.loop.call_later(self.TICK, self.check)

    def check(self) -> None:
        now = self.loop.time()
        for connection in list(self.watched):
            exchange = connection.exchange
            if exchange is None:
                self.watched.discard(connection)
            elif exchange.deadline <= now:
                connection.time_out()  # closed: a late answer must not meet the next request
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
        self.loop: asyncio.AbstractEventLoop | None = None

    def target(self, url: str) -> _Target:
        target = self._targets.get(url)
        if target is None:
            target = self._targets[url] = _Target(url)
        return target

    def watchdog_of_loop(self) -> _Watchdog:
        loop = asyncio.get_running_loop()
        watchdog = self._watchdog
        if watchdog is None or watchdog.loop is not loop:
            watchdog = self._watchdog = _Watchdog(loop)
            self.loop = loop
        return watchdog

    def post(
        self,
        url: str,
        body: bytes,
        headers: Mapping[str, str],
        timeout: float,
        idempotent: bool = True,
    ) -> asyncio.Future[Answer]:
        """The answer's future; the request goes out at the loop's next turn on a pooled
        connection when one is free, else once a new connection is made."""
        watchdog = self.watchdog_of_loop()
        loop = watchdog.loop
        if not url.startswith("http://"):
            if self._fallback is None:
                self._fallback = AiohttpTransport()
            return loop.create_task(self._fallback.post(url, body, headers, timeout))
        waiter: asyncio.Future[Answer] = loop.create_future()
        target = self.target(url)
        fields = "".join([f"{name}: {value}\r\n" for name, value in headers.items()])
        request = b"%s%sContent-Length: %d\r\n\r\n%s" % (
            target.prefix, fields.encode("latin-1"), len(body), body
        )
        exchange = _Exchange(target, request, loop.time() + timeout, timeout, idempotent, waiter)
        idle = target.idle
        while idle:
            connection = idle.pop()
            if not connection.closed:
                connection.start(exchange, watchdog, reused=True)
                return waiter
        loop.create_task(self.retry(exchange))
        return waiter

    async def retry(self, exchange: _Exchange) -> None:
        """The exchange on a new connection (none was pooled, or the pooled one had closed)."""
        loop = asyncio.get_running_loop()
        target = exchange.target
        try:
            _, connection = await asyncio.wait_for(
                loop.create_connection(lambda: _Connection(self), target.host, target.port),
                max(exchange.deadline - loop.time(), 0.001),
            )
        except TimeoutError:
            error = SubgraphTransportError(
                f"connecting timed out after {exchange.timeout:g}s", "SUBREQUEST_TIMEOUT"
            )
        except OSError as failure:
            error = SubgraphTransportError(
                f"cannot connect to {target.host}:{target.port}: {failure.strerror or failure}"
            )
        else:
            if exchange.waiter.done():  # the reader gave up meanwhile
                target.idle.append(connection)
            else:
                connection.start(exchange, self.watchdog_of_loop(), reused=False)
            return
        if not exchange.waiter.done():
            exchange.waiter.set_exception(error)

    async def close(self) -> None:
        for target in self._targets.values():
            for connection in target.idle:
                connection.close()
            target.idle.clear()
        if self._fallback is not None:
            await self._fallback.close()

