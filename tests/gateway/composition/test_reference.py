"""Our supergraphs against @theguild/federation-composition's on the same subgraphs, compared by
meaning: per type and field, the same join__ (and carried) directives with the same arguments."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.composition import CompositionError, compose

from . import test_federation_1 as federation_1
from .harness import federation_2, require_node_tools, sources
from .semantics import describe_differences, semantic_view
from .strawberry_subgraphs import products_schema, reviews_schema, service_sdl
from .test_robustness import entity_subgraph_sets, subgraph_sdls

TOOL = Path(__file__).resolve().parents[3] / "tools" / "composition-check"

CASES: dict[str, dict[str, str]] = {
    "keys": {
        "products": federation_2(
            """
            type Product @key(fields: "id") @key(fields: "sku package { id }") {
              id: ID! sku: String! package: Package! name: String
            }
            type Package @shareable { id: ID! }
            type Query { products: [Product] }
            """
        ),
        "reviews": federation_2(
            """
            type Product @key(fields: "id", resolvable: false) { id: ID! }
            extend type Package @key(fields: "id") { id: ID! weight: Int }
            type Query { reviews: [Product] }
            """
        ),
    },
    "types_and_arguments": {
        "a": federation_2(
            """
            type T @key(fields: "id") { id: ID! n: Int! @shareable l: [Int!]! @shareable
              f(a: Int, b: String!, c: Boolean): Int @shareable }
            type Query { t: T }
            """
        ),
        "b": federation_2(
            """
            type T @key(fields: "id") { id: ID! n: Int @shareable l: [Int] @shareable
              f(a: Int!, b: String!): Int @shareable }
            scalar Date
            type Query { today: Date }
            """
        ),
    },
    "enums_and_inputs": {
        "a": federation_2(
            """
            enum Out { A B } enum In { A B }
            input Filter { x: Int y: [String!] only: Int }
            type Query { out: Out @shareable search(in: In, f: Filter): Int @shareable }
            """
        ),
        "b": federation_2(
            """
            enum Out { A C } enum In { A C }
            input Filter { x: Int y: [String!]! }
            type Query { out: Out @shareable search(in: In, f: Filter): Int @shareable }
            """
        ),
    },
    "abstract_types": {
        "a": federation_2(
            """
            interface I { id: ID! a: Int } type A implements I @shareable { id: ID! a: Int }
            type B @shareable { id: ID! } union U = A | B
            type Query { u: U @shareable i: I @shareable }
            """
        ),
        "b": federation_2(
            """
            interface I { id: ID! } interface J { id: ID! }
            type A implements I & J @shareable { id: ID! } type C { id: ID! } union U = A | C
            type Query { u: U @shareable i: I @shareable }
            """
        ),
    },
    "requires_provides": {
        "accounts": federation_2(
            """
            type User @key(fields: "id") { id: ID! name: String @shareable age: Int }
            type Query { me: User }
            """
        ),
        "reviews": federation_2(
            """
            type User @key(fields: "id", resolvable: false) { id: ID! name: String @external }
            type Review { author: User @provides(fields: "name") }
            type Query { reviews: [Review] }
            """
        ),
        "ranking": federation_2(
            """
            type User @key(fields: "id") { id: ID! age: Int @external rank: Int @requires(fields: "age") }
            """
        ),
    },
    "override": {
        "a": federation_2(
            """
            type T @key(fields: "id") @key(fields: "sku") { id: ID! sku: String x: Int y: Int w: Int }
            type Query { t: T }
            """
        ),
        "b": federation_2(
            """
            type T @key(fields: "id") {
              id: ID! sku: String @override(from: "a")
              x: Int @override(from: "a") y: Int @override(from: "a", label: "percent(20)")
            }
            """,
            version="v2.7",
        ),
        "c": federation_2('type T @key(fields: "id") { id: ID! q: Int @override(from: "gone") }'),
    },
    "interface_object": {
        "media": federation_2(
            """
            interface Media @key(fields: "id") { id: ID! title: String }
            type Book implements Media @key(fields: "id") { id: ID! title: String }
            type Movie implements Media @key(fields: "id") { id: ID! title: String }
            type Query { media: [Media] }
            """
        ),
        "reviews": federation_2(
            """
            type Media @key(fields: "id") @interfaceObject { id: ID! reviews: [String] }
            type Query { topMedia: Media }
            """
        ),
    },
    "carried_directives": {
        "a": federation_2(
            """
            type T @key(fields: "id") @tag(name: "t") @authenticated {
              id: ID! @tag(name: "f")
              x: Int @inaccessible
              y(a: Int @tag(name: "arg")): Int @requiresScopes(scopes: [["a"], ["b"]]) @shareable
              p: Int @policy(policies: [["p"]])
            }
            enum E { A @inaccessible B }
            type Query { t: T e: E }
            """
        ),
        "b": federation_2(
            'type T @key(fields: "id") @tag(name: "u") { id: ID! y(a: Int): Int @requiresScopes(scopes: [["c"]]) @shareable }'
        ),
    },
    "compose_directive": {
        "a": """
        extend schema
          @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@composeDirective"])
          @link(url: "https://example.com/caching/v1.0", import: ["@cached"])
          @composeDirective(name: "@cached")
        directive @cached(seconds: Int!) on FIELD_DEFINITION | OBJECT
        type T @key(fields: "id") @cached(seconds: 5) { id: ID! x: Int @cached(seconds: 30) }
        type Query { t: T }
        """,
        "b": federation_2('type T @key(fields: "id") { id: ID! y: Int @deprecated(reason: "no") }'),
    },
    "federation_1": {
        "products": federation_1.PRODUCTS,
        "inventory": federation_1.INVENTORY,
        "reviews": federation_1.REVIEWS,
        "accounts": federation_1.ACCOUNTS,
    },
    "cost": {
        "a": """
        extend schema
          @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
        type Query { items(first: Int): [Int] @listSize(slicingArguments: ["first"]) @cost(weight: 5) }
        """,
    },
    "strawberry": {
        "products": service_sdl(products_schema),
        "reviews": reviews_schema.as_str(),
    },
}

# Modelplane's own subgraphs, once `modelplane schema export` has written them.
SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schema"
OWN_SUBGRAPHS = {name: SCHEMA_DIR / f"{name}.graphql" for name in ("registry", "catalog", "deploy")}
if all(path.is_file() for path in OWN_SUBGRAPHS.values()):
    CASES["modelplane"] = {name: path.read_text() for name, path in OWN_SUBGRAPHS.items()}

ERROR_CASES: dict[str, dict[str, str]] = {
    "type_mismatch": {
        "a": federation_2(
            'type T @key(fields: "id") { id: ID! x: Int @shareable } type Query { t: T }'
        ),
        "b": federation_2('type T @key(fields: "id") { id: ID! x: String @shareable }'),
    },
    "not_shareable": {
        "a": federation_2('type T @key(fields: "id") { id: ID! x: Int } type Query { t: T }'),
        "b": federation_2('type T @key(fields: "id") { id: ID! x: Int }'),
    },
    "enum_in_and_out": {
        "a": federation_2("enum E { A B } type Query { f(e: E): E @shareable }"),
        "b": federation_2("enum E { A C } type Query { f(e: E): E @shareable }"),
    },
    "required_argument": {
        "a": federation_2("type Query { f(x: Int!): Int @shareable }"),
        "b": federation_2("type Query { f: Int @shareable }"),
    },
}


def _random_cases(count: int) -> dict[str, dict[str, str]]:
    """Deterministic random subgraph sets from the robustness test's generators."""
    cases: list[dict[str, str]] = []

    @settings(max_examples=count, derandomize=True, deadline=None, database=None)
    @given(st.lists(subgraph_sdls(), min_size=1, max_size=3))
    def collect_mixed(sdls: list[str]) -> None:
        cases.append(dict(zip("abc", sdls, strict=False)))

    @settings(max_examples=count, derandomize=True, deadline=None, database=None)
    @given(entity_subgraph_sets())
    def collect_entities(subgraphs: dict[str, str]) -> None:
        cases.append(subgraphs)

    collect_mixed()
    collect_entities()
    return {f"random-{i}": case for i, case in enumerate(cases)}


