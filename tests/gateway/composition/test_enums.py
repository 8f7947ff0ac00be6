"""Enums: union of values when only returned, intersection when only accepted, equal when both."""

from __future__ import annotations

from .harness import compose_sdls, composition_problems, expected, federation_2, printed_type


def test_output_only_enum_takes_the_union_of_values() -> None:
    supergraph = compose_sdls(
        a=federation_2("enum Color { RED GREEN } type Query { a: Color }"),
        b=federation_2("enum Color { RED BLUE } type Query { b: Color }"),
    )
    assert printed_type(supergraph, "Color") == expected(
        """
        enum Color @join__type(graph: A) @join__type(graph: B) {
          RED @join__enumValue(graph: A) @join__enumValue(graph: B)
          GREEN @join__enumValue(graph: A)
          BLUE @join__enumValue(graph: B)
        }
        """
    )


def test_input_only_enum_takes_the_intersection() -> None:
    supergraph = compose_sdls(
        a=federation_2("enum Color { RED GREEN } type Query { a(c: Color): Int }"),
        b=federation_2("enum Color { RED BLUE } type Query { b(c: Color): Int }"),
    )
    assert printed_type(supergraph, "Color") == expected(
        """
        enum Color @join__type(graph: A) @join__type(graph: B) {
          RED @join__enumValue(graph: A) @join__enumValue(graph: B)
        }
        """
    )


def test_input_only_enum_with_no_common_value_is_an_error() -> None:
    problems = composition_problems(
        a=federation_2("enum Color { GREEN } type Query { a(c: Color): Int }"),
        b=federation_2("enum Color { BLUE } type Query { b(c: Color): Int }"),
    )
    assert problems == [
        "[EMPTY_MERGED_ENUM_TYPE] Color: used only as an input type, and no value is defined "
        "in every subgraph defining it [a, b]"
    ]


def test_enum_used_as_input_and_output_must_be_equal() -> None:
    problems = composition_problems(
        a=federation_2("enum Color { RED GREEN } type Query { a(c: Color): Color }"),
        b=federation_2("enum Color { RED } type Query { b: Color }"),
    )
    assert problems == [
        "[ENUM_VALUE_MISMATCH] Color.GREEN: enum used as both input and output type must have "
        "the same values everywhere: defined in [a] but not in [b]"
    ]
