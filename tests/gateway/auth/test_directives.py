"""Enforcing @authenticated, @requiresScopes and @policy on operations against an inline schema."""

from __future__ import annotations

from textwrap import dedent

import pytest
from graphql import GraphQLSchema, build_schema, parse, print_ast, validate

from common.errors import BadUserInput, Forbidden, Unauthenticated
from common.tenancy import Caller
from gateway.auth.directives import DirectiveEnforcer, authorize_operation
from gateway.auth.policies import PolicyContext, PolicyRegistry

SDL = """
directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM

type Query {
  models(tenant: String): [Model!]!
  model(id: ID!): Model
  me: User @authenticated
  audit: [AuditEvent!]! @requiresScopes(scopes: [["admin"], ["audit:read", "registry:read"]])
  node(id: ID!): Node
  search(text: String!): [SearchResult!]!
  ownedBy(owner: String!): [Model!]! @policy(policies: [["is-owner"], ["tenant-matches", "has-project"]])
  byTenant(tenant: String!): [Model!]! @policy(policies: [["tenant-matches"]])
  strange: String @policy(policies: [["no-such-policy"]])
}

type Mutation {
  registerModel(name: String!): Model @requiresScopes(scopes: [["registry:write"]])
}

interface Node { id: ID! }

type Model implements Node {
  id: ID!
  name: String!
  owner: String @requiresScopes(scopes: [["registry:write"]])
  secret: Secret
  versions: [Version!]!
}

type Version implements Node {
  id: ID!
  notes: String @authenticated
}

type Secret @requiresScopes(scopes: [["admin"]]) { value: String }

type AuditEvent { id: ID! }

type User { name: String }

union SearchResult = Model | Secret
"""

ANONYMOUS = Caller(user="", roles=(), scopes=frozenset())
VIEWER = Caller(user="vic", tenant="acme", roles=("viewer",), scopes=frozenset({"registry:read"}))
WRITER = Caller(
    user="wes",
    tenant="acme",
    roles=("contributor",),
    scopes=frozenset({"registry:read", "registry:write"}),
)
ADMIN = Caller(
    user="ada",
    tenant="acme",
    roles=("admin",),
    scopes=frozenset({"admin", "registry:read", "registry:write"}),
)


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema(SDL)


def authorize(
    schema: GraphQLSchema,
    query: str,
    caller: Caller,
    variables: dict[str, object] | None = None,
    name: str | None = None,
):  # type: ignore[no-untyped-def]
    document = parse(query)
    assert validate(schema, document) == []
    result = authorize_operation(schema, document, name, caller, variables)
    assert validate(schema, result.document) == [] or not result.changed
    return result


def errors_of(result) -> set[tuple[tuple[str, ...], str]]:  # type: ignore[no-untyped-def]
    return {(error.path, error.code) for error in result.errors}


def printed(result) -> str:  # type: ignore[no-untyped-def]
    return print_ast(result.document).strip()


def test_an_unrestricted_operation_is_returned_untouched(schema: GraphQLSchema) -> None:
    document = parse("{ models { id name } }")
    result = authorize_operation(schema, document, None, ANONYMOUS)
    assert result.document is document
    assert result.errors == ()


def test_authenticated_fields_are_removed_for_anonymous_callers(schema: GraphQLSchema) -> None:
    result = authorize(schema, "{ models { id } me { name } }", ANONYMOUS)
    assert errors_of(result) == {(("me",), "UNAUTHENTICATED")}
    assert printed(result) == dedent(
        """\
        {
          models {
            id
          }
        }"""
    )
    assert authorize(schema, "{ me { name } }", VIEWER).errors == ()


def test_scopes_are_an_or_of_ands(schema: GraphQLSchema) -> None:
    query = "{ audit { id } }"
    assert errors_of(authorize(schema, query, VIEWER)) == {(("audit",), "FORBIDDEN")}
    assert authorize(schema, query, ADMIN).errors == ()
    auditor = Caller(user="al", scopes=frozenset({"audit:read", "registry:read"}))
    assert authorize(schema, query, auditor).errors == ()
    half = Caller(user="al", scopes=frozenset({"audit:read"}))
    assert errors_of(authorize(schema, query, half)) == {(("audit",), "FORBIDDEN")}
    assert errors_of(authorize(schema, query, ANONYMOUS)) == {(("audit",), "UNAUTHENTICATED")}


def test_nested_denials_are_reported_at_their_alias_paths(schema: GraphQLSchema) -> None:
    result = authorize(
        schema, "{ models { id who: owner owner versions { n: notes id } } }", ANONYMOUS
    )
    assert errors_of(result) == {
        (("models", "who"), "UNAUTHENTICATED"),
        (("models", "owner"), "UNAUTHENTICATED"),
        (("models", "versions", "n"), "UNAUTHENTICATED"),
    }
    assert "owner" not in printed(result) and "notes" not in printed(result)
    assert "id" in printed(result)


