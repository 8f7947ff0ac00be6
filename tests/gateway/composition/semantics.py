"""A supergraph reduced to what composition decides: per type and field, the sets of directives."""

from __future__ import annotations

from typing import Any

from graphql.language import (
    DirectiveDefinitionNode,
    DirectiveNode,
    EnumTypeDefinitionNode,
    InputObjectTypeDefinitionNode,
    InputValueDefinitionNode,
    InterfaceTypeDefinitionNode,
    ObjectTypeDefinitionNode,
    ScalarTypeDefinitionNode,
    SchemaDefinitionNode,
    TypeDefinitionNode,
    UnionTypeDefinitionNode,
    parse,
    print_ast,
)

SPEC_PREFIXES = ("join__", "link__", "policy__", "requiresScopes__")


def directive_set(directives: Any) -> frozenset[tuple[str, frozenset[tuple[str, str]]]]:
    return frozenset(
        (d.name.value, frozenset((a.name.value, print_ast(a.value)) for a in d.arguments or ()))
        for d in directives or ()
        if isinstance(d, DirectiveNode)
    )


def _arguments(arguments: Any) -> dict[str, Any]:
    return {
        a.name.value: (
            print_ast(a.type),
            print_ast(a.default_value) if a.default_value else None,
            directive_set(a.directives),
        )
        for a in arguments or ()
        if isinstance(a, InputValueDefinitionNode)
    }


def semantic_view(sdl: str) -> dict[str, Any]:
    """Types and fields with their directive sets; order and formatting do not matter."""
    view: dict[str, Any] = {}
    for definition in parse(sdl).definitions:
        if isinstance(definition, SchemaDefinitionNode):
            view["schema"] = directive_set(definition.directives)
            continue
        if isinstance(definition, DirectiveDefinitionNode) or not isinstance(
            definition, TypeDefinitionNode
        ):
            continue
        name = definition.name.value
        if name.startswith(SPEC_PREFIXES) and name != "join__Graph":
            continue
        entry: dict[str, Any] = {
            "kind": type(definition).__name__,
            "directives": directive_set(definition.directives),
        }
        if isinstance(definition, ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode):
            entry["interfaces"] = frozenset(i.name.value for i in definition.interfaces or ())
            entry["fields"] = {
                f.name.value: (
                    print_ast(f.type),
                    directive_set(f.directives),
                    _arguments(f.arguments),
                )
                for f in definition.fields or ()
            }
        elif isinstance(definition, InputObjectTypeDefinitionNode):
            entry["fields"] = _arguments(definition.fields)
        elif isinstance(definition, UnionTypeDefinitionNode):
            entry["members"] = frozenset(t.name.value for t in definition.types or ())
        elif isinstance(definition, EnumTypeDefinitionNode):
            entry["values"] = {
                v.name.value: directive_set(v.directives) for v in definition.values or ()
            }
        elif not isinstance(definition, ScalarTypeDefinitionNode):
            continue
        view[name] = entry
    return view


def describe_differences(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    differences: list[str] = []
    for name in sorted(set(ours) | set(theirs)):
        if name not in ours:
            differences.append(f"{name}: only in the reference")
        elif name not in theirs:
            differences.append(f"{name}: only in ours")
        elif ours[name] != theirs[name]:
            mine, other = ours[name], theirs[name]
            if isinstance(mine, dict):
                for key in sorted(set(mine) | set(other)):
                    if mine.get(key) != other.get(key):
                        differences.append(
                            f"{name} {key}: ours {mine.get(key)} / reference {other.get(key)}"
                        )
            else:
                differences.append(f"{name}: ours {mine} / reference {other}")
    return differences
