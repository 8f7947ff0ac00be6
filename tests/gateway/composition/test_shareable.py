"""@shareable: a non-key field resolved by several Federation 2 subgraphs must be shareable in each."""

from __future__ import annotations

from .harness import compose_sdls, composition_problems, expected, federation_2, printed_type


def test_unshareable_field_in_two_subgraphs_is_an_error_naming_both() -> None:
    problems = composition_problems(
        inventory=federation_2('type Product @key(fields: "id") { id: ID! name: String }'),
        products=federation_2(
            """
            type Product @key(fields: "id") { id: ID! name: String @shareable }
            type Query { p: Product }
            """
        ),
    )
    assert problems == [
        "[INVALID_FIELD_SHARING] Product.name: resolved from [inventory, products] "
        "but not marked @shareable in [inventory]"
    ]


def test_shareable_fields_and_value_types_compose_without_join_fields() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            type Money @shareable { amount: Int! currency: String! }
            type Product @key(fields: "id") { id: ID! price: Money @shareable }
            type Query { p: Product }
            """
        ),
        b=federation_2(
            """
            type Money @shareable { amount: Int! currency: String! }
            type Product @key(fields: "id") { id: ID! price: Money @shareable }
            """
        ),
    )
    assert printed_type(supergraph, "Money") == expected(
        """
        type Money @join__type(graph: A) @join__type(graph: B) {
          amount: Int!
          currency: String!
        }
        """
    )
    assert printed_type(supergraph, "Product") == expected(
        """
        type Product @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID!
          price: Money
        }
        """
    )


def test_key_fields_are_shareable_without_the_directive() -> None:
    supergraph = compose_sdls(
        a=federation_2('type T @key(fields: "id") { id: ID! } type Query { t: T }'),
        b=federation_2('type T @key(fields: "id") { id: ID! }'),
        c=federation_2('type T @key(fields: "id") { id: ID! }'),
    )
    assert "id: ID!\n" in printed_type(supergraph, "T")


def test_root_query_fields_in_several_subgraphs_must_be_shareable() -> None:
    problems = composition_problems(
        a=federation_2("type Query { hello: String }"),
        b=federation_2("type Query { hello: String }"),
    )
    assert problems == [
        "[INVALID_FIELD_SHARING] Query.hello: resolved from [a, b] but not marked @shareable in [a, b]"
    ]
