"""GraphQL over HTTP at the gateway: methods, media types, status codes, deduplication."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from gateway.app import create_gateway_app
from tests.gateway.harness.gateway_process import serve_app
from tests.gateway.harness.suite import RunningSuite, start_suite

QUERY = "{ users { id nickname } }"
GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.fixture
async def suite() -> AsyncIterator[RunningSuite]:
    async with start_suite("simple-entity-call") as running:
        yield running


async def _serve(suite: RunningSuite, **options: Any) -> Any:
    return serve_app(create_gateway_app(suite.supergraph_sdl, **options))


async def test_post_json_and_media_types(suite: RunningSuite) -> None:
    async with await _serve(suite) as url, aiohttp.ClientSession() as session:
        async with session.post(url, json={"query": QUERY}) as response:
            assert response.status == 200
            assert response.headers["content-type"].startswith("application/json")
            body = await response.json()
            assert body["data"]["users"][0]["nickname"]
        async with session.post(url, json={"query": QUERY}, headers={"accept": GRAPHQL_RESPONSE}) as response:
            assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
        async with session.post(url, json={"query": "{ users { nope } }"}, headers={"accept": GRAPHQL_RESPONSE}) as response:
            assert response.status == 400
            body = await response.json()
            assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
            assert "data" not in body
        async with session.post(url, json={"query": "{ users { nope } }"}) as response:
            assert response.status == 200  # application/json keeps the legacy 200
        async with session.post(url, json={"query": "{ users "}, headers={"accept": GRAPHQL_RESPONSE}) as response:
            assert response.status == 400
            assert (await response.json())["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


async def test_malformed_requests(suite: RunningSuite) -> None:
    async with await _serve(suite, max_body_bytes=2048) as url, aiohttp.ClientSession() as session:
        async with session.post(url, data="{ users { id } }", headers={"content-type": "text/plain"}) as response:
            assert response.status == 415
        async with session.post(url, data=b"{not json", headers={"content-type": "application/json"}) as response:
            assert response.status == 400
        async with session.post(url, json=[1, 2]) as response:
            assert response.status == 400
        async with session.post(url, json={"query": 7}) as response:
            assert response.status == 400
        async with session.post(url, json={"query": QUERY, "variables": "x"}) as response:
            assert response.status == 400
        async with session.post(url, json={"query": "{ users { id } }" + " " * 4096}) as response:
            assert response.status == 413
        async with session.put(url, json={"query": QUERY}) as response:
            assert response.status == 405
        async with session.post(url, json={"query": QUERY}, headers={"accept": "text/csv"}) as response:
            assert response.status == 406


async def test_get_queries_and_mutations(suite: RunningSuite) -> None:
    async with await _serve(suite) as url, aiohttp.ClientSession() as session:
        async with session.get(url, params={"query": QUERY}) as response:
            assert response.status == 200
            assert (await response.json())["data"]["users"]
        async with session.get(url, params={"query": "mutation { x }"}) as response:
            # invalid against this schema (no mutations): a validation error, not an execution
            assert response.status in (200, 400)
        async with session.get(url, params={"query": QUERY, "variables": "{bad"}) as response:
            assert response.status == 400


async def test_unknown_operation_name_and_bad_variables(suite: RunningSuite) -> None:
    async with await _serve(suite) as url, aiohttp.ClientSession() as session:
        async with session.post(url, json={"query": "query A { users { id } }", "operationName": "B"}) as response:
            body = await response.json()
            assert body["errors"][0]["extensions"]["code"] == "OPERATION_RESOLUTION_FAILURE"
        async with session.post(
            url,
            json={"query": "query ($n: Boolean!) { users { id @include(if: $n) } }", "variables": {"n": "x"}},
            headers={"accept": GRAPHQL_RESPONSE},
        ) as response:
            assert response.status == 400
            assert (await response.json())["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_health_and_readiness(suite: RunningSuite) -> None:
    async with await _serve(suite) as url, aiohttp.ClientSession() as session:
        base = url.rsplit("/graphql", 1)[0]
        async with session.get(f"{base}/health") as response:
            assert response.status == 200
        async with session.get(f"{base}/readyz") as response:
            assert response.status == 200
    async with serve_app(create_gateway_app(None)) as url, aiohttp.ClientSession() as session:
        base = url.rsplit("/graphql", 1)[0]
        async with session.get(f"{base}/readyz") as response:
            assert response.status == 503
        async with session.post(url, json={"query": QUERY}) as response:
            assert response.status == 503


async def test_in_flight_deduplication(suite: RunningSuite) -> None:
    async with await _serve(suite, dedup=True) as url, aiohttp.ClientSession() as session:
        async def ask() -> Any:
            async with session.post(url, json={"query": QUERY}) as response:
                return await response.json()

        before = sum(suite.fetch_counts().values())
        answers = await asyncio.gather(*(ask() for _ in range(20)))
        after = sum(suite.fetch_counts().values())
    assert all(a == answers[0] for a in answers)
    assert "errors" not in answers[0]
    # 20 identical concurrent queries: far fewer than 20 executions (2 fetches each)
    assert after - before < 20


async def test_metrics_and_request_ids(suite: RunningSuite) -> None:
    async with await _serve(suite) as url, aiohttp.ClientSession() as session:
        base = url.rsplit("/graphql", 1)[0]
        async with session.post(url, json={"query": QUERY, "operationName": None}, headers={"x-request-id": "abc123"}) as response:
            assert response.headers["x-request-id"] == "abc123"
        async with session.post(url, json={"query": "{ users { nope } }"}) as response:
            assert len(response.headers["x-request-id"]) == 32
        async with session.post(url, json={"query": f"query Named {QUERY}"}) as response:
            assert response.status == 200  # labelled by the document's name, not "anonymous"
        async with session.get(f"{base}/metrics") as response:
            assert response.status == 200
            text = await response.text()
    assert 'modelplane_gateway_requests_total{operation="anonymous",outcome="ok"} 1.0' in text
    assert 'modelplane_gateway_requests_total{operation="Named",outcome="ok"} 1.0' in text
    assert 'modelplane_gateway_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1.0' in text
    assert 'modelplane_gateway_subgraph_fetch_seconds_count{subgraph="accounts"}' in text
    assert 'modelplane_gateway_document_cache{result="miss"} 3.0' in text
    # the request id travels to the subgraphs
    seen = [r.headers for s in suite.servers.values() for r in s.requests]
    assert any({k.lower(): v for k, v in h.items()}.get("x-request-id") == "abc123" for h in seen)


async def test_a_span_per_request_and_per_subgraph_fetch(suite: RunningSuite) -> None:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from gateway.tracing import Tracing

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing = Tracing(provider.get_tracer("test"))
    async with (
        await _serve(suite, tracing=tracing) as url,
        aiohttp.ClientSession() as session,
        session.post(url, json={"query": QUERY}) as response,
    ):
        assert response.status == 200
    spans = exporter.get_finished_spans()
    names = sorted(span.name for span in spans)
    assert names == ["fetch accounts", "fetch profiles", "graphql request"]
    request = next(s for s in spans if s.name == "graphql request")
    assert all(s.context.trace_id == request.context.trace_id for s in spans)
    # the subgraphs received the trace context
    seen = [{k.lower(): v for k, v in r.headers.items()} for s in suite.servers.values() for r in s.requests]
    assert any("traceparent" in h for h in seen)


@pytest.mark.parametrize(("x", "y"), [(False, False), (False, True), (True, False), (True, True)])
async def test_a_field_selected_under_two_conditions_appears_when_either_holds(
    suite: RunningSuite, x: bool, y: bool
) -> None:
    query = (
        "query ($x: Boolean!, $y: Boolean!) "
        "{ me { email @include(if: $x) email @include(if: $y) nickname @skip(if: $x) } }"
    )
    async with (
        await _serve(suite) as url,
        aiohttp.ClientSession() as session,
        session.post(url, json={"query": query, "variables": {"x": x, "y": y}}) as response,
    ):
        body = await response.json()
    assert "errors" not in body, body
    me = body["data"]["me"]
    assert ("email" in me) == (x or y)
    assert ("nickname" in me) == (not x)


async def test_a_client_alias_on_a_key_field_name_does_not_corrupt_the_representation(
    suite: RunningSuite,
) -> None:
    async with await _serve(suite) as url, aiohttp.ClientSession() as session:
        async with session.post(url, json={"query": "{ me { id: email nickname } }"}) as response:
            aliased = await response.json()
        async with session.post(url, json={"query": "{ me { email nickname } }"}) as response:
            plain = await response.json()
    assert "errors" not in aliased, aliased
    assert aliased["data"]["me"]["id"] == plain["data"]["me"]["email"]
    assert aliased["data"]["me"]["nickname"] == plain["data"]["me"]["nickname"] is not None


async def test_a_changed_supergraph_file_is_swapped_in_and_a_broken_one_is_not(
    suite: RunningSuite, tmp_path: Any
) -> None:
    path = tmp_path / "supergraph.graphql"
    path.write_text(suite.supergraph_sdl)
    app = create_gateway_app(suite.supergraph_sdl, follow=(str(path), 0.05))
    async with serve_app(app) as url, aiohttp.ClientSession() as session:
        base = url.rsplit("/graphql", 1)[0]
        # hide User.nickname from clients: the reloaded schema must refuse it
        path.write_text(suite.supergraph_sdl.replace("nickname: String", "nickname: String @inaccessible", 1))
        for _ in range(100):
            await asyncio.sleep(0.05)
            async with session.get(f"{base}/schema.graphql") as response:
                if "nickname" not in await response.text():
                    break
        async with session.post(url, json={"query": QUERY}) as response:
            body = await response.json()
        assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        path.write_text("this is not a supergraph {")
        await asyncio.sleep(0.3)
        async with session.post(url, json={"query": "{ users { id } }"}) as response:
            assert response.status == 200
            assert "errors" not in await response.json()
