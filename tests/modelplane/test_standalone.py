"""`modelplane serve` as a newcomer runs it: register a model through the gateway, list it."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import uvicorn

from modelplane.standalone import build_standalone_app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def standalone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    monkeypatch.setenv("MODELPLANE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MODELPLANE_DATABASE_URL", raising=False)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    app = build_standalone_app(base, seed=False)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.05)
    assert server.started, "standalone server did not start"
    try:
        yield base
    finally:
        server.should_exit = True
        await task


async def _graphql(session: aiohttp.ClientSession, base: str, query: str) -> dict[str, object]:
    async with session.post(f"{base}/graphql", json={"query": query}) as response:
        assert response.status == 200
        body: dict[str, object] = await response.json()
        return body


async def test_register_then_list_through_the_gateway(standalone: str) -> None:
    async with aiohttp.ClientSession() as session:
        registered = await _graphql(
            session,
            standalone,
            'mutation { registerModel(input: {name: "fraud", versionName: "v1", '
            'uri: "s3://models/fraud/v1", modelFormatName: "onnx"}) '
            "{ registeredModel { name } modelVersion { name } } }",
        )
        assert "errors" not in registered, registered
        listed = await _graphql(
            session,
            standalone,
            "{ registeredModels { totalCount nodes { name versions { nodes { name "
            "deployments { name } artifacts { nodes { ... on ModelArtifact { uri } } } } } } } }",
        )
        assert "errors" not in listed, listed
        models = listed["data"]["registeredModels"]  # type: ignore[index]
        assert models["totalCount"] == 1
        version = models["nodes"][0]["versions"]["nodes"][0]
        assert version["name"] == "v1"
        assert version["deployments"] == []  # answered by the deploy subgraph
        assert version["artifacts"]["nodes"] == [{"uri": "s3://models/fraud/v1"}]

        duplicate = await _graphql(
            session,
            standalone,
            'mutation { registerModel(input: {name: "fraud", versionName: "v1", uri: "s3://x"}) '
            "{ modelVersion { id } } }",
        )
        assert duplicate["errors"][0]["extensions"]["code"] == "CONFLICT"  # type: ignore[index]


async def test_client_identity_headers_are_not_trusted(standalone: str) -> None:
    async with aiohttp.ClientSession() as session, session.post(
        f"{standalone}/graphql",
        json={"query": "{ registeredModels { totalCount } }"},
        headers={"x-modelplane-identity": "e30", "x-modelplane-signature": "t=1,v1=bad"},
    ) as response:
        body = await response.json()
    assert response.status == 200
    assert "errors" not in body, body


async def test_graphiql_and_health(standalone: str) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{standalone}/graphql", headers={"accept": "text/html"}) as page:
            assert page.status == 200
            assert "text/html" in page.headers["content-type"]
            text = await page.text()
            assert "<script" in text and "cdn" not in text.lower()
        async with session.get(f"{standalone}/readyz") as ready:
            assert ready.status == 200


async def test_sample_data_loads_once_and_crosses_subgraphs(standalone: str) -> None:
    from modelplane.seed import SAMPLES, seed_over_http

    assert await seed_over_http(f"{standalone}/graphql") == len(SAMPLES)
    assert await seed_over_http(f"{standalone}/graphql") == 0  # idempotent
    async with aiohttp.ClientSession() as session:
        body = await _graphql(
            session,
            standalone,
            '{ registeredModel(name: "churn-forecaster") { versions { nodes { artifacts { nodes '
            "{ ... on ModelArtifact { catalogModel { sourceId name } } } } } } } }",
        )
    assert "errors" not in body, body
    artifact = body["data"]["registeredModel"]["versions"]["nodes"][0]["artifacts"]["nodes"][0]  # type: ignore[index]
    assert artifact["catalogModel"] == {"sourceId": "organization_models", "name": "northwind/churn-forecaster"}