def test_a_type_requirement_applies_to_every_field_returning_it(schema: GraphQLSchema) -> None:
    result = authorize(schema, "{ model(id: 1) { name secret { value } } }", WRITER)
    assert errors_of(result) == {(("model", "secret"), "FORBIDDEN")}
    assert authorize(schema, "{ model(id: 1) { secret { value } } }", ADMIN).errors == ()


def test_an_emptied_selection_set_keeps_typename_and_says_where(schema: GraphQLSchema) -> None:
    result = authorize(schema, "{ model(id: 1) { owner } }", VIEWER)
    assert errors_of(result) == {(("model", "owner"), "FORBIDDEN")}
    assert printed(result) == dedent(
        """\
        {
          model(id: 1) {
            __typename
          }
        }"""
    )
    assert result.placeholders == (("model",),)


def test_an_operation_that_loses_every_root_field_selects_typename(schema: GraphQLSchema) -> None:
    result = authorize(schema, 'mutation { registerModel(name: "m") { id } }', VIEWER)
    assert errors_of(result) == {(("registerModel",), "FORBIDDEN")}
    assert "__typename" in printed(result)
    assert result.placeholders == ((),)


def test_named_fragments_are_rewritten_and_errors_reported_at_each_use(
    schema: GraphQLSchema,
) -> None:
    query = """
      query Q { a: model(id: 1) { ...M } b: model(id: 2) { ...M } }
      fragment M on Model { name owner }
    """
    result = authorize(schema, query, VIEWER, name="Q")
    assert errors_of(result) == {(("a", "owner"), "FORBIDDEN"), (("b", "owner"), "FORBIDDEN")}
    assert "fragment M on Model {\n  name\n}" in printed(result)


def test_a_fragment_emptied_entirely_is_dropped(schema: GraphQLSchema) -> None:
    query = """
      { model(id: 1) { id ...OnlyOwner } }
      fragment OnlyOwner on Model { owner }
    """
    result = authorize(schema, query, VIEWER)
    assert errors_of(result) == {(("model", "owner"), "FORBIDDEN")}
    assert "OnlyOwner" not in printed(result)


def test_inline_fragments_on_a_denied_type_are_removed(schema: GraphQLSchema) -> None:
    query = '{ search(text: "x") { __typename ... on Model { name } ... on Secret { value } } }'
    result = authorize(schema, query, VIEWER)
    assert errors_of(result) == {(("search",), "FORBIDDEN")}
    assert "Secret" not in printed(result) and "name" in printed(result)
    assert authorize(schema, query, ADMIN).errors == ()


def test_interface_fields_carry_the_requirements_of_every_implementation(
    schema: GraphQLSchema,
) -> None:
    result = authorize(schema, "{ node(id: 1) { id ... on Version { notes } } }", ANONYMOUS)
    assert errors_of(result) == {(("node", "notes"), "UNAUTHENTICATED")}
    assert "id" in printed(result)


def test_policies_see_the_caller_and_the_arguments(schema: GraphQLSchema) -> None:
    query = "query ($t: String!) { byTenant(tenant: $t) { id } }"
    assert authorize(schema, query, VIEWER, {"t": "acme"}).errors == ()
    assert errors_of(authorize(schema, query, VIEWER, {"t": "globex"})) == {
        (("byTenant",), "FORBIDDEN")
    }


def test_policy_alternatives_are_or_of_ands(schema: GraphQLSchema) -> None:
    query = 'query { ownedBy(owner: "vic") { id } }'
    assert authorize(schema, query, VIEWER).errors == ()  # is-owner
    other = 'query { ownedBy(owner: "someone") { id } }'
    assert errors_of(authorize(schema, other, VIEWER)) == {(("ownedBy",), "FORBIDDEN")}
    with_project = Caller(user="vic", tenant="acme", project="p1", scopes=frozenset())
    assert authorize(schema, other, with_project).errors == ()  # tenant-matches AND has-project


def test_an_unknown_policy_denies(schema: GraphQLSchema) -> None:
    assert errors_of(authorize(schema, "{ strange }", ADMIN)) == {(("strange",), "FORBIDDEN")}


def test_custom_policies_can_be_registered(schema: GraphQLSchema) -> None:
    policies = PolicyRegistry.with_defaults()
    seen: list[PolicyContext] = []

    def strange(caller: Caller, context: PolicyContext) -> bool:
        seen.append(context)
        return caller.user == "ada"

    policies.register("no-such-policy", strange)
    enforcer = DirectiveEnforcer(schema, policies)
    assert enforcer.authorize(parse("{ strange }"), None, ADMIN).errors == ()
    assert enforcer.authorize(parse("{ strange }"), None, VIEWER).errors != ()
    assert seen[0].coordinate == "Query.strange"


