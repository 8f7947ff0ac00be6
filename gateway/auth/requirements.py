"""What `@authenticated`, `@requiresScopes` and `@policy` on a schema's types and fields require."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from graphql import (
    ConstDirectiveNode,
    GraphQLField,
    GraphQLNamedType,
    GraphQLSchema,
    is_abstract_type,
    value_from_ast_untyped,
)
from graphql.language import Node

# The names composition may give these directives: plain when imported by @link, else prefixed.
DEFAULT_DIRECTIVE_KINDS: Mapping[str, str] = {
    "authenticated": "authenticated",
    "federation__authenticated": "authenticated",
    "requiresScopes": "scopes",
    "federation__requiresScopes": "scopes",
    "policy": "policy",
    "federation__policy": "policy",
}
_SPEC_KINDS = {"authenticated": "authenticated", "requiresScopes": "scopes", "policy": "policy"}


def directive_kinds(renamed: Mapping[str, str] | None = None) -> dict[str, str]:
    """Directive name → kind, adding the names a supergraph's `@link(as:)` gave the specs
    (`renamed` maps "authenticated"/"requiresScopes"/"policy" to the schema's names)."""
    kinds = dict(DEFAULT_DIRECTIVE_KINDS)
    for spec, name in (renamed or {}).items():
        if spec in _SPEC_KINDS:
            kinds[name] = _SPEC_KINDS[spec]
    return kinds


class RequirementKind(Enum):
    AUTHENTICATED = "authenticated"
    SCOPES = "scopes"
    POLICY = "policy"


@dataclass(frozen=True, slots=True)
class Requirement:
    """One directive's demand: for scopes and policies, any one of `alternatives` (each an AND)."""

    kind: RequirementKind
    alternatives: tuple[frozenset[str], ...] = ()
    source: str = ""


Requirements = tuple[Requirement, ...]


def read_requirements(
    nodes: Iterable[Node | None], source: str, kinds: Mapping[str, str] = DEFAULT_DIRECTIVE_KINDS
) -> Requirements:
    """The requirements that directives on these AST nodes (a definition and its extensions) make."""
    found: list[Requirement] = []
    for node in nodes:
        for directive in getattr(node, "directives", None) or ():
            kind = kinds.get(directive.name.value)
            if kind is None:
                continue
            if kind == "authenticated":
                found.append(Requirement(RequirementKind.AUTHENTICATED, (), source))
                continue
            argument = "scopes" if kind == "scopes" else "policies"
            found.append(
                Requirement(RequirementKind(kind), _read_alternatives(directive, argument), source)
            )
    return tuple(found)


def type_requirements(
    named_type: GraphQLNamedType, kinds: Mapping[str, str] = DEFAULT_DIRECTIVE_KINDS
) -> Requirements:
    nodes = (named_type.ast_node, *(named_type.extension_ast_nodes or ()))
    return read_requirements(nodes, named_type.name, kinds)


def field_requirements(
    schema: GraphQLSchema,
    parent: GraphQLNamedType,
    name: str,
    field: GraphQLField,
    kinds: Mapping[str, str] = DEFAULT_DIRECTIVE_KINDS,
) -> Requirements:
    """Requirements for selecting `parent.name`: the field's own, its return type's, and on an
    interface those of every implementation (any of them might answer)."""
    from graphql import get_named_type

    coordinate = f"{parent.name}.{name}"
    found = list(read_requirements((field.ast_node,), coordinate, kinds))
    found.extend(type_requirements(get_named_type(field.type), kinds))
    if is_abstract_type(parent):
        for possible in schema.get_possible_types(parent):
            found.extend(type_requirements(possible, kinds))
            implementation = possible.fields.get(name)
            if implementation is not None:
                found.extend(
                    read_requirements((implementation.ast_node,), f"{possible.name}.{name}", kinds)
                )
    return _unique(found)


def _read_alternatives(directive: ConstDirectiveNode, argument: str) -> tuple[frozenset[str], ...]:
    for node in directive.arguments or ():
        if node.name.value == argument:
            return _as_alternatives(value_from_ast_untyped(node.value))
    # A directive without its argument can never be satisfied: deny rather than allow.
    return ()


def _as_alternatives(value: Any) -> tuple[frozenset[str], ...]:
    if isinstance(value, str):
        return (frozenset((value,)),)
    if not isinstance(value, Sequence):
        return ()
    alternatives: list[frozenset[str]] = []
    for entry in value:
        if isinstance(entry, str):
            alternatives.append(frozenset((entry,)))
        elif isinstance(entry, Sequence):
            alternatives.append(frozenset(str(item) for item in entry))
    return tuple(alternatives)


def _unique(requirements: Iterable[Requirement]) -> Requirements:
    seen: dict[tuple[RequirementKind, tuple[frozenset[str], ...]], Requirement] = {}
    for requirement in requirements:
        seen.setdefault((requirement.kind, requirement.alternatives), requirement)
    return tuple(seen.values())
