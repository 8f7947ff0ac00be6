"""Typed execution gives the same bytes as the dict executor, on every audit case, or hands
the request over to it without asking any subgraph twice."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from gateway.composition import compose
from gateway.execution.typed import compile_typed_plan
from gateway.service import Gateway
from gateway.supergraph.model import parse_supergraph
from tests.gateway.composition.harness import sources
from tests.gateway.harness.suite import list_suites, start_suite


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
