"""The printed supergraph: the standard link/join header, spec definitions, a valid GraphQL schema."""

from __future__ import annotations

from graphql import build_ast_schema, parse

from gateway.supergraph.model import parse_supergraph

from .harness import compose_sdls, federation_2

SUBGRAPHS = {
    "products": federation_2(
        """
        type Product @key(fields: "id") { id: ID! name: String }
        type Query { products: [Product] }
        type Mutation { rename(id: ID!, name: String!): Product }
        """
    ),
    "reviews": federation_2(
        """
        type Product @key(fields: "id") { id: ID! reviews: [String] }
        type Subscription { reviewAdded: String }
        """
    ),
}


def test_header_declares_link_join_and_roots() -> None:
    supergraph = compose_sdls(**SUBGRAPHS)
    header = supergraph.split("\n\n", 1)[0]
    assert header == (
        "schema\n"
        '  @link(url: "https://specs.apollo.dev/link/v1.0")\n'
        '  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)\n'
        "{\n  query: Query\n  mutation: Mutation\n  subscription: Subscription\n}"
    )
    for definition in (
        "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, "
        "resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on "
        "OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR",
        "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, "
        "type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on "
        "FIELD_DEFINITION | INPUT_FIELD_DEFINITION",
        "directive @join__graph(name: String!, url: String!) on ENUM_VALUE",
        "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE",
        "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION",
        "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE",
        "scalar join__FieldSet",
        "scalar link__Import",
        "enum link__Purpose {",
    ):
        assert definition in supergraph


def test_join_version_follows_the_newest_federation_version() -> None:
    supergraph = compose_sdls(a=federation_2("type Query { a: Int }", version="v2.9"))
    assert '@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)' in supergraph
    assert (
        "directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments)"
        in supergraph
    )
    assert "contextArguments: [join__ContextArgument!]" in supergraph


def test_supergraph_is_a_valid_schema_that_the_gateway_loads() -> None:
    supergraph = compose_sdls(**SUBGRAPHS)
    schema = build_ast_schema(parse(supergraph))
    assert schema.query_type is not None and schema.query_type.name == "Query"
    loaded = parse_supergraph(supergraph)
    assert sorted(subgraph.name for subgraph in loaded.subgraphs.values()) == [
        "products",
        "reviews",
    ]
