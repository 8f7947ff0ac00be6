"""Generated operations against the real standalone gateway: no 5xx, no crash, still serving."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import hypothesis.strategies as st
import pytest
import uvicorn
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import mutations, queries

from modelplane.standalone import build_standalone_app

API_SCHEMA = (Path(__file__).resolve().parents[2] / "schema" / "api.graphql").read_text()
SCALARS = {"JSON": st.just(__import__("graphql").language.StringValueNode(value="x"))}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def gateway_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("fuzz")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MODELPLANE_DATA_DIR", str(data))
        patch.delenv("MODELPLANE_DATABASE_URL", raising=False)
        patch.setenv("MODELPLANE_RATE_LIMIT_RPS", "0")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = uvicorn.Server(
            uvicorn.Config(build_standalone_app(base, seed=False), host="127.0.0.1", port=port, log_level="critical")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        for _ in range(400):
            if server.started:
                break
            threading.Event().wait(0.05)
        assert server.started
        try:
            yield f"{base}/graphql"
        finally:
            server.should_exit = True
            thread.join(timeout=30)


def _post(url: str, query: str) -> tuple[int, object]:
    async def go() -> tuple[int, object]:
        async with aiohttp.ClientSession() as session, session.post(
            url, json={"query": query}, timeout=aiohttp.ClientTimeout(total=60)
        ) as response:
            return response.status, await response.json(content_type=None)

    return asyncio.run(go())


FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(query=queries(API_SCHEMA, custom_scalars=SCALARS))
def test_generated_queries_never_5xx(gateway_url: str, query: str) -> None:
    status, body = _post(gateway_url, query)
    assert status < 500, (query, body)
    assert isinstance(body, dict) and ("data" in body or "errors" in body)


@FUZZ
@given(query=mutations(API_SCHEMA, custom_scalars=SCALARS))
def test_generated_mutations_never_5xx(gateway_url: str, query: str) -> None:
    status, body = _post(gateway_url, query)
    assert status < 500, (query, body)


def test_still_serving_afterwards(gateway_url: str) -> None:
    status, body = _post(gateway_url, "{ registeredModels { totalCount } }")
    assert status == 200 and "errors" not in body  # type: ignore[operator]
