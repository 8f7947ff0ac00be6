"""How two subgraphs' versions of one element merge: field types, defaults and carried directives."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from graphql.language import (
    ListTypeNode,
    NamedTypeNode,
    NonNullTypeNode,
    TypeNode,
    ValueNode,
    print_ast,
)

from .errors import describe_graphs
from .subgraph import Applied


def merge_output_types(types: Iterable[TypeNode]) -> TypeNode | None:
    """The most general type (nullable where any subgraph is): what every subgraph can return."""
    return _merge_types(list(types), nullable_wins=True)


def merge_input_types(types: Iterable[TypeNode]) -> TypeNode | None:
    """The most restrictive type (non-null where any subgraph is): what every subgraph accepts."""
    return _merge_types(list(types), nullable_wins=False)


def _merge_types(types: list[TypeNode], nullable_wins: bool) -> TypeNode | None:
    if not types:
        return None
    non_null = [isinstance(t, NonNullTypeNode) for t in types]
    inner = [t.type if isinstance(t, NonNullTypeNode) else t for t in types]
    merged: NamedTypeNode | ListTypeNode | None = None
    lists = [t for t in inner if isinstance(t, ListTypeNode)]
    named = [t for t in inner if isinstance(t, NamedTypeNode)]
    if len(lists) == len(inner):
        item = _merge_types([t.type for t in lists], nullable_wins)
        merged = ListTypeNode(type=item) if item is not None else None
    elif len(named) == len(inner) and len({t.name.value for t in named}) == 1:
        merged = named[0]
    if merged is None:
        return None
    wrap = all(non_null) if nullable_wins else any(non_null)
    return NonNullTypeNode(type=merged) if wrap else merged


def print_type(type_node: TypeNode) -> str:
    """`[Int!]` for a type reference; print_ast is general and many times slower."""
    if isinstance(type_node, NonNullTypeNode):
        return print_type(type_node.type) + "!"
    if isinstance(type_node, ListTypeNode):
        return "[" + print_type(type_node.type) + "]"
    assert isinstance(type_node, NamedTypeNode)
    return type_node.name.value


def describe_type_conflict(types: Mapping[str, TypeNode]) -> str:
    """`type Int in [inventory] but String in [products]`."""
    return "type " + describe_value_conflict({g: print_type(t) for g, t in types.items()})


def describe_value_conflict(values: Mapping[str, str]) -> str:
    by_value: dict[str, list[str]] = {}
    for graph, value in values.items():
        by_value.setdefault(value, []).append(graph)
    parts = [f"{value} in {describe_graphs(graphs)}" for value, graphs in by_value.items()]
    if len(parts) == 2:
        return " but ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def print_value(value: ValueNode | None) -> str:
    return "(none)" if value is None else print_ast(value)


def merge_applied(applied: Iterable[Applied]) -> Applied:
    """Carried directives of one element from all subgraphs defining it."""
    merged = Applied()
    seen_others: set[str] = set()
    for item in applied:
        merged.inaccessible |= item.inaccessible
        merged.authenticated |= item.authenticated
        merged.tags.extend(tag for tag in item.tags if tag not in merged.tags)
        if item.scopes is not None:
            merged.scopes = merge_requirement_groups(merged.scopes, item.scopes)
        if item.policies is not None:
            merged.policies = merge_requirement_groups(merged.policies, item.policies)
        if item.cost is not None:
            merged.cost = item.cost if merged.cost is None else max(merged.cost, item.cost)
        merged.list_size = merged.list_size or item.list_size
        merged.deprecated = merged.deprecated or item.deprecated
        for directive in item.others:
            printed = print_ast(directive)
            if printed not in seen_others:
                seen_others.add(printed)
                merged.others.append(directive)
    return merged


def merge_requirement_groups(
    current: list[list[str]] | None, new: list[list[str]]
) -> list[list[str]]:
    """Both subgraphs' requirements must hold: every pair of alternatives, minimal ones kept.

    `[[a, b], [c]]` reads "(a and b) or c"; requiring that and `[[d]]` gives `[[a, b, d], [c, d]]`.
    """
    if not current or not new:
        return [list(group) for group in (current or new)]
    candidates = {tuple(sorted(set(left) | set(right))) for left in current for right in new}
    ordered = sorted(candidates, key=lambda group: (len(group), ",".join(group)))
    kept: list[tuple[str, ...]] = []
    for group in ordered:
        if not any(set(existing) <= set(group) for existing in kept):
            kept.append(group)
    return [list(group) for group in kept]
