"""Fixtures for the catalog tests: the sample catalog, scratch catalogs and a fake Hub."""

from __future__ import annotations

import asyncio
import textwrap
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import uvicorn
from starlette.applications import Starlette

from tests.catalog.hub_server import FakeHub

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "catalog"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


@pytest.fixture
def sample_sources() -> Path:
    return EXAMPLES / "sources.yaml"


@pytest.fixture
async def fake_hub() -> AsyncIterator[FakeHub]:
    hub = await FakeHub().start()
    try:
        yield hub
    finally:
        await hub.stop()


@asynccontextmanager
async def serve(app: Starlette) -> AsyncIterator[str]:
    """Run `app` (lifespan included) on a real uvicorn server on 127.0.0.1; yield its URL."""
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(20):
        while not server.started:
            if task.done():
                task.result()
                raise RuntimeError("uvicorn stopped before it started")
            await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


class GraphQLClient:
    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        self.session = session
        self.url = url

    async def post(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        async with self.session.post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers=headers,
        ) as response:
            return response.status, await response.json()

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        status, body = await self.post(query, variables)
        assert status == 200 and "errors" not in body, body
        result: dict[str, Any] = body["data"]
        return result


@asynccontextmanager
async def graphql_client(app: Starlette) -> AsyncIterator[GraphQLClient]:
    async with serve(app) as url, aiohttp.ClientSession() as session:
        yield GraphQLClient(session, url)
