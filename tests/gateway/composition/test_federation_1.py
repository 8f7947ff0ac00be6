"""Federation 1 subgraphs (no @link): `extend type` entities, implicit sharing, @external key fields."""

from __future__ import annotations

from .harness import compose_sdls, expected, federation_2, printed_type

PRODUCTS = """
type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }
type Query { topProducts: [Product] }
"""
INVENTORY = """
extend type Product @key(fields: "upc") {
  upc: String! @external
  price: Int @external
  weight: Int @external
  unusedExternal: String @external
  shippingEstimate: Int @requires(fields: "price weight")
}
"""
REVIEWS = """
type Review { body: String author: User @provides(fields: "username") }
extend type User @key(fields: "id") { id: ID! @external username: String @external reviews: [Review] }
extend type Product @key(fields: "upc") { upc: String! @external reviews: [Review] }
"""
ACCOUNTS = """
type User @key(fields: "id") { id: ID! name: String username: String }
extend type Query { me: User }
"""


def test_federation_1_entity_extensions() -> None:
    supergraph = compose_sdls(
        products=PRODUCTS, inventory=INVENTORY, reviews=REVIEWS, accounts=ACCOUNTS
    )
    assert printed_type(supergraph, "Product") == expected(
        """
        type Product @join__type(graph: INVENTORY, key: "upc") @join__type(graph: PRODUCTS, key: "upc") @join__type(graph: REVIEWS, key: "upc") {
          upc: String!
          price: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          weight: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
          name: String @join__field(graph: PRODUCTS)
          reviews: [Review] @join__field(graph: REVIEWS)
        }
        """
    )
    assert printed_type(supergraph, "User") == expected(
        """
        type User @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
          id: ID!
          name: String @join__field(graph: ACCOUNTS)
          username: String @join__field(graph: ACCOUNTS) @join__field(graph: REVIEWS, external: true)
          reviews: [Review] @join__field(graph: REVIEWS)
        }
        """
    )


def test_federation_1_fields_are_implicitly_shareable() -> None:
    supergraph = compose_sdls(
        a="type Money { amount: Int } type Query { price: Money }",
        b="type Money { amount: Int } extend type Query { cost: Money }",
    )
    assert printed_type(supergraph, "Money") == expected(
        """
        type Money @join__type(graph: A) @join__type(graph: B) {
          amount: Int
        }
        """
    )


def test_federation_1_and_2_subgraphs_compose_together() -> None:
    supergraph = compose_sdls(
        legacy='extend type User @key(fields: "id") { id: ID! @external karma: Int }',
        modern=federation_2(
            'type User @key(fields: "id") { id: ID! name: String } type Query { me: User }'
        ),
    )
    assert printed_type(supergraph, "User") == expected(
        """
        type User @join__type(graph: LEGACY, key: "id") @join__type(graph: MODERN, key: "id") {
          id: ID!
          karma: Int @join__field(graph: LEGACY)
          name: String @join__field(graph: MODERN)
        }
        """
    )


def test_extends_directive_marks_an_extension() -> None:
    supergraph = compose_sdls(
        a='type T @key(fields: "id") { id: ID! } type Query { t: T }',
        b='type T @extends @key(fields: "id") { id: ID! @external x: Int }',
    )
    assert printed_type(supergraph, "T").startswith(
        'type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id", extension: true) {'
    )
