"""Composition errors: structured problems naming subgraphs and coordinates, never a stack trace."""

from __future__ import annotations

import pytest

from common.errors import ModelplaneError
from gateway.composition import CompositionError, SubgraphSource, compose

from .harness import composition_problems, federation_2, sources


def test_error_carries_structured_problems() -> None:
    with pytest.raises(CompositionError) as raised:
        compose(
            sources(
                {
                    "inventory": federation_2(
                        'type Product @key(fields: "id") { id: ID! price: Int @shareable }'
                    ),
                    "products": federation_2(
                        'type Product @key(fields: "id") { id: ID! price: String @shareable } type Query { p: Product }'
                    ),
                }
            )
        )
    error = raised.value
    assert isinstance(error, ModelplaneError)
    [problem] = error.problems
    assert (problem.code, problem.coordinate, problem.subgraphs) == (
        "FIELD_TYPE_MISMATCH",
        "Product.price",
        ("inventory", "products"),
    )
    assert "Product.price: type Int in [inventory] but String in [products]" in str(error)
    extensions = error.extensions()
    assert extensions["code"] == "COMPOSITION_FAILED"
    assert extensions["problems"] == [
        {
            "code": "FIELD_TYPE_MISMATCH",
            "coordinate": "Product.price",
            "message": "type Int in [inventory] but String in [products]",
            "subgraphs": ["inventory", "products"],
        }
    ]


def test_unparsable_sdl_names_the_subgraph() -> None:
    problems = composition_problems(
        good=federation_2("type Query { a: Int }"), broken="type Query {"
    )
    assert len(problems) == 1
    assert problems[0].startswith("[INVALID_GRAPHQL] broken: Syntax Error")


def test_field_sets_must_select_defined_fields() -> None:
    problems = composition_problems(
        a=federation_2(
            """
            type T @key(fields: "id nope") { id: ID! x: Int @external y: Int @requires(fields: "x { z }") }
            type R { t: T @provides(fields: "{") }
            type Query { r: R }
            """
        ),
    )
    assert problems == [
        '[KEY_INVALID_FIELDS] T: @key(fields: "id nope") in [a] selects T.nope, which [a] does not define',
        '[REQUIRES_INVALID_FIELDS] T.y: @requires(fields: "x { z }") in [a] selects Int.z, which [a] does not define',
        '[PROVIDES_INVALID_FIELDS] R.t: @provides(fields: "{") in [a] is not a valid selection',
        "[EXTERNAL_MISSING_ON_BASE] T.x: marked @external in every subgraph defining it [a]: "
        "no subgraph resolves it",
    ]


def test_result_that_is_not_a_valid_schema_is_refused() -> None:
    assert composition_problems(a=federation_2("type Query { u: Unknown }")) == [
        "[INVALID_GRAPHQL] Query.u: refers to type Unknown, which [a] does not define"
    ]
    problems = composition_problems(
        a=federation_2("interface I { a: Int b: Int } type T implements I { a: Int b: Int }"),
        b=federation_2("interface I { a: Int } type U implements I { a: Int } type Query { u: U }"),
    )
    assert problems == ["[INVALID_GRAPHQL] Interface field I.b expected but U does not provide it."]


def test_no_query_root_and_duplicate_names() -> None:
    assert composition_problems(a=federation_2("type Mutation { a: Int }")) == [
        "[NO_QUERIES] Query: no subgraph defines a field on the Query root type"
    ]
    with pytest.raises(CompositionError) as raised:
        compose([SubgraphSource("a", "http://a", "type Query { a: Int }")] * 2)
    assert [p.code for p in raised.value.problems] == ["DUPLICATE_SUBGRAPH_NAME"]
    with pytest.raises(CompositionError) as raised:
        compose([])
    assert [p.code for p in raised.value.problems] == ["NO_SUBGRAPHS"]
