"""Typed execution gives the same bytes as the dict executor, on every audit case, or hands
the request over to it without asking any subgraph twice."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest
from aiohttp import web

from gateway.composition import compose
from gateway.execution.executor import ExecutionState
from gateway.execution.typed import TypedFallback, _EntityProgram, compile_typed_plan
from gateway.service import Gateway
from gateway.supergraph.model import parse_supergraph
from tests.gateway.composition.harness import sources
from tests.gateway.harness.suite import list_suites, load_suite, start_suite


def typed_plan_of(gateway: Gateway, query: str) -> Any:
    prepared = gateway.prepare(query, None)
    assert prepared.plan is not None and prepared.normalized is not None
    return compile_typed_plan(
        prepared.plan, prepared.normalized.fields, prepared.normalized.root_type,
        gateway.abstract_types, gateway.restricted_enums,
    )


@pytest.mark.parametrize("suite", list_suites(), ids=lambda s: s.name)
async def test_typed_and_dict_execution_agree(suite: Any) -> None:
    async with start_suite(suite) as running:
        options = suite.gateway_options
        gateway = Gateway(
            parse_supergraph(running.supergraph_sdl),
            override_labels=options.get("override_labels", ()),
        )
        try:
            for case in suite.cases():
                body = case.request_body
                prepared = gateway.prepare(body["query"], body.get("operationName"))
                if prepared.errors:
                    continue
                running.prepare(case)
                typed = await gateway.run(prepared, body.get("variables"), {}, encode=True)
                typed_fetches = sum(running.fetch_counts().values())
                running.prepare(case)
                plain = await gateway.run(prepared, body.get("variables"), {}, encode=False)
                plain_fetches = sum(running.fetch_counts().values())
                assert typed.encoded() == orjson.dumps(plain.body), f"{suite.name}/{case.name}"
                # A fallback replays what it received: never more fetches than the dict path
                # (broken connections aside: the client retries a pooled one once).
                if not case.failures:
                    assert typed_fetches <= plain_fetches, f"{suite.name}/{case.name}"
        finally:
            await gateway.close()


def test_the_typed_path_covers_most_of_the_corpus() -> None:
    typed = 0
    for suite in list_suites():
        options = suite.gateway_options
        gateway = Gateway(
            parse_supergraph(suite.supergraph_path.read_text()),
            override_labels=options.get("override_labels", ()),
        )
        for case in suite.cases():
            body = case.request_body
            prepared = gateway.prepare(body["query"], body.get("operationName"))
            if prepared.plan is None or prepared.normalized is None:
                continue
            typed += compile_typed_plan(
                prepared.plan, prepared.normalized.fields, prepared.normalized.root_type,
                gateway.abstract_types, gateway.restricted_enums,
            ) is not None
    assert typed >= 100, typed


PRODUCTS = """
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { top: [Product!]! }
type Product @key(fields: "upc") { upc: String! name: String! }
"""
REVIEWS = """
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Product @key(fields: "upc") { upc: String! stars: Int! }
"""


def test_what_the_types_cannot_express_is_not_typed() -> None:
    gateway = Gateway(parse_supergraph(compose(sources({"products": PRODUCTS, "reviews": REVIEWS}))))
    assert typed_plan_of(gateway, "{ top { upc name stars } }") is not None
    assert typed_plan_of(gateway, "query ($x: Boolean!) { top { upc stars @include(if: $x) } }") is None
    assert typed_plan_of(gateway, "{ __typename top { upc } }") is None  # answered locally


async def run_typed(gateway: Gateway, query: str) -> tuple[bytes | None, dict[str, Any]]:
    """The typed path alone (None when it hands over), and the dict path's response."""
    typed = typed_plan_of(gateway, query)
    assert typed is not None
    prepared = gateway.prepare(query, None)  # cached: the operation typed_plan_of compiled
    assert prepared.plan is not None
    state = ExecutionState({}, {})
    state.recording = {}
    try:
        payload: bytes | None = await typed.run(gateway.executor, prepared.plan.node, state)
    except TypedFallback:
        payload = None
    plain = await gateway.run(prepared, {}, {}, encode=False)
    return payload, plain.body


def tagged_programs(gateway: Gateway, query: str) -> list[_EntityProgram]:
    typed = typed_plan_of(gateway, query)
    return [p for p in typed.programs.values() if isinstance(p, _EntityProgram) and p.classes]


async def test_several_entity_types_in_one_fetch_decode_as_one_tagged_union() -> None:
    suite = load_suite("nested-lists")
    query = (suite.directory / "cases" / "same-type-at-three-depths.graphql").read_text()
    async with start_suite(suite) as running:
        gateway = Gateway(parse_supergraph(running.supergraph_sdl))
        try:
            (program,) = tagged_programs(gateway, query)
            assert set(program.classes or ()) == {"Player", "Team"}
            assert "__typename" in program.fetch.query.split("{", 2)[2].split("...")[0]
            payload, body = await run_typed(gateway, query)
            assert payload is not None, "the typed path handed over"
            assert payload == orjson.dumps(body)
            assert body["data"]["leagues"][0]["teams"]
        finally:
            await gateway.close()


