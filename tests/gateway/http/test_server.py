"""The HTTP server protocol: a response's head and body leave in one write, and every
kind of response still arrives whole."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from gateway.http.server import _HeadHoldingTransport
from tests.gateway.harness.gateway_process import serve_app

BODY = b"x" * 100_000


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    path = scope["path"]
    if path == "/empty":
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    if path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        for part in (b"one,", b"two,", b"three"):
            await send({"type": "http.response.body", "body": part, "more_body": True})
            await asyncio.sleep(0.01)
        await send({"type": "http.response.body", "body": b""})
        return
    await send({
        "type": "http.response.start", "status": 200,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())],
    })
    await send({"type": "http.response.body", "body": BODY})


async def test_responses_of_every_kind_arrive_whole_on_one_connection() -> None:
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        base = url.rsplit("/", 1)[0]
        for _ in range(3):  # keep-alive: the same connection, response after response
            async with session.get(f"{base}/big") as response:
                assert response.status == 200 and await response.read() == BODY
            async with session.head(f"{base}/big") as response:
                assert response.status == 200
                assert response.headers["content-length"] == str(len(BODY))
            async with session.get(f"{base}/empty") as response:
                assert response.status == 204 and await response.read() == b""
            async with session.get(f"{base}/stream") as response:
                assert response.status == 200 and await response.read() == b"one,two,three"
        connector = session.connector
        assert connector is not None and len(connector._conns) == 1  # type: ignore[attr-defined]


class Recorder:
    """Stands in for the socket transport to show which system calls the proxy makes."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[bytes]]] = []

    def write(self, data: bytes) -> None:
        self.calls.append(("write", [data]))

    def writelines(self, parts: Any) -> None:
        self.calls.append(("writelines", list(parts)))

    def close(self) -> None:
        self.calls.append(("close", []))

    def get_extra_info(self, name: str) -> str:
        return f"info:{name}"


async def test_the_head_waits_for_the_body_or_the_next_loop_turn() -> None:
    recorder = Recorder()
    proxy = _HeadHoldingTransport(recorder, asyncio.get_running_loop())  # type: ignore[arg-type]
    proxy.write(b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\n")
    proxy.write(b"body")
    assert recorder.calls == [("writelines", [b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\n", b"body"])]
    proxy.write(b"HTTP/1.1 204 No Content\r\n\r\n")  # no body follows
    assert len(recorder.calls) == 1
    await asyncio.sleep(0)
    assert recorder.calls[-1] == ("write", [b"HTTP/1.1 204 No Content\r\n\r\n"])
    proxy.write(b"HTTP/1.1 200 OK\r\n\r\n")
    proxy.close()  # a held head goes out before the connection closes
    assert recorder.calls[-2:] == [("write", [b"HTTP/1.1 200 OK\r\n\r\n"]), ("close", [])]
    assert proxy.get_extra_info("peername") == "info:peername"


async def test_a_whole_response_written_at_once_follows_a_head_still_held() -> None:
    """The direct path writes head and body in one writelines; a head-only response held
    until the next loop turn (a pipelined HEAD's, say) still leaves before it."""
    recorder = Recorder()
    proxy = _HeadHoldingTransport(recorder, asyncio.get_running_loop())  # type: ignore[arg-type]
    proxy.write(b"HTTP/1.1 204 No Content\r\n\r\n")
    proxy.writelines((b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n", b"{}"))
    assert recorder.calls == [
        ("writelines", [b"HTTP/1.1 204 No Content\r\n\r\n", b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n", b"{}"])
    ]
    await asyncio.sleep(0)  # the flush scheduled for the held head finds nothing left
    assert len(recorder.calls) == 1
    proxy.writelines((b"HTTP/1.1 200 OK\r\n\r\n",))
    assert recorder.calls[-1] == ("writelines", [b"HTTP/1.1 200 OK\r\n\r\n"])