RANDOM_CASES = _random_cases(200)
# Where we are more lenient than the reference: federation 2 directives in federation 1
# subgraphs, and implementing an @interfaceObject type in the same subgraph, are accepted;
# and we do not check satisfiability (that every field is reachable from the root).
LENIENT_CODES = {"INVALID_GRAPHQL", "SATISFIABILITY_ERROR"}


def _reference_input(subgraphs: dict[str, str]) -> list[dict[str, str]]:
    # The reference (0.27) predates federation v2.10+ links, which Strawberry emits; v2.9 maps
    # to the same join spec (v0.5), so the comparison is unaffected.
    return [
        {"name": s.name, "url": s.url, "sdl": s.sdl.replace("federation/v2.11", "federation/v2.9")}
        for s in sources(subgraphs)
    ]


@pytest.fixture(scope="module")
def reference_results() -> dict[str, dict[str, Any]]:
    """Every case composed by the reference tool, in one node run."""
    require_node_tools()
    if not (TOOL / "node_modules" / "@theguild" / "federation-composition").is_dir():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOL, check=True, capture_output=True
        )
    every_case = {**CASES, **ERROR_CASES, **RANDOM_CASES}
    batch = {name: _reference_input(case) for name, case in every_case.items()}
    completed = subprocess.run(
        ["node", "compose.mjs"],
        cwd=TOOL,
        input=json.dumps(batch),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    results: dict[str, dict[str, Any]] = json.loads(completed.stdout)
    return results


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_supergraph_as_the_reference(
    reference_results: dict[str, dict[str, Any]], case: str
) -> None:
    theirs = reference_results[case]
    assert "errors" not in theirs, theirs.get("errors")
    ours = compose(sources(CASES[case]))
    differences = describe_differences(semantic_view(ours), semantic_view(theirs["supergraphSdl"]))
    assert differences == []


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
def test_same_errors_as_the_reference(
    reference_results: dict[str, dict[str, Any]], case: str
) -> None:
    with pytest.raises(CompositionError) as raised:
        compose(sources(ERROR_CASES[case]))
    ours = {problem.code for problem in raised.value.problems}
    assert ours == {error["code"] for error in reference_results[case].get("errors", [])}


def test_random_subgraphs_compose_like_the_reference(
    reference_results: dict[str, dict[str, Any]],
) -> None:
    composed_by_both = 0
    for name, case in RANDOM_CASES.items():
        theirs = reference_results[name]
        try:
            ours: str | None = compose(sources(case))
        except CompositionError:
            ours = None
        if "errors" not in theirs:
            assert ours is not None, f"{name}: only the reference composes {case}"
            differences = describe_differences(
                semantic_view(ours), semantic_view(theirs["supergraphSdl"])
            )
            assert differences == [], f"{name}: {case}"
            composed_by_both += 1
        elif ours is not None:
            codes = {error["code"] for error in theirs["errors"]}
            assert codes <= LENIENT_CODES, f"{name}: only we compose {case}: {theirs['errors']}"
    assert composed_by_both >= 50


def test_the_comparison_notices_a_missing_join_field() -> None:
    supergraph = compose(sources(CASES["requires_provides"]))
    altered = supergraph.replace(' @join__field(graph: RANKING, requires: "age")', "")
    assert altered != supergraph
    assert describe_differences(semantic_view(altered), semantic_view(supergraph)) != []
