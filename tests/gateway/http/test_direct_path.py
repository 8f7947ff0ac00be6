"""POSTs to a GatewayApp's /graphql go from uvicorn's parser straight to the endpoint
(gateway.http.server): over real sockets, they are answered as the ASGI path answers them,
and keep-alive, pipelining, large bodies, 100-continue, Connection: close and trusted
proxies' X-Forwarded-For still work."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import orjson
import pytest

from gateway.app import GatewayApp, create_gateway_app
from tests.gateway.harness.gateway_process import serve_app
from tests.gateway.harness.suite import RunningSuite, start_suite

QUERY = "{ users { id nickname } }"


@pytest.fixture
async def suite() -> AsyncIterator[RunningSuite]:
    async with start_suite("simple-entity-call") as running:
        yield running


def post(body: bytes, *extra: str, path: str = "/graphql") -> bytes:
    head = [f"POST {path} HTTP/1.1", "Host: test", "Content-Type: application/json",
            f"Content-Length: {len(body)}", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    headers: dict[str, str] = {}
    while (line := await reader.readline()) != b"\r\n":
        name, _, value = line.decode().partition(":")
        headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers["content-length"])) if "content-length" in headers else b""
    return status, headers, body


class Unwrapped:
    """The same app behind a plain ASGI layer: no direct path, so uvicorn's ASGI path."""

    def __init__(self, app: GatewayApp) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


def spy(app: GatewayApp) -> list[tuple[str, str | None]]:
    """Records, per request, which path reached the endpoint ("direct": the server passed
    the whole body; "asgi": the endpoint read it) and the client address it was given."""
    calls: list[tuple[str, str | None]] = []
    respond = app.endpoint.respond

    async def recording(*args: Any) -> Any:
        calls.append(("direct" if args[2] is not None else "asgi", args[-1]))
        return await respond(*args)

    app.endpoint.respond = recording  # type: ignore[method-assign,assignment]
    return calls


async def exchange(url: str, *requests: bytes) -> list[tuple[int, dict[str, str], bytes]]:
    """Writes the requests at once (pipelined when several), reads as many responses."""
    port = int(url.split(":")[2].split("/")[0])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"".join(requests))
        return [await read_response(reader) for _ in requests]
    finally:
        writer.close()


async def test_the_direct_path_answers_as_the_asgi_path_does(suite: RunningSuite) -> None:
    app = create_gateway_app(suite.supergraph_sdl)
    assert app.direct_graphql() == ("/graphql", app.endpoint)
    requests = [
        post(orjson.dumps({"query": QUERY})),
        post(orjson.dumps({"query": QUERY}), "Accept: application/graphql-response+json"),
        post(orjson.dumps({"query": "{ users { nope } }"}), "Accept: application/graphql-response+json"),
        post(b"{not json"),
        post(orjson.dumps({"query": QUERY}), "Accept: text/csv"),
        post(orjson.dumps({"query": QUERY}), "X-Request-Id: abc-123"),
    ]
    calls = spy(app)
    answers = {}
    for name, served in (("direct", app), ("asgi", Unwrapped(app))):
        async with serve_app(served) as url:
            answers[name] = [await exchange(url, request) for request in requests]
    assert [kind for kind, _ in calls] == ["direct"] * len(requests) + ["asgi"] * len(requests)
    for (direct,), (asgi,) in zip(answers["direct"], answers["asgi"], strict=True):
        assert direct[0] == asgi[0]
        assert direct[2] == asgi[2]
        varying = {"date", "x-request-id"}
        assert {k: v for k, v in direct[1].items() if k not in varying} == {
            k: v for k, v in asgi[1].items() if k not in varying
        }
        assert "date" in direct[1] and "server" in direct[1]
    statuses = [answer[0][0] for answer in answers["direct"]]
    assert statuses == [200, 200, 400, 400, 406, 200]
    assert answers["direct"][0][0][1]["content-type"] == "application/json; charset=utf-8"
    assert answers["direct"][5][0][1]["x-request-id"] == "abc-123"
    assert orjson.loads(answers["direct"][0][0][2])["data"]["users"][0]["nickname"]


async def test_keep_alive_pipelining_and_connection_close(suite: RunningSuite) -> None:
    async with serve_app(create_gateway_app(suite.supergraph_sdl)) as url:
        queries = [f'{{ users {{ id }} a{n}: users {{ nickname }} }}' for n in range(3)]
        pipelined = [post(orjson.dumps({"query": q})) for q in queries]
        answers = await exchange(url, *pipelined, post(b"{}", "Connection: close"))
        for n, (status, headers, body) in enumerate(answers[:3]):
            assert status == 200 and "connection" not in headers
            assert f'"a{n}"'.encode() in body  # in the order sent
        status, headers, body = answers[3]
        assert status == 400  # no query: a malformed request
        assert headers["connection"] == "close"
        assert orjson.loads(body)["errors"][0]["extensions"]["code"] == "BAD_REQUEST"

        port = int(url.split(":")[2].split("/")[0])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(post(orjson.dumps({"query": QUERY}), "Connection: close"))
        await read_response(reader)
        assert await asyncio.wait_for(reader.read(), 5) == b""  # the server closed it
        writer.close()


async def test_large_bodies_and_100_continue_take_the_asgi_path(suite: RunningSuite) -> None:
    app = create_gateway_app(suite.supergraph_sdl)
    calls = spy(app)
    async with serve_app(app) as url:
        padded = orjson.dumps({"query": QUERY + " " * 200_000})  # beyond uvicorn's read buffer
        ((status, _, body),) = await exchange(url, post(padded))
        assert status == 200 and orjson.loads(body)["data"]["users"]

        port = int(url.split(":")[2].split("/")[0])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        payload = orjson.dumps({"query": QUERY})
        head = post(payload, "Expect: 100-continue")[: -len(payload)]
        writer.write(head)
        assert await asyncio.wait_for(reader.readline(), 5) == b"HTTP/1.1 100 Continue\r\n"
        assert await reader.readline() == b"\r\n"
        writer.write(payload)
        status, _, body = await read_response(reader)
        assert status == 200 and orjson.loads(body)["data"]["users"]
        writer.close()
    assert [kind for kind, _ in calls] == ["asgi", "asgi"]


async def test_trusted_proxies_forward_the_client_address(suite: RunningSuite) -> None:
    app = create_gateway_app(suite.supergraph_sdl)
    calls = spy(app)
    async with serve_app(app) as url:
        body = orjson.dumps({"query": QUERY})
        answers = await exchange(
            url, post(body), post(body, "X-Forwarded-For: 203.0.113.9, 127.0.0.1")
        )
    assert [answer[0] for answer in answers] == [200, 200]
    # uvicorn trusts 127.0.0.1 by default: the address before the trusted hops is the client.
    assert calls == [("direct", "127.0.0.1"), ("direct", "203.0.113.9")]


async def test_an_unprintable_or_oversized_request_id_is_not_echoed(suite: RunningSuite) -> None:
    async with serve_app(create_gateway_app(suite.supergraph_sdl)) as url:
        body = orjson.dumps({"query": QUERY})
        answers = await exchange(url, post(body, "X-Request-Id: " + "r" * 300), post(body, "X-Request-Id: ok-1"))
    assert answers[0][1]["x-request-id"] != "r" * 300 and len(answers[0][1]["x-request-id"]) == 32
    assert answers[1][1]["x-request-id"] == "ok-1"
