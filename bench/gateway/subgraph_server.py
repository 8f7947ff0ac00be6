"""One process serving the four subgraphs over a raw asyncio+httptools HTTP/1.1 keep-alive server.

The subgraphs are not what the benchmark measures, so each answer is memoised per exact
request body: the first request with a given body runs graphql-core, later ones return
the same bytes. Every request is still counted per subgraph: `GET /stats` gives
`{"fetches": {subgraph: n}, "executions": n, "memo_entries": n, "connections_opened": n}`,
`GET /stats/requests` the distinct request bodies with their counts, and `/stats/reset`
zeroes both.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
from collections import Counter
from typing import Any, cast

import httptools
import orjson
import uvloop
from graphql import graphql_sync

from subgraphs import Subgraph, build_subgraphs

MEMO_LIMIT = 4096
STATUS_TEXT = {200: b"OK", 400: b"Bad Request", 404: b"Not Found", 405: b"Method Not Allowed"}


class SubgraphService:
    """Routes requests to subgraphs by path, memoises their answers and counts them."""

    def __init__(self, subgraphs: dict[str, Subgraph]) -> None:
        self.subgraphs = {f"/{name}".encode(): subgraph for name, subgraph in subgraphs.items()}
        self.subgraphs.update(
            {f"/{name}/graphql".encode(): subgraph for name, subgraph in subgraphs.items()}
        )
        # (path, body) -> the whole HTTP response, head included.
        self.memo: dict[tuple[bytes, bytes], bytes] = {}
        self.counts: Counter[str] = Counter({name: 0 for name in subgraphs})
        self.executions = 0
        self.connections = 0
        # (subgraph, body) -> fetches since the last reset: which operations a gateway sends.
        self.bodies: Counter[tuple[str, bytes]] = Counter()

    def answer(self, method: bytes, path: bytes, body: bytes) -> bytes:
        """The complete HTTP response (keep-alive) for one request."""
        subgraph = self.subgraphs.get(path)
        if subgraph is not None:
            if method != b"POST":
                return format_response(405, b'{"errors":[{"message":"POST only"}]}')
            self.counts[subgraph.name] += 1
            if len(self.bodies) < MEMO_LIMIT:
                self.bodies[subgraph.name, body] += 1
            key = (path, body)
            cached = self.memo.get(key)
            if cached is None:
                self.executions += 1
                cached = format_response(200, execute_request(subgraph, body))
                if len(self.memo) >= MEMO_LIMIT:
                    self.memo.clear()
                self.memo[key] = cached
            return cached
        if path == b"/stats":
            stats = {
                "fetches": dict(self.counts),
                "executions": self.executions,
                "memo_entries": len(self.memo),
                "connections_opened": self.connections,
            }
            return format_response(200, orjson.dumps(stats))
        if path == b"/stats/requests":
            requests = [
                {"subgraph": name, "fetches": count, "body": body.decode("utf-8", "replace")}
                for (name, body), count in self.bodies.most_common()
            ]
            return format_response(200, orjson.dumps(requests))
        if path == b"/stats/reset":
            self.bodies.clear()
            for name in self.counts:
                self.counts[name] = 0
            self.executions = 0
            self.connections = 0
            return format_response(200, b"{}")
        if path == b"/health":
            return format_response(200, b'{"status":"ok"}')
        return format_response(404, b'{"errors":[{"message":"not found"}]}')


def format_response(status: int, payload: bytes, keep_alive: bool = True) -> bytes:
    head = b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n%s\r\n" % (
        status,
        STATUS_TEXT[status],
        len(payload),
        b"" if keep_alive else b"connection: close\r\n",
    )
    return head + payload


def execute_request(subgraph: Subgraph, body: bytes) -> bytes:
    try:
        request = orjson.loads(body)
        query = request["query"]
        variables = request.get("variables")
        operation_name = request.get("operationName")
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return b'{"errors":[{"message":"body must be a JSON object with a query"}]}'
    if not isinstance(query, str) or not isinstance(variables, dict | None):
        return b'{"errors":[{"message":"query must be a string, variables an object"}]}'
    result = graphql_sync(
        subgraph.schema,
        query,
        variable_values=variables,
        operation_name=operation_name if isinstance(operation_name, str) else None,
    )
    payload: dict[str, Any] = {"data": result.data}
    if result.errors:
        payload["errors"] = [error.formatted for error in result.errors]
    return orjson.dumps(payload)


class HttpConnection(asyncio.Protocol):
    """One keep-alive connection; answers are synchronous, so pipelined requests stay in order."""

    def __init__(self, service: SubgraphService) -> None:
        self.service = service
        self.parser = httptools.HttpRequestParser(self)
        self.transport: asyncio.Transport | None = None
        self.url = b""
        self.body: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not asyncio.Transport subclasses, so no isinstance check.
        self.transport = cast(asyncio.Transport, transport)
        self.service.connections += 1

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            self.reply(
                format_response(400, b'{"errors":[{"message":"bad request"}]}', False), False
            )

    def on_message_begin(self) -> None:
        self.url = b""
        self.body = []

    def on_url(self, url: bytes) -> None:
        self.url += url

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        path = self.url.split(b"?", 1)[0]
        response = self.service.answer(self.parser.get_method(), path, b"".join(self.body))
        keep_alive = self.parser.should_keep_alive()
        if not keep_alive:
            response = response.replace(b"\r\n\r\n", b"\r\nconnection: close\r\n\r\n", 1)
        self.reply(response, keep_alive)

    def reply(self, response: bytes, keep_alive: bool) -> None:
        if self.transport is None:
            return
        self.transport.write(response)
        if not keep_alive:
            self.transport.close()


async def serve(host: str, port: int) -> None:
    service = SubgraphService(build_subgraphs())
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: HttpConnection(service), host, port, backlog=1024)
    gc.freeze()
    print(
        f"subgraphs listening on http://{host}:{port}/{{accounts,products,inventory,reviews}}",
        flush=True,
    )
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=4200)
    args = parser.parse_args()
    uvloop.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
