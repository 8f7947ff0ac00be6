"""Subgraph apps refuse unsigned calls when the gateway's secret is configured."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import strawberry

from common.http_app import build_subgraph_app
from common.tenancy import Caller, sign_caller
from tests.gateway.harness.gateway_process import serve_app


@strawberry.type
class Query:
    @strawberry.field
    def who(self, info: strawberry.Info) -> str:
        caller: Caller = info.context["caller"]
        return f"{caller.user}@{caller.tenant}"


class _Client:
    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        self.session = session
        self.url = url

    async def post(self, _: str, json: object, headers: dict[str, str] | None = None) -> _Answer:
        async with self.session.post(self.url, json=json, headers=headers) as response:
            return _Answer(response.status, await response.json(content_type=None))


class _Answer:
    def __init__(self, status_code: int, body: object) -> None:
        self.status_code = status_code
        self.body = body

    def json(self) -> object:
        return self.body


@asynccontextmanager
async def _client(secret: str | None) -> AsyncIterator[_Client]:
    app = build_subgraph_app(strawberry.Schema(query=Query), secret=secret, default_caller=Caller())
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        yield _Client(session, url)


async def test_unsigned_calls_get_401() -> None:
    async with _client("s3cret") as client:
        response = await client.post("/graphql", json={"query": "{ who }"})
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]


async def test_forged_signature_gets_401_and_signed_call_passes() -> None:
    caller = Caller(user="ada", tenant="acme", roles=("viewer",))
    async with _client("s3cret") as client:
        forged = sign_caller(caller, "not-the-secret")
        response = await client.post("/graphql", json={"query": "{ who }"}, headers=forged)
        assert response.status_code == 401
        signed = sign_caller(caller, "s3cret")
        response = await client.post("/graphql", json={"query": "{ who }"}, headers=signed)
    assert response.status_code == 200
    assert response.json() == {"data": {"who": "ada@acme"}}


async def test_without_a_secret_the_default_caller_answers() -> None:
    async with _client(None) as client:
        response = await client.post("/graphql", json={"query": "{ who }"})
    assert response.json() == {"data": {"who": "local-admin@default"}}
