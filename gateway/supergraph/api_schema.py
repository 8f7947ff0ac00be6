"""Derives the client-facing API schema: join/link machinery stripped, @inaccessible removed."""

from __future__ import annotations

from typing import Any

from graphql import (
    DirectiveDefinitionNode,
    DirectiveLocation,
    DirectiveNode,
    DocumentNode,
    EnumTypeDefinitionNode,
    EnumTypeExtensionNode,
    GraphQLSchema,
    Node,
    SchemaDefinitionNode,
    SchemaExtensionNode,
    build_ast_schema,
)
from graphql.error import GraphQLError

from gateway.errors import SupergraphError
from gateway.supergraph.spec_names import COST_SPECS, SECURITY_SPECS, SpecNames

_EXECUTABLE_LOCATIONS = {
    DirectiveLocation.QUERY.name,
    DirectiveLocation.MUTATION.name,
    DirectiveLocation.SUBSCRIPTION.name,
    DirectiveLocation.FIELD.name,
    DirectiveLocation.FRAGMENT_DEFINITION.name,
    DirectiveLocation.FRAGMENT_SPREAD.name,
    DirectiveLocation.INLINE_FRAGMENT.name,
    DirectiveLocation.VARIABLE_DEFINITION.name,
}


def replace_node(node: Any, **changes: Any) -> Any:
    values = {key: getattr(node, key, None) for key in node.keys}
    values.update(changes)
    return node.__class__(**values)


def build_api_schema(document: DocumentNode, names: SpecNames) -> GraphQLSchema:
    kept_directives = {
        names.security_name(spec) for spec in (*SECURITY_SPECS, *COST_SPECS)
    }

    def keep_directive(directive: DirectiveNode) -> bool:
        name = directive.name.value
        return not names.is_machinery_directive(name) and (
            name in kept_directives or True
        )

    def hidden(node: Node) -> bool:
        return any(
            d.name.value == names.inaccessible for d in getattr(node, "directives", None) or ()
        )

    def clean(node: Any) -> Any:
        directives = [d for d in node.directives or () if keep_directive(d)]
        changes: dict[str, Any] = {"directives": tuple(directives)}
        for attribute in ("fields", "values", "arguments"):
            children = getattr(node, attribute, None)
            if children:
                changes[attribute] = tuple(clean(c) for c in children if not hidden(c))
        return replace_node(node, **changes)

    hidden_types = {
        d.name.value
        for d in document.definitions
        if hasattr(d, "name") and not isinstance(d, DirectiveDefinitionNode) and hidden(d)
    }
    definitions: list[Any] = []
    for definition in document.definitions:
        if isinstance(definition, (SchemaDefinitionNode, SchemaExtensionNode)):
            definitions.append(replace_node(definition, directives=()))
            continue
        if isinstance(definition, DirectiveDefinitionNode):
            name = definition.name.value
            if names.is_machinery_directive(name) or name in kept_directives:
                continue
            locations = {loc.value for loc in definition.locations}
            if locations & _EXECUTABLE_LOCATIONS:
                definitions.append(definition)
            continue
        name = definition.name.value  # type: ignore[attr-defined]
        if names.is_machinery(name) or name in hidden_types:
            continue
        if isinstance(definition, (EnumTypeDefinitionNode, EnumTypeExtensionNode)):
            definitions.append(clean(definition))
            continue
        cleaned = clean(definition)
        if hasattr(cleaned, "types") and cleaned.types:
            cleaned = replace_node(
                cleaned, types=tuple(t for t in cleaned.types if t.name.value not in hidden_types)
            )
        if hasattr(cleaned, "interfaces") and cleaned.interfaces:
            cleaned = replace_node(
                cleaned,
                interfaces=tuple(t for t in cleaned.interfaces if t.name.value not in hidden_types),
            )
        definitions.append(cleaned)
    try:
        return build_ast_schema(DocumentNode(definitions=tuple(definitions)), assume_valid_sdl=True)
    except (GraphQLError, TypeError) as error:
        raise SupergraphError(f"cannot build the API schema: {error}") from None
