"""Serves an ASGI gateway app with uvicorn on 127.0.0.1 inside the running event loop."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import uvicorn

from gateway.http.server import CoalescingHttpToolsProtocol


@asynccontextmanager
async def serve_app(app: Any) -> AsyncIterator[str]:
    """Yields the URL of POST /graphql on a free port; shuts the server down on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # The protocol `modelplane gateway` and `modelplane serve` run.
    config = uvicorn.Config(app, log_level="warning", lifespan="auto", http=CoalescingHttpToolsProtocol)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        for _ in range(500):
            if server.started or task.done():
                break
            await asyncio.sleep(0.01)
        if task.done():
            task.result()
            raise RuntimeError("the gateway server stopped during start-up")
        if not server.started:
            raise RuntimeError("the gateway server did not start within 5 s")
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, timeout=10)
        sock.close()
