"""The /graphql endpoint as a plain ASGI callable: the hot path stays free of framework layers."""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson

from common.errors import ModelplaneError
from common.headers import LowercaseHeaders
from common.tenancy import Caller
from gateway.documents import PreparedOperation
from gateway.guard import RequestGuard
from gateway.http.graphiql import graphiql_page
from gateway.http.protocol import (
    GRAPHQL_RESPONSE_JSON,
    GraphQLRequest,
    RequestError,
    choose_media_type,
    parse_get_query,
    parse_post_body,
)
from gateway.limits.concurrency import ConcurrencyLimiter
from gateway.metrics import GatewayMetrics
from gateway.response_cache import ResponseCache, cache_directives
from gateway.service import Gateway, GatewayResult
from gateway.tracing import Tracing

log = logging.getLogger("modelplane.gateway")
# Request ids: random per process, then counted (uuid4 reads the OS's random source each
# time); a forked worker draws its own prefix.
_ID_PREFIX = os.urandom(10).hex()
_ID_COUNTER = itertools.count(1)


def _new_id_prefix() -> None:
    global _ID_PREFIX
    _ID_PREFIX = os.urandom(10).hex()


os.register_at_fork(after_in_child=_new_id_prefix)

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
# A hook sees the request before execution and may raise a ModelplaneError to refuse it.
RequestHook = Callable[[GraphQLRequest, Mapping[str, str], str], Awaitable[None]]


