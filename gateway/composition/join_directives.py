"""Builders of the `@join__*` directive applications that record which subgraph provides what."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graphql.language import (
    BooleanValueNode,
    ConstArgumentNode,
    ConstDirectiveNode,
    ConstListValueNode,
    ConstValueNode,
    EnumValueNode,
    IntValueNode,
    NameNode,
    StringValueNode,
)


def name_node(value: str) -> NameNode:
    return NameNode(value=value)


def directive(
    name: str, arguments: Sequence[tuple[str, ConstValueNode]] = ()
) -> ConstDirectiveNode:
    return ConstDirectiveNode(
        name=name_node(name),
        arguments=tuple(ConstArgumentNode(name=name_node(n), value=v) for n, v in arguments),
    )


def string(value: str) -> StringValueNode:
    return StringValueNode(value=value)


def boolean(value: bool) -> BooleanValueNode:
    return BooleanValueNode(value=value)


def enum_value(value: str) -> EnumValueNode:
    return EnumValueNode(value=value)


def integer(value: int) -> IntValueNode:
    return IntValueNode(value=str(value))


def nested_strings(groups: list[list[str]]) -> ConstListValueNode:
    return ConstListValueNode(
        values=tuple(ConstListValueNode(values=tuple(string(s) for s in group)) for group in groups)
    )


def graph_enum_names(graphs: Sequence[str]) -> dict[str, str]:
    """Subgraph name -> `join__Graph` value: constant case, unique."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for graph in graphs:
        base = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", graph)
        base = re.sub(r"[^A-Za-z0-9]+", "_", base).strip("_").upper() or "GRAPH"
        if base[0].isdigit():
            base = "_" + base
        candidate, suffix = base, 1
        while candidate in taken:
            candidate, suffix = f"{base}_{suffix}", suffix + 1
        taken.add(candidate)
        names[graph] = candidate
    return names


@dataclass(frozen=True, slots=True)
class JoinType:
    graph: str
    key: str | None = None
    extension: bool = False
    resolvable: bool = True
    is_interface_object: bool = False


@dataclass(frozen=True, slots=True)
class JoinField:
    """One `@join__field`; `graph` None is the bare form: resolved through an @interfaceObject."""

    graph: str | None
    type: str | None = None
    external: bool = False
    requires: str | None = None
    provides: str | None = None
    override: str | None = None
    override_label: str | None = None
    used_overridden: bool = False

    @property
    def has_metadata(self) -> bool:
        return bool(
            self.type
            or self.external
            or self.requires
            or self.provides
            or self.override
            or self.override_label
            or self.used_overridden
        )


def join_type_directive(join: JoinType, graph_names: dict[str, str]) -> ConstDirectiveNode:
    arguments: list[tuple[str, ConstValueNode]] = [("graph", enum_value(graph_names[join.graph]))]
    if join.key is not None:
        arguments.append(("key", string(join.key)))
    if join.extension:
        arguments.append(("extension", boolean(True)))
    if not join.resolvable:
        arguments.append(("resolvable", boolean(False)))
    if join.is_interface_object:
        arguments.append(("isInterfaceObject", boolean(True)))
    return directive("join__type", arguments)


def join_field_directive(join: JoinField, graph_names: dict[str, str]) -> ConstDirectiveNode:
    if join.graph is None:
        return directive("join__field")
    arguments: list[tuple[str, ConstValueNode]] = [("graph", enum_value(graph_names[join.graph]))]
    if join.requires is not None:
        arguments.append(("requires", string(join.requires)))
    if join.provides is not None:
        arguments.append(("provides", string(join.provides)))
    if join.type is not None:
        arguments.append(("type", string(join.type)))
    if join.external:
        arguments.append(("external", boolean(True)))
    if join.override is not None:
        arguments.append(("override", string(join.override)))
    if join.override_label is not None:
        arguments.append(("overrideLabel", string(join.override_label)))
    if join.used_overridden:
        arguments.append(("usedOverridden", boolean(True)))
    return directive("join__field", arguments)


def join_graph_directive(graph: str, url: str) -> ConstDirectiveNode:
    return directive("join__graph", [("name", string(graph)), ("url", string(url))])


def join_implements_directive(graph_value: str, interface: str) -> ConstDirectiveNode:
    return directive(
        "join__implements", [("graph", enum_value(graph_value)), ("interface", string(interface))]
    )


def join_union_member_directive(graph_value: str, member: str) -> ConstDirectiveNode:
    return directive(
        "join__unionMember", [("graph", enum_value(graph_value)), ("member", string(member))]
    )


def join_enum_value_directive(graph_value: str) -> ConstDirectiveNode:
    return directive("join__enumValue", [("graph", enum_value(graph_value))])
