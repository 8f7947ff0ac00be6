"""uvicorn's httptools protocol, with a response's head and body sent in one system call,
and a direct path from the parsed request to the GraphQL endpoint.

uvicorn writes the status line and headers, then the body: two `send` calls, two TCP
segments, and often two wake-ups of the client. On loopback the sender's CPU also does the
receiving side's TCP work, so each extra write costs the gateway: about 3.5-5 µs per
request for an 87 KB response on these machines (`bench/gateway`), against one
`writelines` of both. The head is held back until the body's first write, or until the
event loop's next turn when no body follows (a HEAD request, a 204, a 100 Continue).

The direct path: a POST to a `GatewayApp`'s GraphQL path whose body has arrived whole
goes from the parser to `GraphQLEndpoint.respond`, and its response is written in one
call, without the ASGI layers in between (the request's scope, its receive and send
coroutines and their messages, the proxy-headers middleware, the app's routing): about
3 % of the gateway's CPU per request on the benchmark. Everything else (other paths and
methods, a body larger than uvicorn's read buffer, `Expect: 100-continue`, any app that
is not a bare GatewayApp) goes through ASGI as before. What the ASGI path does for such a
request is kept: X-Forwarded-For from trusted proxies (through uvicorn's own
middleware), uvicorn's default headers, its access log, keep-alive, pipelining, flow
control and graceful shutdown.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware
from uvicorn.protocols.http.flow_control import HIGH_WATER_LIMIT
from uvicorn.protocols.http.httptools_impl import (
    STATUS_LINE,
    HttpToolsProtocol,
    RequestResponseCycle,
)

from common.headers import LowercaseHeaders
from gateway.http.endpoint import content_type_of

log = logging.getLogger("modelplane.gateway")


class _HeadHoldingTransport:
    """Proxies a transport; a write that starts a response waits for the next write."""

    __slots__ = ("_held", "_loop", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None

    def write(self, data: bytes) -> None:
        held = self._held
        if held is not None:
            self._held = None
            self._transport.writelines((held, data))
        elif data[:9] == b"HTTP/1.1 " and len(data) < 65536:
            self._held = data
            self._loop.call_soon(self.flush)
        else:
            self._transport.write(data)

    def writelines(self, data: Any) -> None:
        held = self._held
        if held is not None:  # a head-only response (HEAD, 204) not yet flushed goes first
            self._held = None
            data = (held, *data)
        self._transport.writelines(data)

    def flush(self) -> None:
        held = self._held
        if held is not None:
            self._held = None
            self._transport.write(held)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class CoalescingHttpToolsProtocol(HttpToolsProtocol):
    """For `uvicorn.run(http=...)`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        direct = getattr(self.config.app, "direct_graphql", None)
        # (path, endpoint) when the app is a GatewayApp served as it is
        self.direct: tuple[str, Any] | None = direct() if callable(direct) else None
        self.deferred: RequestResponseCycle | None = None  # waiting for its body, to go direct
        self.forwarding: ProxyHeadersMiddleware | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        holding = _HeadHoldingTransport(transport, self.loop)  # type: ignore[arg-type]
        super().connection_made(holding)  # type: ignore[arg-type]

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: Any) -> None:
        direct = self.direct
        if (
            direct is None
            or app is not self.app  # uvicorn's 503 for its own concurrency limit
            or cycle.scope["method"] != "POST"
            or cycle.scope["path"] != direct[0]
            or cycle.waiting_for_100_continue
        ):
            super()._start_asgi_task(cycle, app)
        elif cycle.more_body:
            self.deferred = cycle  # on_message_complete or on_body decides
        else:
            self.start_direct(cycle)

    def on_body(self, body: bytes) -> None:
        super().on_body(body)
        cycle = self.deferred
        if cycle is not None and len(cycle.body) > HIGH_WATER_LIMIT:
            # uvicorn has paused reading until the app reads: ASGI streams this one.
            self.deferred = None
            super()._start_asgi_task(cycle, self.app)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        cycle = self.deferred
        if cycle is not None and not cycle.more_body:
            self.deferred = None
            self.start_direct(cycle)

    def start_direct(self, cycle: RequestResponseCycle) -> None:
        task = self.loop.create_task(self.run_direct(cycle))
        task.add_done_callback(self.tasks.discard)
        self.tasks.add(task)

    async def run_direct(self, cycle: RequestResponseCycle) -> None:
        assert self.direct is not None
        scope = cycle.scope
        endpoint = self.direct[1]
        client = scope["client"]
        try:
            headers = LowercaseHeaders(
                [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
            )
            if "x-forwarded-for" in headers and self.config.proxy_headers:
                client = await self.forwarded_client(scope)
            status, payload, media, extra = await endpoint.respond(
                "POST", headers, bytes(cycle.body), None, b"", scope["path"],
                client[0] if client else None,
            )
            cycle.body = bytearray()
            head = [STATUS_LINE[status]]
            for name, value in cycle.default_headers:
                head += [name, b": ", value, b"\r\n"]
            head.append(b"content-type: %s\r\ncontent-length: %d\r\n" % (
                content_type_of(media).encode("latin-1"), len(payload)
            ))
            for name, value in extra.items():
                head.append(f"{name}: {value}\r\n".encode("latin-1"))
            if not cycle.keep_alive:
                head.append(b"connection: close\r\n")
            head.append(b"\r\n")
        except asyncio.CancelledError:
            raise
        except Exception as error:  # as uvicorn's run_asgi: log it, answer 500
            log.error("Exception in the GraphQL endpoint", exc_info=error)
            status, payload, cycle.keep_alive = 500, b"Internal Server Error", False
            head = [STATUS_LINE[500], b"content-type: text/plain; charset=utf-8\r\n",
                    b"content-length: 21\r\nconnection: close\r\n\r\n"]
        if self.flow.write_paused and not cycle.disconnected:
            await self.flow.drain()
        if cycle.disconnected:
            return
        if cycle.access_log:
            cycle.access_logger.info(
                '%s - "POST %s HTTP/%s" %d', f"{client[0]}:{client[1]}" if client else "-",
                scope["path"], scope["http_version"], status,
            )
        cycle.response_started = cycle.response_complete = True
        self.transport.writelines((b"".join(head), payload))
        cycle.message_event.set()
        if not cycle.keep_alive:
            self.transport.close()
        cycle.on_response()

    async def forwarded_client(self, scope: Any) -> Any:
        """The client address uvicorn's proxy-headers middleware would give the app."""
        if self.forwarding is None:
            self.forwarding = ProxyHeadersMiddleware(_client_of, self.config.forwarded_allow_ips)
        seen = {"type": "http", "client": scope["client"], "headers": scope["headers"]}
        await self.forwarding(seen, _nothing, _nothing)  # type: ignore[arg-type]
        return seen["client"]


async def _client_of(scope: Any, receive: Any, send: Any) -> None:
    """The app behind forwarded_client's middleware: the scope it rewrote is the answer."""


async def _nothing(*_: Any) -> Any:  # pragma: no cover - never called
    return None

