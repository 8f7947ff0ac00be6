"""@key: several keys, compound and nested keys, `resolvable: false`, entity fields split over subgraphs."""

from __future__ import annotations

from .harness import compose_sdls, expected, federation_2, printed_type


def test_each_key_of_each_subgraph_becomes_a_join_type() -> None:
    supergraph = compose_sdls(
        products=federation_2(
            """
            type Product @key(fields: "id") @key(fields: "sku package { id }") {
              id: ID!
              sku: String!
              package: Package!
              name: String
            }
            type Package @shareable { id: ID! }
            type Query { products: [Product] }
            """
        ),
        reviews=federation_2(
            """
            type Product @key(fields: "id", resolvable: false) { id: ID! }
            type Review { body: String product: Product }
            type Query { reviews: [Review] }
            """
        ),
    )
    assert printed_type(supergraph, "Product") == expected(
        """
        type Product @join__type(graph: PRODUCTS, key: "id") @join__type(graph: PRODUCTS, key: "sku package { id }") @join__type(graph: REVIEWS, key: "id", resolvable: false) {
          id: ID!
          sku: String! @join__field(graph: PRODUCTS)
          package: Package! @join__field(graph: PRODUCTS)
          name: String @join__field(graph: PRODUCTS)
        }
        """
    )
    assert printed_type(supergraph, "Query") == expected(
        """
        type Query @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
          products: [Product] @join__field(graph: PRODUCTS)
          reviews: [Review] @join__field(graph: REVIEWS)
        }
        """
    )
    assert printed_type(supergraph, "Review") == expected(
        """
        type Review @join__type(graph: REVIEWS) {
          body: String
          product: Product
        }
        """
    )


def test_entity_fields_contributed_by_several_subgraphs() -> None:
    supergraph = compose_sdls(
        accounts=federation_2(
            """
            type User @key(fields: "id") { id: ID! name: String }
            type Query { me: User }
            """
        ),
        orders=federation_2(
            """
            type User @key(fields: "id") { id: ID! orders: [Order!]! }
            type Order @key(fields: "id") { id: ID! total: Int! }
            """
        ),
    )
    assert printed_type(supergraph, "User") == expected(
        """
        type User @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: ORDERS, key: "id") {
          id: ID!
          name: String @join__field(graph: ACCOUNTS)
          orders: [Order!]! @join__field(graph: ORDERS)
        }
        """
    )
    # A type from one subgraph needs no @join__field: every field is in every subgraph of it.
    assert printed_type(supergraph, "Order") == expected(
        """
        type Order @join__type(graph: ORDERS, key: "id") {
          id: ID!
          total: Int!
        }
        """
    )


def test_federation_2_extend_type_is_an_extension() -> None:
    supergraph = compose_sdls(
        a=federation_2('type T @key(fields: "id") { id: ID! a: Int } type Query { t: T }'),
        b=federation_2('extend type T @key(fields: "id") { id: ID! b: Int }'),
    )
    assert printed_type(supergraph, "T").splitlines()[0] == (
        'type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id", extension: true) {'
    )


def test_subgraph_names_become_constant_case_graph_enum_values() -> None:
    supergraph = compose_sdls(
        **{
            "user-service": federation_2("type Query { a: Int }"),
            "orderService": federation_2("type Query { b: Int }"),
        }
    )
    assert printed_type(supergraph, "join__Graph") == expected(
        """
        enum join__Graph {
          ORDER_SERVICE @join__graph(name: "orderService", url: "http://orderService.example/graphql")
          USER_SERVICE @join__graph(name: "user-service", url: "http://user-service.example/graphql")
        }
        """
    )