def test_a_failing_policy_denies_instead_of_crashing(schema: GraphQLSchema) -> None:
    def broken(caller: Caller, context: PolicyContext) -> bool:
        raise RuntimeError("bug")

    enforcer = DirectiveEnforcer(schema, PolicyRegistry({"tenant-matches": broken}))
    result = enforcer.authorize(parse('{ byTenant(tenant: "acme") { id } }'), None, ADMIN)
    assert result.errors[0].code == "FORBIDDEN"


def test_whole_operation_rejection(schema: GraphQLSchema) -> None:
    enforcer = DirectiveEnforcer(schema, reject_whole_operation=True)
    with pytest.raises(Forbidden) as forbidden:
        enforcer.authorize(parse("{ models { id owner } }"), None, VIEWER)
    assert forbidden.value.extensions()["paths"] == [["models", "owner"]]
    with pytest.raises(Unauthenticated):
        enforcer.authorize(parse("{ me { name } }"), None, ANONYMOUS)
    assert enforcer.authorize(parse("{ models { id owner } }"), None, WRITER).errors == ()


def test_errors_render_as_graphql_errors(schema: GraphQLSchema) -> None:
    result = authorize(schema, "{ me { name } }", ANONYMOUS)
    assert result.errors[0].to_graphql() == {
        "message": "Query.me requires authentication",
        "path": ["me"],
        "extensions": {"code": "UNAUTHENTICATED"},
    }


def test_the_cache_key_depends_only_on_what_the_decision_depends_on(schema: GraphQLSchema) -> None:
    enforcer = DirectiveEnforcer(schema)
    document = parse("{ models { id owner } }")
    key = lambda caller: enforcer.cache_key(document, None, caller, document_key="d1")  # noqa: E731
    other_viewer = Caller(user="zoe", tenant="globex", scopes=frozenset({"registry:read", "x"}))
    assert key(VIEWER) == key(other_viewer)  # same relevant scopes, both authenticated
    assert key(VIEWER) != key(WRITER)
    assert key(VIEWER) != key(Caller(user="", scopes=VIEWER.scopes))
    unrestricted = parse("{ models { id } }")
    assert enforcer.cache_key(unrestricted, None, ADMIN, document_key="d2") == enforcer.cache_key(
        unrestricted, None, ANONYMOUS, document_key="d2"
    )
    assert enforcer.cache_key(document, None, ADMIN, document_key=None) is None


def test_policy_outcomes_are_part_of_the_cache_key(schema: GraphQLSchema) -> None:
    enforcer = DirectiveEnforcer(schema)
    document = parse("query ($t: String!) { byTenant(tenant: $t) { id } }")
    first = enforcer.authorize(document, None, VIEWER, {"t": "acme"}, document_key="d")
    second = enforcer.authorize(document, None, VIEWER, {"t": "globex"}, document_key="d")
    assert first.errors == () and second.errors != ()
    again = enforcer.authorize(document, None, VIEWER, {"t": "acme"}, document_key="d")
    assert again is first


def test_cached_results_are_reused(schema: GraphQLSchema) -> None:
    enforcer = DirectiveEnforcer(schema)
    document = parse("{ models { id owner } }")
    first = enforcer.authorize(document, None, VIEWER, document_key="d")
    assert enforcer.authorize(document, None, VIEWER, document_key="d") is first


def test_directives_renamed_by_the_supergraph_are_recognised() -> None:
    schema = build_schema(
        """
        directive @auth__authenticated on FIELD_DEFINITION
        directive @scopes(scopes: [[String!]!]!) on FIELD_DEFINITION
        type Query { me: String @auth__authenticated, audit: String @scopes(scopes: [["admin"]]) }
        """
    )
    enforcer = DirectiveEnforcer(
        schema, directive_names={"authenticated": "auth__authenticated", "requiresScopes": "scopes"}
    )
    result = enforcer.authorize(parse("{ me audit }"), None, ANONYMOUS)
    assert errors_of(result) == {(("me",), "UNAUTHENTICATED"), (("audit",), "UNAUTHENTICATED")}
    plain = DirectiveEnforcer(schema).authorize(parse("{ me audit }"), None, ANONYMOUS)
    assert plain.errors == ()


def test_operation_selection_errors_are_bad_input(schema: GraphQLSchema) -> None:
    document = parse("query A { models { id } } query B { me { name } }")
    enforcer = DirectiveEnforcer(schema)
    with pytest.raises(BadUserInput):
        enforcer.authorize(document, None, VIEWER)
    with pytest.raises(BadUserInput):
        enforcer.authorize(document, "C", VIEWER)
    with pytest.raises(BadUserInput, match="subscription"):
        enforcer.authorize(parse("subscription { models { id } }"), None, VIEWER)
    assert errors_of(enforcer.authorize(document, "B", ANONYMOUS)) == {(("me",), "UNAUTHENTICATED")}
