"""The gateway as an ASGI app: /graphql, /health, /readyz, over a supergraph SDL."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Mapping
from contextlib import asynccontextmanager
from typing import Any

from graphql import print_schema
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from common import settings as common_settings
from common.errors import ModelplaneError
from common.settings import ConfigurationError
from gateway import settings
from gateway.execution.executor import HeaderRule
from gateway.execution.headers import parse_forward_setting
from gateway.execution.transport import SubgraphTransport
from gateway.guard import RequestGuard
from gateway.http.endpoint import GraphQLEndpoint, RequestHook
from gateway.http.web import WebAssets
from gateway.limits.concurrency import ConcurrencyLimiter, ConcurrencySettings
from gateway.metrics import GatewayMetrics
from gateway.response_cache import ResponseCache, build_response_cache
from gateway.service import Gateway
from gateway.supergraph import load_supergraph_sdl, parse_supergraph
from gateway.tracing import Tracing, tracing_from_env

log = logging.getLogger("modelplane.gateway")


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
        follow: tuple[str, float] | None = None,
        limiter: ConcurrencyLimiter | None = None,
        override_labels: Iterable[str] | None = None,
        response_cache: ResponseCache | None = None,
    ) -> None:
        self.follow = follow  # (file or URL, seconds between checks)
        self.loaded_sdl: str | None = None
        self.tracing = tracing if tracing is not None else tracing_from_env()
        self.web = WebAssets() if web else None
        self.options: dict[str, Any] = {
            "transport": transport,
            "timeout": settings.SUBGRAPH_TIMEOUT.get_float() if timeout is None else timeout,
            "timeouts": timeouts,
            "guard_settings": guard.settings if guard is not None else None,
            "header_rule": header_rule or parse_forward_setting(settings.FORWARD_HEADERS.get()),
            "urls": urls,
            "override_labels": tuple(
                override_labels
                if override_labels is not None
                else [x.strip() for x in (settings.OVERRIDE_LABELS.get() or "").split(",") if x.strip()]
            ),
        }
        self.metrics = GatewayMetrics()
        self.options["metrics"] = self.metrics
        self.options["tracing"] = self.tracing
        self.gateway: Gateway | None = None
        if supergraph_sdl is not None:
            self.load(supergraph_sdl)
        self.graphql_path = graphql_path
        if response_cache is None:
            response_cache = response_cache_from_settings(guard, self.metrics)
        elif response_cache.metrics is None:
            response_cache.metrics = self.metrics
        self.response_cache = response_cache
        self.endpoint = GraphQLEndpoint(
            lambda: self.gateway,
            max_body_bytes=max_body_bytes,
            hooks=hooks,
            dedup=settings.DEDUP.get_bool() if dedup is None else dedup,
            guard=guard,
            metrics=self.metrics,
            tracing=self.tracing,
            limiter=limiter_from_settings() if limiter is None else limiter,
            cache=response_cache,
        )
        self.metrics.limiter = self.endpoint.limiter
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
        self.loaded_sdl = supergraph_sdl

    async def follow_supergraph(self, location: str, interval: float) -> None:
        """Reloads the supergraph when the file or URL changes; a bad one is logged and
        the last good one keeps serving."""
        while True:
            await asyncio.sleep(interval)
            try:
                sdl = await asyncio.to_thread(load_supergraph_sdl, location)
                if sdl == self.loaded_sdl:
                    continue
                previous = self.gateway
                self.load(sdl)
                log.info("supergraph reloaded from %s", location)
                if previous is not None:
                    # Let requests in flight on the old gateway finish before closing it.
                    asyncio.get_running_loop().call_later(60, _close_later, previous)
            except ModelplaneError as error:
                log.warning("supergraph at %s not reloaded: %s", location, error.message)

    @asynccontextmanager
    async def lifespan(self, _: Starlette) -> Any:
        follower = (
            asyncio.create_task(self.follow_supergraph(self.follow[0], self.follow[1]))
            if self.follow is not None
            else None
        )
        try:
            yield
        finally:
            if follower is not None:
                follower.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await follower
            if self.gateway is not None:
                await self.gateway.close()
            if self.guard is not None:
                await self.guard.close()
            if self.response_cache is not None:
                await self.response_cache.close()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            if scope["path"] == self.graphql_path:
                await self.endpoint(scope, receive, send)
                return
            if self.web is not None and self.web.handles(scope):
                await self.web(scope, receive, send)
                return
        await self.router(scope, receive, send)

    def direct_graphql(self) -> tuple[str, GraphQLEndpoint]:
        """For gateway.http.server: the path whose POSTs may go straight to the endpoint."""
        return self.graphql_path, self.endpoint

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


def limiter_from_settings() -> ConcurrencyLimiter | None:
    try:
        parsed = ConcurrencySettings.parse(settings.CONCURRENCY.get() or "adaptive")
    except ValueError as error:
        raise ConfigurationError(str(error)) from None
    return ConcurrencyLimiter(parsed) if parsed is not None else None


def response_cache_from_settings(
    guard: RequestGuard | None, metrics: GatewayMetrics | None = None
) -> ResponseCache | None:
    """The response cache the settings ask for; None when off (the default) or when there
    is no request guard: without a verified caller, answers are never cached."""
    ttl = settings.RESPONSE_CACHE_TTL.get_float()
    if ttl <= 0:
        return None
    if guard is None:
        log.warning(
            "MODELPLANE_RESPONSE_CACHE_TTL_SECONDS is set but the request guard is off: "
            "answers are keyed by the caller, so nothing is cached"
        )
        return None
    return build_response_cache(
        ttl=ttl,
        max_entries=settings.RESPONSE_CACHE_MAX_ENTRIES.get_int(),
        max_bytes=settings.RESPONSE_CACHE_MAX_BYTES.get_int(),
        redis_url=common_settings.REDIS_URL.get(),
        scope=answer_scope(guard),
        metrics=metrics,
    )


def answer_scope(guard: RequestGuard) -> str:
    """The limit settings a cached answer skips on a hit (they are checked while the
    operation runs): replicas that differ in them never share answers."""
    limits = guard.settings
    return repr((
        limits.max_depth, limits.max_aliases, limits.max_root_fields, limits.max_cost,
        limits.default_list_size, limits.introspection,
    ))


_closing: set[asyncio.Future[None]] = set()


def _close_later(gateway: Gateway) -> None:
    task = asyncio.ensure_future(gateway.close())
    _closing.add(task)
    task.add_done_callback(_closing.discard)


def create_gateway_app(supergraph_sdl: str | None, **options: Any) -> GatewayApp:
    return GatewayApp(supergraph_sdl, **options)