class GraphQLEndpoint:
    def __init__(
        self,
        gateway_ref: Callable[[], Gateway | None],
        *,
        max_body_bytes: int = 1_048_576,
        hooks: list[RequestHook] | None = None,
        graphiql: bool = True,
        dedup: bool = False,
        guard: RequestGuard | None = None,
        metrics: GatewayMetrics | None = None,
        tracing: Tracing | None = None,
        limiter: ConcurrencyLimiter | None = None,
        cache: ResponseCache | None = None,
    ) -> None:
        self.cache = cache
        self.limiter = limiter
        self.metrics = metrics
        self.tracing = tracing
        self.gateway_ref = gateway_ref
        self.guard = guard
        self.dedup = dedup
        self.in_flight: dict[tuple[object, ...], asyncio.Future[tuple[int, bytes, bool]]] = {}
        self.max_body_bytes = max_body_bytes
        self.hooks = hooks or []
        self.graphiql = graphiql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = LowercaseHeaders([(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]])
        client = scope.get("client")
        status, payload, media, extra = await self.respond(
            scope["method"], headers, None, receive, scope.get("query_string", b""),
            scope.get("root_path", "") + scope["path"], client[0] if client else None,
        )
        await _respond(send, status, payload, media, extra)

    async def respond(
        self,
        method: str,
        headers: LowercaseHeaders,
        body: bytes | None,
        receive: Receive | None,
        query_string: bytes,
        path: str,
        address: str | None,
    ) -> tuple[int, bytes, str, dict[str, str]]:
        """One HTTP request to the endpoint: the status, body, media type and extra
        headers of the response. The body comes as `body` when the server has it whole
        (gateway.http.server's direct path), else from ASGI's `receive`."""
        request_id = headers.get("x-request-id")
        if not request_id or len(request_id) > 200 or not request_id.isprintable():
            request_id = f"{_ID_PREFIX}{next(_ID_COUNTER):012x}"  # none, or not one to echo
        headers["x-request-id"] = request_id
        started = time.perf_counter()
        media = choose_media_type(headers.get("accept"))
        try:
            if method == "GET":
                if self.graphiql and _wants_html(headers) and not query_string:
                    return 200, graphiql_page(path).encode(), "text/html; charset=utf-8", {}
                request = parse_get_query(query_string)
            elif method == "POST":
                if body is None:
                    assert receive is not None
                    body = await _read_body(receive, self.max_body_bytes)
                elif len(body) > self.max_body_bytes:
                    raise RequestError(413, f"the request body is larger than {self.max_body_bytes} bytes")
                request = parse_post_body(headers.get("content-type"), body)
            else:
                raise RequestError(405, "use GET or POST", {"allow": "GET, POST"})
            if media is None:
                raise RequestError(406, "Accept must allow application/graphql-response+json or application/json")
            status, payload, cached = await self.execute(request, headers, method, media, address)
        except RequestError as error:
            payload = orjson.dumps({"errors": [{"message": error.message, "extensions": {"code": "BAD_REQUEST"}}]})
            self.record(None, started, ["BAD_REQUEST"])
            return error.status, payload, media or "application/json", {**error.headers, "x-request-id": request_id}
        extra = {"x-request-id": request_id}
        if cached is not None:
            extra["x-modelplane-cache"] = cached
        return status, payload, media, extra

    def document_operation(self, request: GraphQLRequest) -> str | None:
        """The operation's name in the document, when the client sent no operationName
        (metrics label requests by it); None for an anonymous or unparsed operation."""
        gateway = self.gateway_ref()
        prepared = gateway.documents.peek(request.query, None) if gateway is not None else None
        operation = prepared.operation if prepared is not None else None
        return operation.name.value if operation is not None and operation.name is not None else None

    def record(self, operation: str | None, started: float, codes: list[str]) -> None:
        if self.metrics is not None:
            self.metrics.observe_request(operation, time.perf_counter() - started, codes)

    async def execute(
        self,
        request: GraphQLRequest,
        headers: Mapping[str, str],
        method: str,
        media: str,
        client: str | None = None,
    ) -> tuple[int, bytes, str | None]:
        """The status, the response, and the response cache's verdict (None: not cacheable)."""
        started = time.perf_counter()
        if self.tracing is not None and self.tracing.enabled:
            with self.tracing.span(
                "graphql request", **{"graphql.operation.name": request.operation_name or ""}
            ):
                status, body, payload, cached = await self.answer(request, headers, method, media, client)
        else:
            status, body, payload, cached = await self.answer(request, headers, method, media, client)
        if self.metrics is not None:
            errors = body.get("errors") if body is not None else None
            codes = [
                str((e.get("extensions") or {}).get("code", "UNKNOWN")) for e in errors or ()
            ]
            self.record(request.operation_name or self.document_operation(request), started, codes)
        return status, payload if payload is not None else orjson.dumps(body), cached

    async def answer(
        self,
        request: GraphQLRequest,
        headers: Mapping[str, str],
        method: str,
        media: str,
        client: str | None,
    ) -> tuple[int, dict[str, Any] | None, bytes | None, str | None]:
        gateway = self.gateway_ref()
        if gateway is None:
            body = {"errors": [{"message": "The gateway has no supergraph loaded yet.", "extensions": {"code": "UNAVAILABLE"}}]}
            return 503, body, None, None
        caller = None
        try:
            for hook in self.hooks:
                await hook(request, headers, method)
            if self.guard is not None:
                admission = await self.guard.admit(request, headers, method, client)
                caller, headers = admission.caller, admission.headers
                if not gateway.documents.has(request.query, request.operation_name):
                    request.query = self.guard.resolve_query(request, headers)
            prepared = gateway.prepare(request.query, request.operation_name)
            if method == "GET" and prepared.operation is not None and prepared.operation.operation.value != "query":
                raise RequestError(405, "mutations must use POST", {"allow": "POST"})
            if self.cache is not None and caller is not None and prepared.operation is not None:
                return await self.answer_cached(self.cache, gateway, prepared, request, headers, media, caller)
            if self.dedup and prepared.operation is not None and prepared.operation.operation.value == "query":
                status, payload, _ = await self.run_shared(gateway, prepared, request, headers, media, caller)
                return status, None, payload, None
            result = await self.run_limited(gateway, prepared, request, headers, caller)
        except RequestError:
            raise
        except ModelplaneError as error:
            body = {"errors": [{"message": error.message, "extensions": error.extensions()}]}
            # Refusals before execution keep their status under either media type.
            return error.http_status, body, None, None
        except Exception:
            log.exception(
                "unexpected gateway error",
                extra={"request_id": headers.get("x-request-id"), "operation": request.operation_name},
            )
            body = {"errors": [{"message": "Internal gateway error; the server log has the details.", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}
            return 500, body, None, None
        return _http_status(result, media), result.body, result.payload, None

    async def answer_cached(
        self,
        cache: ResponseCache,
        gateway: Gateway,
        prepared: PreparedOperation,
        request: GraphQLRequest,
        headers: Mapping[str, str],
        media: str,
        caller: Caller,
    ) -> tuple[int, dict[str, Any] | None, bytes | None, str | None]:
        """Queries through the response cache; mutations invalidate their tenant's answers."""
        assert prepared.operation is not None
        kind = prepared.operation.operation.value
        if kind == "mutation":
            try:
                result = await self.run_limited(gateway, prepared, request, headers, caller)
            except ModelplaneError:
                raise  # refused before any subgraph was called
            except BaseException:
                await cache.invalidate(caller.tenant)  # it may have changed something
                raise
            if result.status == 200:
                # It ran (errors or not, some of its fields may have changed data).
                await cache.invalidate(caller.tenant)
            return _http_status(result, media), result.body, result.payload, None
        if kind != "query" or prepared.errors:
            result = await self.run_limited(gateway, prepared, request, headers, caller)
            return _http_status(result, media), result.body, result.payload, None
        skip_lookup, skip_store = cache_directives(headers)
        tenant = caller.tenant
        digest = cache.key(
            gateway, request.query, request.operation_name, request.variables, caller, media, headers
        )
        generation, entry = await cache.lookup(tenant, digest, read_entry=not skip_lookup)
        if entry is not None:
            return entry.status, None, entry.payload, "hit"
        body: dict[str, Any] | None = None
        if self.dedup:
            status, payload, complete = await self.run_shared(gateway, prepared, request, headers, media, caller)
        else:
            result = await self.run_limited(gateway, prepared, request, headers, caller)
            status = _http_status(result, media)
            payload, body = result.encoded(), result.body
            complete = "errors" not in body
        if complete and status == 200 and generation is not None and not skip_store:
            await cache.save(tenant, digest, generation, status, payload)
        return status, body, payload, "bypass" if skip_lookup else "miss"

    async def run_limited(
        self,
        gateway: Gateway,
        prepared: PreparedOperation,
        request: GraphQLRequest,
        headers: Mapping[str, str],
        caller: Caller | None,
    ) -> GatewayResult:
        limiter = self.limiter
        if limiter is None:
            return await gateway.run(prepared, request.variables, headers, caller, encode=True)
        started = await limiter.acquire()
        try:
            return await gateway.run(prepared, request.variables, headers, caller, encode=True)
        finally:
            limiter.release(started)

    async def run_shared(
        self,
        gateway: Gateway,
        prepared: PreparedOperation,
        request: GraphQLRequest,
        headers: Mapping[str, str],
        media: str,
        caller: Caller | None,
    ) -> tuple[int, bytes, bool]:
        """Identical queries in flight share one execution (same caller, same variables);
        the status, the response, and whether it is complete (no errors)."""
        key = (
            request.query,
            request.operation_name,
            orjson.dumps(request.variables, option=orjson.OPT_SORT_KEYS),
            tuple(sorted((k, v) for k, v in headers.items() if k.startswith("x-modelplane-") or k == "authorization")),
            media,
        )
        shared = self.in_flight.get(key)
        if shared is not None:
            return await asyncio.shield(shared)
        future: asyncio.Future[tuple[int, bytes, bool]] = asyncio.get_running_loop().create_future()
        self.in_flight[key] = future
        try:
            result = await self.run_limited(gateway, prepared, request, headers, caller)
            outcome = (_http_status(result, media), result.encoded(), "errors" not in result.body)
            future.set_result(outcome)
            return outcome
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # retrieved: waiters re-raise it, nobody else must
            raise
        finally:
            del self.in_flight[key]


def _http_status(result: GatewayResult, media: str) -> int:
    """GraphQL-over-HTTP statuses under its own media type; application/json keeps 200."""
    return result.status if media == GRAPHQL_RESPONSE_JSON else 200


def _wants_html(headers: Mapping[str, str]) -> bool:
    return "text/html" in headers.get("accept", "")


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise RequestError(400, "the client went away")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise RequestError(413, f"the request body is larger than {limit} bytes")
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


async def _respond(
    send: Send, status: int, body: bytes, media: str, extra: Mapping[str, str] | None = None
) -> None:
    headers = [(b"content-type", content_type_of(media).encode()), (b"content-length", str(len(body)).encode())]
    for name, value in (extra or {}).items():
        headers.append((name.encode(), value.encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def content_type_of(media: str) -> str:
    return media if media.startswith("text/") else f"{media}; charset=utf-8"
