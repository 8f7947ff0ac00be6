"""Field sets (`@key`, `@requires`, `@provides` arguments): which fields of which types they select."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from graphql import GraphQLError
from graphql.language import (
    FieldNode,
    InlineFragmentNode,
    ListTypeNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeNode,
    parse,
)

# (type name, field name) -> the field's type in that subgraph, or None when it has no such field
FieldTypeLookup = Callable[[str, str], TypeNode | None]


def parse_field_set(field_set: str) -> SelectionSetNode | None:
    try:
        document = parse("{" + field_set + "}", no_location=True)
    except GraphQLError:
        return None
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return operation.selection_set


def named_type(type_node: TypeNode) -> str:
    while isinstance(type_node, NonNullTypeNode | ListTypeNode):
        type_node = type_node.type
    assert isinstance(type_node, NamedTypeNode)
    return type_node.name.value


def select_coordinates(
    type_name: str, field_set: str, lookup: FieldTypeLookup
) -> Iterator[tuple[str, str]]:
    """Every (type, field) a field set selects, nested selections included."""
    selection_set = parse_field_set(field_set)
    if selection_set is not None:
        yield from _walk(type_name, selection_set, lookup)


def find_unknown_fields(
    type_name: str, field_set: str, lookup: FieldTypeLookup
) -> list[str] | None:
    """`Type.field` for each selected field the subgraph lacks; None if the set does not parse."""
    selection_set = parse_field_set(field_set)
    if selection_set is None:
        return None
    return [
        f"{owner}.{name}"
        for owner, name in _walk(type_name, selection_set, lookup)
        if lookup(owner, name) is None
    ]


def _walk(
    type_name: str, selection_set: SelectionSetNode, lookup: FieldTypeLookup
) -> Iterator[tuple[str, str]]:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            name = selection.name.value
            if name == "__typename":
                continue
            yield type_name, name
            field_type = lookup(type_name, name)
            if selection.selection_set is not None and field_type is not None:
                yield from _walk(named_type(field_type), selection.selection_set, lookup)
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            target = condition.name.value if condition is not None else type_name
            yield from _walk(target, selection.selection_set, lookup)
