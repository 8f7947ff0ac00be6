"""The registry served by uvicorn on a real port, called with aiohttp."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import aiohttp
import pytest
import uvicorn

from subgraphs.registry.app import create_app
from tests.registry.client import GraphQLClient


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
async def base_url(database_url: str) -> AsyncIterator[str]:
    port = free_port()
    config = uvicorn.Config(
        create_app(database_url=database_url), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def test_register_and_list_over_http(base_url: str) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base_url}/readyz") as response:
            assert response.status == 200
        async with session.get(f"{base_url}/health") as response:
            assert (await response.json()) == {"status": "ok"}
        mutation = """mutation { registerModel(input: {name: "http-model", versionName: "1",
            uri: "s3://bucket/model", modelFormatName: "onnx"}) { modelVersion { id } } }"""
        async with session.post(f"{base_url}/graphql", json={"query": mutation}) as response:
            assert response.status == 200
            body = await response.json()
        assert "errors" not in body, body
        version_id = body["data"]["registerModel"]["modelVersion"]["id"]

        query = f'{{ modelVersion(id: "{version_id}") {{ name registeredModel {{ name }} }} }}'
        async with session.get(f"{base_url}/graphql", params={"query": query}) as response:
            assert response.status == 200
            body = await response.json()
        assert body["data"]["modelVersion"] == {
            "name": "1",
            "registeredModel": {"name": "http-model"},
        }

        sdl_query = "{ _service { sdl } }"
        async with session.post(f"{base_url}/graphql", json={"query": sdl_query}) as response:
            sdl = (await response.json())["data"]["_service"]["sdl"]
        assert 'type ModelVersion @key(fields: "id")' in sdl
        assert 'type RegisteredModel @key(fields: "id")' in sdl
        assert 'type ModelArtifact implements Artifact @key(fields: "id")' in sdl


async def test_not_ready_until_the_database_is_migrated(sqlite_url: str) -> None:
    app = create_app(database_url=sqlite_url)
    client = GraphQLClient(app)
    status, _ = await client.request("GET", "/readyz")
    assert status == 503
    async with app.router.lifespan_context(app):
        status, _ = await client.request("GET", "/readyz")
        assert status == 200