@contextlib.asynccontextmanager
async def rewriting_gateway(
    running: Any, subgraph: str, rewrite: Callable[[dict[str, Any]], str]
) -> AsyncIterator[Gateway]:
    """A gateway whose `subgraph` is reached through a real HTTP proxy that passes each
    answer's JSON document through `rewrite` (which returns the text to send)."""
    upstream = running.urls[subgraph]
    session = aiohttp.ClientSession()

    async def proxy(request: web.Request) -> web.Response:
        async with session.post(upstream, data=await request.read(), headers={"content-type": "application/json"}) as answer:
            document = await answer.json()
        return web.Response(text=rewrite(document), content_type="application/json")

    app = web.Application()
    app.router.add_post("/graphql", proxy)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    gateway = Gateway(
        parse_supergraph(running.supergraph_sdl),
        urls={**running.urls, subgraph: f"http://127.0.0.1:{port}/graphql"},
    )
    try:
        yield gateway
    finally:
        await gateway.close()
        await session.close()
        await runner.cleanup()


async def test_an_entity_answered_as_another_type_hands_over_to_the_dict_path() -> None:
    """A subgraph naming another __typename than the representation's: the typed path
    cannot trust its decoding and the dict executor answers, from the same answers."""
    suite = load_suite("nested-lists")
    query = (suite.directory / "cases" / "same-type-at-three-depths.graphql").read_text()

    def swap_types(document: dict[str, Any]) -> str:
        teams = [e for e in (document["data"] or {}).get("_entities") or () if e["__typename"] == "Team"]
        if teams:
            teams[0]["__typename"] = "Player"  # with the Team's fields
        return json.dumps(document)

    async with start_suite(suite) as running, rewriting_gateway(running, "players", swap_types) as gateway:
        assert tagged_programs(gateway, query)
        payload, body = await run_typed(gateway, query)
        assert payload is None, "the typed path accepted an entity of the wrong type"
        result = await gateway.run(gateway.prepare(query, None), {}, {}, encode=True)
        assert result.encoded() == orjson.dumps(body)
        assert "errors" in body or body["data"] is not None


async def test_nullable_scalars_pass_through_as_the_subgraph_wrote_them() -> None:
    """A nullable scalar the gateway only passes on is copied as JSON text: escapes stay as
    the subgraph wrote them, and a value of another type passes as the dict executor lets
    it pass; the response means the same JSON, without a fallback."""
    suite = load_suite("simple-entity-call")
    query = "{ me { id nickname email } }"
    nicknames: list[Any] = ['caf\u00e9 "quoted"', 7]

    def rewrite(document: dict[str, Any]) -> str:
        document["data"]["_entities"][0]["nickname"] = nicknames[0]
        return json.dumps(document)  # escapes non-ASCII (\u00e9), as Python subgraphs do

    async with start_suite(suite) as running, rewriting_gateway(running, "profiles", rewrite) as gateway:
        payload, body = await run_typed(gateway, query)
        assert payload is not None, "the typed path handed over"
        assert b'"nickname":"caf\\u00e9 \\"quoted\\""' in payload
        assert orjson.loads(payload) == body
        assert body["data"]["me"]["nickname"] == 'caf\u00e9 "quoted"'
        nicknames.pop(0)
        payload, body = await run_typed(gateway, query)
        assert payload is not None and orjson.loads(payload) == body
        assert body["data"]["me"]["nickname"] == 7


def test_entity_fetches_on_the_same_settled_paths_share_one_collection() -> None:
    """The benchmark's products and inventory fetches target the same three paths after
    every fetch that builds them has finished: one collector serves both; the accounts
    fetch, alone on its paths, walks them itself."""
    bench = Path(__file__).resolve().parents[3] / "bench" / "gateway"
    gateway = Gateway(parse_supergraph((bench / "supergraph.graphql").read_text()))
    typed = typed_plan_of(gateway, (bench / "query.graphql").read_text())
    entity = [p for p in typed.programs.values() if isinstance(p, _EntityProgram)]
    deep = [p for p in entity if len(p.paths) == 3]
    assert sorted(p.fetch.service_name for p in deep) == ["inventory", "products"]
    first, second = ([collect for *_, collect in p.paths] for p in deep)
    assert all(collect is not None for collect in first)
    assert first == second  # the same collector objects: the same list per request
    (accounts,) = [p for p in entity if p.fetch.service_name == "accounts"]
    assert all(collect is None for *_, collect in accounts.paths)
