"""Field and argument types: nullability merges, list shapes must agree, arguments intersect."""

from __future__ import annotations

from .harness import compose_sdls, composition_problems, expected, federation_2, printed_type


def test_conflicting_field_types_name_the_coordinate_and_subgraphs() -> None:
    problems = composition_problems(
        inventory=federation_2('type Product @key(fields: "id") { id: ID! price: Int @shareable }'),
        products=federation_2(
            """
            type Product @key(fields: "id") { id: ID! price: String @shareable }
            type Query { p: Product }
            """
        ),
    )
    assert problems == [
        "[FIELD_TYPE_MISMATCH] Product.price: type Int in [inventory] but String in [products]"
    ]


def test_output_types_merge_to_the_nullable_form_with_per_subgraph_types() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            type T @key(fields: "id") { id: ID! n: Int! @shareable tags: [String!]! @shareable }
            type Query { t: T }
            """
        ),
        b=federation_2(
            'type T @key(fields: "id") { id: ID! n: Int @shareable tags: [String] @shareable }'
        ),
    )
    assert printed_type(supergraph, "T") == expected(
        """
        type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID!
          n: Int @join__field(graph: A, type: "Int!") @join__field(graph: B, type: "Int")
          tags: [String] @join__field(graph: A, type: "[String!]!") @join__field(graph: B, type: "[String]")
        }
        """
    )


def test_list_shapes_must_agree() -> None:
    problems = composition_problems(
        a=federation_2(
            'type T @key(fields: "id") { id: ID! v: [Int] @shareable } type Query { t: T }'
        ),
        b=federation_2('type T @key(fields: "id") { id: ID! v: [[Int]] @shareable }'),
    )
    assert problems == ["[FIELD_TYPE_MISMATCH] T.v: type [Int] in [a] but [[Int]] in [b]"]


def test_arguments_intersect_and_take_the_strictest_type() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            "type Query { search(text: String, limit: Int!, fuzzy: Boolean): [String] @shareable }"
        ),
        b=federation_2("type Query { search(text: String!, limit: Int!): [String] @shareable }"),
    )
    assert printed_type(supergraph, "Query") == expected(
        """
        type Query @join__type(graph: A) @join__type(graph: B) {
          search(text: String!, limit: Int!): [String]
        }
        """
    )


def test_required_argument_missing_in_a_subgraph_is_an_error() -> None:
    problems = composition_problems(
        a=federation_2("type Query { search(text: String!): [String] @shareable }"),
        b=federation_2("type Query { search: [String] @shareable }"),
    )
    assert problems == [
        "[REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH] Query.search(text:): "
        "required in [a] but missing in [b]"
    ]


def test_argument_defaults_must_agree() -> None:
    problems = composition_problems(
        a=federation_2("type Query { list(first: Int = 10): [String] @shareable }"),
        b=federation_2("type Query { list(first: Int = 20): [String] @shareable }"),
    )
    assert problems == [
        "[FIELD_ARGUMENT_DEFAULT_MISMATCH] Query.list(first:): default value 10 in [a] but 20 in [b]"
    ]


def test_type_kind_mismatch() -> None:
    problems = composition_problems(
        a=federation_2("type Query { x: Thing } type Thing { id: ID }"),
        b=federation_2("interface Thing { id: ID }"),
    )
    assert problems == ["[TYPE_KIND_MISMATCH] Thing: object in [a] but interface in [b]"]
