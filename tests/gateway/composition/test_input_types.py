"""Input types: the intersection of fields; a required field must be in every subgraph."""

from __future__ import annotations

from .harness import compose_sdls, composition_problems, expected, federation_2, printed_type


def test_input_fields_intersect_and_take_the_strictest_type() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            input Filter { name: String limit: Int = 10 tags: [String!] onlyInA: Boolean }
            type Query { a(f: Filter): Int }
            """
        ),
        b=federation_2(
            """
            input Filter { name: String limit: Int = 10 tags: [String!]! }
            type Query { b(f: Filter): Int }
            """
        ),
    )
    assert printed_type(supergraph, "Filter") == expected(
        """
        input Filter @join__type(graph: A) @join__type(graph: B) {
          name: String
          limit: Int = 10
          tags: [String!]! @join__field(graph: A, type: "[String!]") @join__field(graph: B, type: "[String!]!")
        }
        """
    )


def test_required_input_field_missing_in_a_subgraph_is_an_error() -> None:
    problems = composition_problems(
        a=federation_2("input Filter { name: String! page: Int } type Query { a(f: Filter): Int }"),
        b=federation_2("input Filter { page: Int } type Query { b(f: Filter): Int }"),
    )
    assert problems == [
        "[REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH] Filter.name: required in [a] but missing in [b]"
    ]


def test_input_type_with_no_common_field_is_an_error() -> None:
    problems = composition_problems(
        a=federation_2("input Filter { x: Int } type Query { a(f: Filter): Int }"),
        b=federation_2("input Filter { y: Int } type Query { b(f: Filter): Int }"),
    )
    assert problems == [
        "[EMPTY_MERGED_INPUT_TYPE] Filter: no field is defined in every subgraph defining it [a, b]"
    ]
