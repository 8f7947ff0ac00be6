"""uvicorn's httptools protocol, with a response's head and body sent in one system call.

uvicorn writes the status line and headers, then the body: two `send` calls, two TCP
segments, and often two wake-ups of the client. On loopback the sender's CPU also does the
receiving side's TCP work, so each extra write costs the gateway: about 3.5-5 µs per
request for an 87 KB response on these machines (`bench/gateway`), against one
`writelines` of both. The head is held back until the body's first write, or until the
event loop's next turn when no body follows (a HEAD request, a 204, a 100 Continue).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


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

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        holding = _HeadHoldingTransport(transport, self.loop)  # type: ignore[arg-type]
        super().connection_made(holding)  # type: ignore[arg-type]
