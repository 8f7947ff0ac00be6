"""Serves a fixture subgraph over real HTTP, records its requests and simulates failures on demand."""

from __future__ import annotations

import asyncio
import json
import socket
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from aiohttp import web
from graphql import GraphQLSchema, graphql

from tests.gateway.harness.subgraph_schema import (
    SubgraphDefinition,
    build_subgraph_schema,
)


class Failure(StrEnum):
    """How a subgraph misbehaves when a test asks it to."""

    HTTP_500 = "http-500"
    INVALID_JSON = "invalid-json"
    TIMEOUT = "timeout"
    DROP_CONNECTION = "drop-connection"


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request as the subgraph received it."""

    query: str
    variables: dict[str, Any] | None
    operation_name: str | None
    headers: dict[str, str]

    @property
    def is_entities_call(self) -> bool:
        return "_entities" in self.query


@dataclass(slots=True)
class SubgraphServer:
    """A running fixture subgraph on 127.0.0.1 and a free port."""

    definition: SubgraphDefinition
    sleep_seconds: float = 5.0
    failure: Failure | None = None
    requests: list[RecordedRequest] = field(default_factory=list)
    url: str = ""
    _schema: GraphQLSchema | None = None
    _runner: web.AppRunner | None = None

    @property
    def name(self) -> str:
        return self.definition.name

    @property
    def fetch_count(self) -> int:
        """Fetches made by a gateway, leaving out `_service` introspection of the SDL."""
        return sum(1 for request in self.requests if "_service" not in request.query)

    def load(self, definition: SubgraphDefinition) -> None:
        """Serves a freshly built schema (and data) from now on."""
        self.definition = definition
        self._schema = build_subgraph_schema(definition)

    async def start(self) -> None:
        self.load(self.definition)
        app = web.Application()
        app.router.add_post("/graphql", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        site = web.SockSite(self._runner, sock)
        await site.start()
        port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/graphql"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def reset(self) -> None:
        self.requests.clear()
        self.failure = None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        try:
            payload = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            return web.json_response({"errors": [{"message": "body is not JSON"}]}, status=400)
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return web.json_response({"errors": [{"message": "no query"}]}, status=400)
        self.requests.append(
            RecordedRequest(
                query=payload["query"],
                variables=payload.get("variables"),
                operation_name=payload.get("operationName"),
                headers=dict(request.headers),
            )
        )
        if self.failure is not None:
            return await self._fail(request, self.failure)
        assert self._schema is not None
        result = await graphql(
            self._schema,
            payload["query"],
            variable_values=payload.get("variables"),
            operation_name=payload.get("operationName"),
        )
        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [error.formatted for error in result.errors]
        if result.data is not None or not result.errors:
            body["data"] = result.data
        return web.json_response(body)

    async def _fail(self, request: web.Request, failure: Failure) -> web.StreamResponse:
        if failure is Failure.HTTP_500:
            return web.Response(status=500, text="Internal Server Error")
        if failure is Failure.INVALID_JSON:
            return web.Response(status=200, text="{not json", content_type="application/json")
        if failure is Failure.TIMEOUT:
            await asyncio.sleep(self.sleep_seconds)
            return web.json_response({"data": None})
        transport = request.transport
        if transport is not None:
            transport.abort()
        return web.Response(status=500)
