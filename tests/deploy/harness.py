"""Serves a subgraph app on a loopback port and sends it GraphQL, as the gateway would."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import uvicorn
from starlette.applications import Starlette


def reserve_socket() -> socket.socket:
    """A bound 127.0.0.1 socket, for apps that must know their own URL before they serve."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


@contextlib.asynccontextmanager
async def serve(app: Starlette, sock: socket.socket | None = None) -> AsyncIterator[str]:
    """The app's base URL while it runs (lifespan included) on a free 127.0.0.1 port."""
    sock = sock or reserve_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()


class GraphQLClient:
    def __init__(self, url: str, headers: dict[str, str] | None = None) -> None:
        self.url = url
        self.headers = headers or {}

    async def execute(self, query: str, **variables: Any) -> dict[str, Any]:
        async with aiohttp.ClientSession() as session, session.post(
            self.url, json={"query": query, "variables": variables}, headers=self.headers
        ) as response:
            body: dict[str, Any] = await response.json()
            assert response.status in (200, 401), body
            return body

    async def data(self, query: str, **variables: Any) -> dict[str, Any]:
        body = await self.execute(query, **variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]  # type: ignore[no-any-return]

    async def error_code(self, query: str, **variables: Any) -> str:
        body = await self.execute(query, **variables)
        assert body.get("errors"), body
        return str(body["errors"][0]["extensions"]["code"])
