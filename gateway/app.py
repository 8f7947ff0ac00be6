"""The gateway as an ASGI app: /graphql, /health, /readyz, over a supergraph SDL."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import asynccontextmanager
from typing import Any

from graphql import print_schema
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from gateway import settings
from gateway.execution.executor import HeaderRule
from gateway.execution.headers import parse_forward_setting
from gateway.execution.transport import SubgraphTransport
from gateway.guard import RequestGuard
from gateway.http.endpoint import GraphQLEndpoint, RequestHook
from gateway.http.web import WebAssets
from gateway.metrics import GatewayMetrics
from gateway.tracing import Tracing, tracing_from_env
from gateway.service import Gateway
from gateway.supergraph import parse_supergraph


class GatewayApp:
    """Routes /graphql straight to the GraphQL endpoint and the rest through Starlette."""

    def __init__(
        self,
        supergraph_sdl: str | None,
        *,
        transport: SubgraphTransport | None = None,
        timeout: float | None = None,
        timeouts: Mapping[str, float] | None = None,
        header_rule: HeaderRule | None = None,
        urls: Mapping[str, str] | None = None,
        hooks: list[RequestHook] | None = None,
        max_body_bytes: int = 1_048_576,
        graphql_path: str = "/graphql",
        dedup: bool | None = None,
        guard: RequestGuard | None = None,
        web: bool = False,
        tracing: Tracing | None = None,
    ) -> None:
        self.tracing = tracing if tracing is not None else tracing_from_env()
        self.web = WebAssets() if web else None
        self.options: dict[str, Any] = {
            "transport": transport,
            "timeout": settings.SUBGRAPH_TIMEOUT.get_float() if timeout is None else timeout,
            "timeouts": timeouts,
            "guard_settings": guard.settings if guard is not None else None,
            "header_rule": header_rule or parse_forward_setting(settings.FORWARD_HEADERS.get()),
            "urls": urls,
        }
        self.metrics = GatewayMetrics()
        self.options["metrics"] = self.metrics
        self.options["tracing"] = self.tracing
        self.gateway: Gateway | None = None
        if supergraph_sdl is not None:
            self.load(supergraph_sdl)
        self.graphql_path = graphql_path
        self.endpoint = GraphQLEndpoint(
            lambda: self.gateway,
            max_body_bytes=max_body_bytes,
            hooks=hooks,
            dedup=settings.DEDUP.get_bool() if dedup is None else dedup,
            guard=guard,
            metrics=self.metrics,
            tracing=self.tracing,
        )
        self.guard = guard
        self.router = Starlette(
            routes=[
                Route("/health", self.health),
                Route("/readyz", self.readyz),
                Route("/schema.graphql", self.api_schema),
                Route("/metrics", self.prometheus),
            ],
            lifespan=self.lifespan,
        )

    def load(self, supergraph_sdl: str) -> None:
        """Swap in a new supergraph; requests in flight finish on the old one."""
        self.gateway = Gateway(parse_supergraph(supergraph_sdl), **self.options)

    @asynccontextmanager
    async def lifespan(self, _: Starlette) -> Any:
        try:
            yield
        finally:
            if self.gateway is not None:
                await self.gateway.close()
            if self.guard is not None:
                await self.guard.close()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            if scope["path"] == self.graphql_path:
                await self.endpoint(scope, receive, send)
                return
            if self.web is not None and self.web.handles(scope):
                await self.web(scope, receive, send)
                return
        await self.router(scope, receive, send)

    async def health(self, _: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(self, _: Request) -> Response:
        ready = self.gateway is not None
        return JSONResponse({"ready": ready}, status_code=200 if ready else 503)

    async def prometheus(self, _: Request) -> Response:
        if self.gateway is not None:
            self.metrics.cache_source = self.gateway.documents
        return Response(self.metrics.render(), media_type="text/plain; version=0.0.4")

    async def api_schema(self, _: Request) -> Response:
        if self.gateway is None:
            return PlainTextResponse("no supergraph loaded", status_code=503)
        return PlainTextResponse(print_schema(self.gateway.supergraph.api_schema))


def create_gateway_app(supergraph_sdl: str | None, **options: Any) -> GatewayApp:
    return GatewayApp(supergraph_sdl, **options)
