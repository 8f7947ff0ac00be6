"""@interfaceObject: a subgraph adds fields to an entity interface without knowing its implementations."""

from __future__ import annotations

from .harness import compose_sdls, expected, federation_2, printed_type


def test_interface_object_fields_reach_every_implementation() -> None:
    supergraph = compose_sdls(
        media=federation_2(
            """
            interface Media @key(fields: "id") { id: ID! title: String }
            type Book implements Media @key(fields: "id") { id: ID! title: String author: String }
            type Movie implements Media @key(fields: "id") { id: ID! title: String }
            type Query { media: [Media] }
            """
        ),
        reviews=federation_2(
            """
            type Media @key(fields: "id") @interfaceObject { id: ID! reviews: [String] }
            type Query { topMedia: Media }
            """
        ),
    )
    assert printed_type(supergraph, "Media") == expected(
        """
        interface Media @join__type(graph: MEDIA, key: "id") @join__type(graph: REVIEWS, key: "id", isInterfaceObject: true) {
          id: ID!
          title: String @join__field(graph: MEDIA)
          reviews: [String] @join__field(graph: REVIEWS)
        }
        """
    )
    assert printed_type(supergraph, "Movie") == expected(
        """
        type Movie implements Media @join__type(graph: MEDIA, key: "id") @join__implements(graph: MEDIA, interface: "Media") {
          id: ID!
          title: String
          reviews: [String] @join__field
        }
        """
    )
    assert "  topMedia: Media @join__field(graph: REVIEWS)" in printed_type(supergraph, "Query")
