"""The msgspec shape types give the same bytes as the dict shapers, or step aside for them."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from gateway.composition import compose
from gateway.execution.executor import ExecutionState
from gateway.execution.struct_shape import compile_struct_shaper
from gateway.service import Gateway
from gateway.supergraph.model import parse_supergraph
from tests.gateway.composition.harness import sources

PRODUCTS = """
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@inaccessible"])
enum Tier { FREE PRO SECRET @inaccessible }
scalar JSON
interface Named { name: String! }
type Product implements Named @key(fields: "upc") {
  upc: String!
  name: String!
  price: Float
  tier: Tier
  meta: JSON
  stock: Int!
  tags: [String!]
}
type Query {
  top: [Product!]!
  product(upc: String!): Product
  named: [Named!]!
}
"""


@pytest.fixture(scope="module")
def gateway() -> Gateway:
    return Gateway(parse_supergraph(compose(sources({"products": PRODUCTS}))))


def both(gateway: Gateway, query: str, data: dict[str, Any]) -> tuple[bytes | None, bytes, list[Any]]:
    prepared = gateway.prepare(query, None)
    assert not prepared.errors, prepared.errors
    state = ExecutionState({}, {})
    state.data = data
    fast = gateway.encode_fast(prepared, state)
    shaped = gateway.shape(prepared, ExecutionState({}, {}, data=data, errors=state.errors), {})
    return fast, orjson.dumps({"data": shaped}), state.errors


def test_same_bytes_order_aliases_and_dropped_fields(gateway: Gateway) -> None:
    query = """{ top { t: __typename price name n2: name upc tags meta tier }
                 first: product(upc: "1") { name } }"""
    data = {
        "top": [
            {"upc": "1", "name": "Lamp", "__typename": "Product", "price": 3, "stock": 9,
             "n2": "Lamp", "tags": ["a", "b"], "meta": {"any": [1, None]}, "tier": "PRO"},
            {"upc": "2", "name": "Desk", "__typename": "Product", "price": 2.5,
             "n2": "Desk", "tags": None, "meta": None, "tier": None},
        ],
        "first": None,
    }
    fast, slow, errors = both(gateway, query, data)
    assert fast is not None
    assert fast == slow
    assert fast.startswith(b'{"data":{"top":[{"t":"Product","price":3,"name":"Lamp","n2":"Lamp"')
    assert errors == []


def test_absent_nullable_field_is_null(gateway: Gateway) -> None:
    fast, slow, _ = both(gateway, "{ top { upc price } }", {"top": [{"upc": "1"}]})
    assert fast == slow == b'{"data":{"top":[{"upc":"1","price":null}]}}'


@pytest.mark.parametrize(
    "data",
    [
        {"top": [{"upc": None, "name": "x"}]},  # null in a non-null leaf
        {"top": [{"name": "x"}]},  # absent non-null leaf
        {"top": [None]},  # null in a non-null list item
        {"top": None},  # null non-null root field
        {"top": [{"upc": 7, "name": "x"}]},  # wrong scalar type
        {"top": [{"upc": "1", "name": "x", "tier": "SECRET"}]},  # @inaccessible enum value
    ],
)
def test_anything_needing_null_propagation_falls_back(gateway: Gateway, data: dict[str, Any]) -> None:
    prepared = gateway.prepare("{ top { upc name tier } }", None)
    state = ExecutionState({}, {})
    state.data = data
    assert gateway.encode_fast(prepared, state) is None


@pytest.mark.parametrize(
    "query",
    [
        "{ named { name } }",  # an abstract type
        "query ($x: Boolean!) { top { upc name @include(if: $x) } }",  # a condition
    ],
)
def test_operations_the_types_cannot_express_are_not_eligible(gateway: Gateway, query: str) -> None:
    prepared = gateway.prepare(query, None)
    assert prepared.normalized is not None
    assert compile_struct_shaper(
        prepared.normalized.fields, prepared.normalized.root_type,
        gateway.abstract_types, gateway.restricted_enums,
    ) is None


def test_errors_are_kept_before_data(gateway: Gateway) -> None:
    prepared = gateway.prepare("{ product(upc: \"1\") { name } }", None)
    state = ExecutionState({}, {})
    state.errors.append({"message": "boom", "extensions": {"serviceName": "products"}})
    state.data = {"product": None}
    assert gateway.encode_fast(prepared, state) == (
        b'{"errors":[{"message":"boom","extensions":{"serviceName":"products"}}],'
        b'"data":{"product":null}}'
    )
