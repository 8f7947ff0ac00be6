"""Subgraph `@link`s: renamed and namespaced federation imports, renamed root types, stripped machinery."""

from __future__ import annotations

import re

from .harness import compose_sdls, expected, printed_type


def test_renamed_and_namespaced_federation_directives() -> None:
    supergraph = compose_sdls(
        a="""
        extend schema
          @link(url: "https://specs.apollo.dev/link/v1.0")
          @link(url: "https://specs.apollo.dev/federation/v2.3", import: [{ name: "@key", as: "@primaryKey" }])
        directive @primaryKey(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
        scalar federation__FieldSet
        type T @primaryKey(fields: "id") { id: ID! x: Int @federation__shareable w: Int }
        type Query { t: T }
        """,
        b="""
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", as: "fed", import: ["@key"])
        type T @key(fields: "id") {
          id: ID! x: Int @fed__shareable w: Int @fed__external y: Int @fed__requires(fields: "w")
        }
        """,
    )
    assert printed_type(supergraph, "T") == expected(
        """
        type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID!
          x: Int
          w: Int @join__field(graph: A) @join__field(graph: B, external: true)
          y: Int @join__field(graph: B, requires: "w")
        }
        """
    )
    assert "primaryKey" not in supergraph
    assert "federation__FieldSet" not in supergraph


def test_subgraph_protocol_types_and_fields_are_stripped() -> None:
    supergraph = compose_sdls(
        a="""
        schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"]) { query: Query }
        directive @key(fields: _FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
        directive @link(url: String!, import: [link__Import]) repeatable on SCHEMA
        scalar _FieldSet
        scalar link__Import
        scalar _Any
        union _Entity = T
        type _Service { sdl: String! }
        type T @key(fields: "id") { id: ID! }
        type Query {
          _entities(representations: [_Any!]!): [_Entity]!
          _service: _Service!
          t: T
        }
        """,
    )
    for machinery in ("_Service", "_Entity", "_Any", "_FieldSet", "_entities", "_service"):
        assert re.search(rf"\b{machinery}\b", supergraph) is None
    assert printed_type(supergraph, "Query") == expected(
        """
        type Query @join__type(graph: A) {
          t: T
        }
        """
    )


def test_renamed_root_types_become_query_and_mutation() -> None:
    supergraph = compose_sdls(
        a="""
        schema { query: RootQuery mutation: RootMutation }
        type RootQuery { hello: String }
        type RootMutation { save(q: String): RootQuery }
        """,
    )
    assert printed_type(supergraph, "Mutation") == expected(
        """
        type Mutation @join__type(graph: A) {
          save(q: String): Query
        }
        """
    )
    assert "RootQuery" not in supergraph
