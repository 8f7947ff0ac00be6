"""Directives carried into the supergraph: @inaccessible, @tag, @authenticated, @requiresScopes,
@policy, @cost/@listSize and the ones a subgraph names with @composeDirective."""

from __future__ import annotations

from .harness import compose_sdls, expected, federation_2, printed_type


def test_inaccessible_and_tags_are_merged_and_their_specs_linked() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            type T @key(fields: "id") @tag(name: "public") {
              id: ID! @tag(name: "id")
              secret: String @inaccessible
              find(by: String @tag(name: "arg")): Int
            }
            enum Level { LOW HIDDEN @inaccessible }
            type Query { t: T level: Level }
            """
        ),
        b=federation_2(
            'type T @key(fields: "id") @tag(name: "team-b") { id: ID! @tag(name: "id") }'
        ),
    )
    assert '@link(url: "https://specs.apollo.dev/tag/v0.3")' in supergraph
    assert '@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)' in supergraph
    assert "directive @inaccessible on FIELD_DEFINITION" in supergraph
    assert printed_type(supergraph, "T") == expected(
        """
        type T @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") @tag(name: "public") @tag(name: "team-b") {
          id: ID! @tag(name: "id")
          secret: String @join__field(graph: A) @inaccessible
          find(by: String @tag(name: "arg")): Int @join__field(graph: A)
        }
        """
    )
    assert printed_type(supergraph, "Level") == expected(
        """
        enum Level @join__type(graph: A) {
          LOW @join__enumValue(graph: A)
          HIDDEN @join__enumValue(graph: A) @inaccessible
        }
        """
    )


def test_authorization_directives_are_carried_and_requirements_combined() -> None:
    supergraph = compose_sdls(
        a=federation_2(
            """
            type Account @key(fields: "id") @authenticated {
              id: ID!
              balance: Int @requiresScopes(scopes: [["read:balance"], ["admin"]]) @shareable
              audit: String @policy(policies: [["auditor"]])
            }
            type Query { account: Account }
            """
        ),
        b=federation_2(
            """
            type Account @key(fields: "id") {
              id: ID!
              balance: Int @requiresScopes(scopes: [["finance"]]) @shareable
            }
            """
        ),
    )
    for spec in ("authenticated", "requiresScopes", "policy"):
        assert f'@link(url: "https://specs.apollo.dev/{spec}/v0.1", for: SECURITY)' in supergraph
    # Both subgraphs' requirements must hold: ("read:balance" or "admin") and "finance".
    assert printed_type(supergraph, "Account") == expected(
        """
        type Account @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") @authenticated {
          id: ID!
          balance: Int @requiresScopes(scopes: [["admin", "finance"], ["finance", "read:balance"]])
          audit: String @join__field(graph: A) @policy(policies: [["auditor"]])
        }
        """
    )


def test_cost_and_list_size() -> None:
    supergraph = compose_sdls(
        a="""
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
        type Query {
          items(first: Int): [Int] @listSize(slicingArguments: ["first"]) @cost(weight: 5)
        }
        """,
    )
    assert '@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])' in supergraph
    assert (
        '  items(first: Int): [Int] @cost(weight: 5) @listSize(slicingArguments: ["first"])'
        in supergraph
    )


def test_compose_directive_carries_a_custom_directive_and_its_link() -> None:
    supergraph = compose_sdls(
        a="""
        extend schema
          @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@composeDirective"])
          @link(url: "https://example.com/caching/v1.0", import: ["@cached"])
          @composeDirective(name: "@cached")
        directive @cached(seconds: Int!) on FIELD_DEFINITION | OBJECT
        type Query { prices: [Int] @cached(seconds: 30) }
        """,
        b=federation_2('type Query { other: Int @deprecated(reason: "use prices") }'),
    )
    assert '@link(url: "https://example.com/caching/v1.0", import: ["@cached"])' in supergraph
    assert "directive @cached(seconds: Int!) on FIELD_DEFINITION | OBJECT" in supergraph
    assert printed_type(supergraph, "Query") == expected(
        """
        type Query @join__type(graph: A) @join__type(graph: B) {
          prices: [Int] @join__field(graph: A) @cached(seconds: 30)
          other: Int @join__field(graph: B) @deprecated(reason: "use prices")
        }
        """
    )
