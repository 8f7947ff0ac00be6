"""Definitions of the link, join and carried spec directives that a supergraph declares."""

from __future__ import annotations

from .links import version_tuple

LINK_URL = "https://specs.apollo.dev/link/v1.0"

LINK_DEFINITIONS = '''directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar link__Import

enum link__Purpose {
  """
  `SECURITY` features provide metadata necessary to securely resolve fields.
  """
  SECURITY

  """
  `EXECUTION` features provide metadata necessary for operation execution.
  """
  EXECUTION
}'''

# Carried specs: (name, link URL, purpose, definitions), in the order supergraphs list them.
CARRIED_SPECS: tuple[tuple[str, str, str | None, str], ...] = (
    (
        "tag",
        "https://specs.apollo.dev/tag/v0.3",
        None,
        "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE "
        "| UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT "
        "| INPUT_FIELD_DEFINITION | SCHEMA",
    ),
    (
        "cost",
        "https://specs.apollo.dev/cost/v0.1",
        None,
        "directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION "
        "| INPUT_FIELD_DEFINITION | OBJECT | SCALAR\n\n"
        "directive @listSize(assumedSize: Int, slicingArguments: [String!], "
        "sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION",
    ),
    (
        "inaccessible",
        "https://specs.apollo.dev/inaccessible/v0.2",
        "SECURITY",
        "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ENUM "
        "| ENUM_VALUE | SCALAR | INPUT_OBJECT | INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION",
    ),
    (
        "policy",
        "https://specs.apollo.dev/policy/v0.1",
        "SECURITY",
        "directive @policy(policies: [[policy__Policy!]!]!) on ENUM | FIELD_DEFINITION "
        "| INTERFACE | OBJECT | SCALAR\n\nscalar policy__Policy",
    ),
    (
        "requiresScopes",
        "https://specs.apollo.dev/requiresScopes/v0.1",
        "SECURITY",
        "directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION "
        "| OBJECT | INTERFACE | SCALAR | ENUM\n\nscalar requiresScopes__Scope",
    ),
    (
        "authenticated",
        "https://specs.apollo.dev/authenticated/v0.1",
        "SECURITY",
        "directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM",
    ),
)


def join_version(federation_versions: list[str]) -> str:
    """The join spec version the reference tools pick for the newest federation version used."""
    newest = max((version_tuple(v) for v in federation_versions), default=(2, 0))
    if newest >= (2, 8):
        return "v0.5"
    if newest >= (2, 7):
        return "v0.4"
    return "v0.3"


def join_definitions(version: str) -> str:
    minor = version_tuple(version)[1]
    field_arguments = [
        "graph: join__Graph",
        "requires: join__FieldSet",
        "provides: join__FieldSet",
        "type: String",
        "external: Boolean",
        "override: String",
        "usedOverridden: Boolean",
    ]
    if minor >= 4:
        field_arguments.append("overrideLabel: String")
    if minor >= 5:
        field_arguments.append("contextArguments: [join__ContextArgument!]")
    parts = [
        "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE",
        "directive @join__field(" + ", ".join(field_arguments) + ") repeatable on "
        "FIELD_DEFINITION | INPUT_FIELD_DEFINITION",
        "directive @join__graph(name: String!, url: String!) on ENUM_VALUE",
        "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on "
        "OBJECT | INTERFACE",
        "directive @join__type(graph: join__Graph!, key: join__FieldSet, "
        "extension: Boolean! = false, resolvable: Boolean! = true, "
        "isInterfaceObject: Boolean! = false) repeatable on "
        "OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR",
        "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION",
        "scalar join__FieldSet",
    ]
    if minor >= 4:
        parts.insert(
            1,
            "directive @join__directive(graphs: [join__Graph!], name: String!, "
            "args: join__DirectiveArguments) repeatable on "
            "SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION",
        )
        parts.append("scalar join__DirectiveArguments")
    if minor >= 5:
        parts.append(
            "input join__ContextArgument {\n  name: String!\n  type: String!\n"
            "  context: String!\n  selection: join__FieldValue!\n}"
        )
        parts.append("scalar join__FieldValue")
    return "\n\n".join(parts)
