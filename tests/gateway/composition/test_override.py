"""@override: the overriding subgraph takes the field; labels keep both for progressive override."""

from __future__ import annotations

from .harness import compose_sdls, composition_problems, expected, federation_2, printed_type


def test_override_moves_the_field() -> None:
    supergraph = compose_sdls(
        a=federation_2('type T @key(fields: "id") { id: ID! total: Int } type Query { t: T }'),
        b=federation_2('type T @key(fields: "id") { id: ID! total: Int @override(from: "a") }'),
    )
    assert printed_type(supergraph, "T") == expected(
        """
        type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID!
          total: Int @join__field(graph: B, override: "a")
        }
        """
    )


def test_progressive_override_label_keeps_both_subgraphs() -> None:
    supergraph = compose_sdls(
        a=federation_2('type T @key(fields: "id") { id: ID! total: Int } type Query { t: T }'),
        b=federation_2(
            'type T @key(fields: "id") { id: ID! total: Int @override(from: "a", label: "percent(25)") }',
            version="v2.7",
        ),
    )
    assert '@link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)' in supergraph
    assert printed_type(supergraph, "T") == expected(
        """
        type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID!
          total: Int @join__field(graph: A, overrideLabel: "percent(25)") @join__field(graph: B, override: "a", overrideLabel: "percent(25)")
        }
        """
    )


def test_overridden_field_still_used_in_a_key_is_marked_used_overridden() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            'type T @key(fields: "id") @key(fields: "sku") { id: ID! sku: String } type Query { t: T }'
        ),
        b=federation_2('type T @key(fields: "id") { id: ID! sku: String @override(from: "a") }'),
    )
    assert "sku: String @join__field(graph: A, usedOverridden: true) " in printed_type(
        supergraph, "T"
    )


def test_override_from_a_subgraph_that_no_longer_exists() -> None:
    supergraph = compose_sdls(
        a=federation_2('type T @key(fields: "id") { id: ID! } type Query { t: T }'),
        b=federation_2('type T @key(fields: "id") { id: ID! legacy: Int @override(from: "gone") }'),
    )
    assert '  legacy: Int @join__field(graph: B, override: "gone")' in supergraph


def test_override_from_itself_is_an_error() -> None:
    problems = composition_problems(
        a=federation_2(
            'type T @key(fields: "id") { id: ID! x: Int @override(from: "a") } type Query { t: T }'
        ),
    )
    assert problems == ["[OVERRIDE_FROM_SELF_ERROR] T.x: [a] overrides the field from itself"]
