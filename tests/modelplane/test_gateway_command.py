"""`modelplane gateway` as separate services run it: compose from live subgraphs at start-up."""

from __future__ import annotations

import asyncio
import socket
import sys

import aiohttp

from tests.gateway.harness.suite import start_suite


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_gateway_composes_from_subgraph_urls() -> None:
    async with start_suite("simple-entity-call") as running:
        port = _free_port()
        arguments = [f"--subgraph={name}={url}" for name, url in running.urls.items()]
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "modelplane.cli", "gateway", *arguments, "--port", str(port), "--no-guard",
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )
        try:
            body = None
            async with aiohttp.ClientSession() as session:
                for _ in range(300):
                    try:
                        async with session.post(
                            f"http://127.0.0.1:{port}/graphql", json={"query": "{ me { email nickname } }"}
                        ) as response:
                            body = await response.json()
                            break
                    except aiohttp.ClientConnectionError:
                        await asyncio.sleep(0.1)
            assert body is not None, "the gateway did not start"
            assert "errors" not in body, body
            assert body["data"]["me"]["email"] and body["data"]["me"]["nickname"]
        finally:
            process.terminate()
            await process.wait()
