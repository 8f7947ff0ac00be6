"""Interfaces and unions: members and implementations recorded per subgraph."""

from __future__ import annotations

from .harness import compose_sdls, expected, federation_2, printed_type


def test_union_members_differ_per_subgraph() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            type Book @shareable { title: String }
            type Movie @shareable { title: String }
            union Media = Book | Movie
            type Query { media: [Media] @shareable }
            """
        ),
        b=federation_2(
            """
            type Book @shareable { title: String }
            type Song { title: String }
            union Media = Book | Song
            type Query { media: [Media] @shareable }
            """
        ),
    )
    assert printed_type(supergraph, "Media") == expected(
        """
        union Media @join__type(graph: A) @join__type(graph: B) @join__unionMember(graph: A, member: "Book") @join__unionMember(graph: A, member: "Movie") @join__unionMember(graph: B, member: "Book") @join__unionMember(graph: B, member: "Song") = Book | Movie | Song
        """
    )


def test_implementations_are_recorded_per_subgraph() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            interface Node { id: ID! }
            type User implements Node @key(fields: "id") { id: ID! name: String @shareable }
            type Query { node(id: ID!): Node }
            """
        ),
        b=federation_2(
            """
            interface Node { id: ID! }
            interface Named { name: String }
            type User implements Node & Named @key(fields: "id") { id: ID! name: String @shareable }
            """
        ),
    )
    assert printed_type(supergraph, "User") == expected(
        """
        type User implements Node & Named @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") @join__implements(graph: A, interface: "Node") @join__implements(graph: B, interface: "Node") @join__implements(graph: B, interface: "Named") {
          id: ID!
          name: String
        }
        """
    )
    assert printed_type(supergraph, "Named") == expected(
        """
        interface Named @join__type(graph: B) {
          name: String
        }
        """
    )


def test_interface_fields_missing_in_a_subgraph_get_join_fields() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            interface Animal { id: ID! sound: String }
            type Dog implements Animal @key(fields: "id") { id: ID! sound: String }
            type Query { animals: [Animal] }
            """
        ),
        b=federation_2(
            """
            interface Animal { id: ID! }
            type Dog implements Animal @key(fields: "id") { id: ID! }
            """
        ),
    )
    assert printed_type(supergraph, "Animal") == expected(
        """
        interface Animal @join__type(graph: A) @join__type(graph: B) {
          id: ID!
          sound: String @join__field(graph: A)
        }
        """
    )


def test_entity_interface_keys() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            interface Media @key(fields: "id") { id: ID! title: String }
            type Book implements Media @key(fields: "id") { id: ID! title: String }
            type Query { media: [Media] }
            """
        ),
    )
    assert printed_type(supergraph, "Media") == expected(
        """
        interface Media @join__type(graph: A, key: "id") {
          id: ID!
          title: String
        }
        """
    )
