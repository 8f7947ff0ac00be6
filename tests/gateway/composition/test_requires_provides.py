"""@external, @requires and @provides become join__field arguments of the subgraph using them."""

from __future__ import annotations

from .harness import compose_sdls, composition_problems, expected, federation_2, printed_type


def test_requires_marks_the_required_fields_external_in_that_subgraph() -> None:
    supergraph = compose_sdls(
        products=federation_2(
            """
            type Product @key(fields: "upc") { upc: String! price: Int weight: Int }
            type Query { top: [Product] }
            """
        ),
        inventory=federation_2(
            """
            type Product @key(fields: "upc") {
              upc: String!
              price: Int @external
              weight: Int @external
              shippingEstimate: Int @requires(fields: "price weight")
            }
            """
        ),
    )
    assert printed_type(supergraph, "Product") == expected(
        """
        type Product @join__type(graph: INVENTORY, key: "upc") @join__type(graph: PRODUCTS, key: "upc") {
          upc: String!
          price: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          weight: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
        }
        """
    )


def test_provides_on_a_non_resolvable_key() -> None:
    supergraph = compose_sdls(
        accounts=federation_2(
            """
            type User @key(fields: "id") { id: ID! username: String @shareable }
            type Query { me: User }
            """
        ),
        reviews=federation_2(
            """
            type User @key(fields: "id", resolvable: false) { id: ID! username: String @external }
            type Review { body: String author: User @provides(fields: "username") }
            type Query { reviews: [Review] }
            """
        ),
    )
    assert printed_type(supergraph, "User") == expected(
        """
        type User @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: REVIEWS, key: "id", resolvable: false) {
          id: ID!
          username: String @join__field(graph: ACCOUNTS) @join__field(graph: REVIEWS, external: true)
        }
        """
    )
    assert printed_type(supergraph, "Review") == expected(
        """
        type Review @join__type(graph: REVIEWS) {
          body: String
          author: User @join__field(graph: REVIEWS, provides: "username")
        }
        """
    )


def test_nested_requires() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            type Dimensions @shareable { size: Int weight: Int }
            type Product @key(fields: "id") { id: ID! dimensions: Dimensions @shareable }
            type Query { p: Product }
            """
        ),
        b=federation_2(
            """
            type Dimensions @shareable { size: Int weight: Int }
            type Product @key(fields: "id") {
              id: ID!
              dimensions: Dimensions @external
              shipping: Int @requires(fields: "dimensions { size weight }")
            }
            """
        ),
    )
    assert printed_type(supergraph, "Product") == expected(
        """
        type Product @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID!
          dimensions: Dimensions @join__field(graph: A) @join__field(graph: B, external: true)
          shipping: Int @join__field(graph: B, requires: "dimensions { size weight }")
        }
        """
    )


def test_external_field_that_no_subgraph_resolves_is_an_error() -> None:
    problems = composition_problems(
        a=federation_2('type T @key(fields: "id") { id: ID! } type Query { t: T }'),
        b=federation_2(
            'type T @key(fields: "id") { id: ID! w: Int @external x: Int @requires(fields: "w") }'
        ),
    )
    assert problems == [
        "[EXTERNAL_MISSING_ON_BASE] T.w: marked @external in every subgraph defining it [b]: "
        "no subgraph resolves it"
    ]
