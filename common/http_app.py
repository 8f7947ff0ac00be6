"""A Starlette app around a Strawberry schema, with health endpoints and the caller in context."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from common.errors import Unauthenticated
from common.tenancy import Caller, verify_caller

ContextFactory = Callable[[Request, Caller], Awaitable[Mapping[str, Any]]]


class SubgraphGraphQL(GraphQL):
    """Strawberry's ASGI app with the verified caller and per-request context."""

    def __init__(
        self,
        schema: strawberry.Schema,
        *,
        secret: str | None,
        default_caller: Caller,
        context_factory: ContextFactory | None = None,
    ) -> None:
        super().__init__(schema, graphql_ide=None)
        self.secret = secret
        self.default_caller = default_caller
        self.context_factory = context_factory

    async def get_context(self, request: Request, response: Any) -> dict[str, Any]:  # type: ignore[override]
        caller = verify_caller(request.headers, self.secret) or self.default_caller
        context: dict[str, Any] = {"request": request, "response": response, "caller": caller}
        if self.context_factory is not None:
            context.update(await self.context_factory(request, caller))
        return context



class RequireSignature:
    """Refuses, with 401, GraphQL calls that lack a valid gateway signature (when one is
    required); runs before Strawberry so the refusal never becomes a resolver error."""

    def __init__(self, app: Any, secret: str | None) -> None:
        self.app = app
        self.secret = secret

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.secret is not None:
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            try:
                verify_caller(headers, self.secret)
            except Unauthenticated as error:
                response = JSONResponse(
                    {"errors": [{"message": error.message, "extensions": error.extensions()}]},
                    status_code=401,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def build_subgraph_app(
    schema: strawberry.Schema,
    *,
    secret: str | None,
    default_caller: Caller,
    context_factory: ContextFactory | None = None,
    is_ready: Callable[[], bool] = lambda: True,
    on_startup: list[Callable[[], Awaitable[None]]] | None = None,
    on_shutdown: list[Callable[[], Awaitable[None]]] | None = None,
) -> Starlette:
    graphql = SubgraphGraphQL(
        schema, secret=secret, default_caller=default_caller, context_factory=context_factory
    )

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_: Request) -> Response:
        ready = is_ready()
        return JSONResponse({"ready": ready}, status_code=200 if ready else 503)

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_: Starlette) -> Any:
        for hook in on_startup or []:
            await hook()
        try:
            yield
        finally:
            for hook in on_shutdown or []:
                await hook()

    return Starlette(
        routes=[
            Route("/graphql", RequireSignature(graphql, secret), methods=["GET", "POST"]),
            Route("/health", health),
            Route("/readyz", readyz),
        ],
        lifespan=lifespan,
    )
