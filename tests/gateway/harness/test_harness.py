"""Tests of the audit harness itself: fixture subgraphs, failure modes, URL rewriting, comparison."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.gateway.harness.comparison import find_differences, normalise_response
from tests.gateway.harness.gateway_process import serve_app
from tests.gateway.harness.pytest_plugin import StartSuite, federation_fixture  # noqa: F401
from tests.gateway.harness.subgraph_server import Failure
from tests.gateway.harness.suite import list_suites, load_suite, rewrite_subgraph_urls, start_suite


async def post(url: str, query: str, variables: dict[str, Any] | None = None) -> Any:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json={"query": query, "variables": variables or {}}) as response,
    ):
        return await response.json()


async def test_service_serves_the_subgraph_sdl_verbatim() -> None:
    async with start_suite("simple-entity-call") as running:
        body = await post(running.urls["profiles"], "{ _service { sdl } }")
    assert body["data"]["_service"]["sdl"] == running.suite.subgraph_sdl("profiles")


async def test_entities_resolve_by_any_key_and_null_for_unknown() -> None:
    query = (
        "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Book { id isbn pages } } }"
    )
    representations = [
        {"__typename": "Book", "id": "b2"},
        {"__typename": "Book", "isbn": "978-1"},
        {"__typename": "Book", "id": "nope"},
    ]
    async with start_suite("keys-mashup") as running:
        body = await post(running.urls["b"], query, {"r": representations})
    assert body["data"]["_entities"] == [
        {"id": "b2", "isbn": "978-2", "pages": 204},
        {"id": "b1", "isbn": "978-1", "pages": 412},
        None,
    ]


async def test_entities_resolve_nested_compound_keys() -> None:
    query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { price } } }"
    representations = [{"__typename": "Product", "sku": "B2", "region": {"code": "US"}}]
    async with start_suite("complex-entity-call") as running:
        body = await post(running.urls["pricing"], query, {"r": representations})
    assert body["data"]["_entities"] == [{"price": 20.0}]


async def test_requires_fields_arrive_through_the_representation() -> None:
    query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { subtotal } } }"
    representations = [{"__typename": "Order", "id": "o1", "quantity": 3, "unitPrice": 2.5}]
    async with start_suite("requires-requires") as running:
        body = await post(running.urls["b"], query, {"r": representations})
        assert running.fetch_counts() == {"a": 0, "b": 1, "c": 0, "d": 0}
        recorded = running.servers["b"].requests[0]
    assert body["data"]["_entities"] == [{"subtotal": 7.5}]
    assert recorded.is_entities_call
    assert recorded.variables == {"r": representations}


async def test_federation_1_extension_types_become_executable() -> None:
    query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { shippingEstimate } } }"
    representations = [{"__typename": "Product", "upc": "1", "price": 10, "weight": 30}]
    async with start_suite("fed1-external-extends") as running:
        body = await post(running.urls["inventory"], query, {"r": representations})
    assert body["data"]["_entities"] == [{"shippingEstimate": 15}]


@pytest.mark.parametrize("failure", list(Failure))
async def test_failure_modes(failure: Failure) -> None:
    suite = load_suite("simple-entity-call")
    async with start_suite(suite) as running:
        server = running.servers["accounts"]
        server.failure = failure
        server.sleep_seconds = 2.0
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=0.5)) as session:
            outcome: str
            try:
                async with session.post(server.url, json={"query": "{ me { id } }"}) as response:
                    text = await response.text()
                    outcome = f"{response.status}:{text[:9]}"
            except TimeoutError:
                outcome = "timeout"
            except aiohttp.ClientError:
                outcome = "dropped"
    expected = {
        Failure.HTTP_500: "500:Internal ",
        Failure.INVALID_JSON: "200:{not json",
        Failure.TIMEOUT: "timeout",
        Failure.DROP_CONNECTION: "dropped",
    }[failure]
    assert (
        outcome == expected[: len(outcome)] if failure is Failure.HTTP_500 else outcome == expected
    )
    assert server.fetch_count == 1


async def test_stateful_suites_start_every_case_afresh() -> None:
    suite = load_suite("mutations")
    case = next(case for case in suite.cases() if case.name == "single")
    async with start_suite(suite) as running:
        ids = []
        for _ in range(2):
            running.prepare(case)
            body = await post(
                running.urls["products"], 'mutation { addProduct(input: {name: "X"}) { id } }'
            )
            ids.append(body["data"]["addProduct"]["id"])
    assert ids == ["p2", "p2"]


def test_rewrite_subgraph_urls_in_both_supergraph_formats() -> None:
    fed2 = 'A @join__graph(name: "a", url: "http://a.subgraph.test/graphql")'
    fed1 = 'A @join__graph(name: "a" url: "http://a.subgraph.test/graphql")'
    for sdl in (fed2, fed1):
        rewritten = rewrite_subgraph_urls(sdl, {"a": "http://127.0.0.1:1/graphql"})
        assert rewritten == 'A @join__graph(name: "a", url: "http://127.0.0.1:1/graphql")'


def test_every_suite_names_its_subgraphs_in_the_supergraph() -> None:
    for suite in list_suites():
        sdl = suite.supergraph_path.read_text()
        for name in suite.subgraph_names:
            assert f'name: "{name}"' in sdl, f"{suite.name}: {name} missing from supergraph"


def test_comparison_checks_data_order_and_errors() -> None:
    expected = normalise_response(
        {"data": {"a": 1, "b": 2.0}, "errors": [{"message": "fixture: boom", "path": ["b"]}]}
    )
    same = {"data": {"a": 1, "b": 2}, "errors": [{"message": "fixture: boom", "path": ["b"]}]}
    assert find_differences(normalise_response(same), expected) == []
    reordered = {"data": {"b": 2, "a": 1}, "errors": same["errors"]}
    assert "order" in find_differences(normalise_response(reordered), expected)[0]
    wrong_message = {"data": same["data"], "errors": [{"message": "fixture: other", "path": ["b"]}]}
    assert find_differences(normalise_response(wrong_message), expected)
    no_errors = {"data": same["data"]}
    assert find_differences(normalise_response(no_errors), expected)


async def test_serve_app_serves_an_asgi_app_on_a_free_port() -> None:
    async def echo(request: Request) -> JSONResponse:
        return JSONResponse({"data": {"echo": (await request.json())["query"]}})

    app = Starlette(routes=[Route("/graphql", echo, methods=["POST"])])
    async with serve_app(app) as url:
        body = await post(url, "{ x }")
    assert body == {"data": {"echo": "{ x }"}}


async def test_federation_fixture_starts_a_suite_with_a_rewritten_supergraph(
    federation_fixture: StartSuite,  # noqa: F811 (the imported fixture)
) -> None:
    running = await federation_fixture("requires-with-fragments")
    assert set(running.urls) == {"library", "stats"}
    for url in running.urls.values():
        assert f'url: "{url}"' in running.supergraph_sdl
    body = await post(running.urls["library"], "{ shelves { id } }")
    assert body["data"]["shelves"][0] == {"id": "s1"}
    assert running.fetch_counts() == {"library": 1, "stats": 0}
