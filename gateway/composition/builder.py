"""Builds the supergraph's type definitions, each annotated with its `@join__*` directives."""

from __future__ import annotations

from collections.abc import Iterable

from graphql.language import (
    ConstDirectiveNode,
    EnumTypeDefinitionNode,
    EnumValueDefinitionNode,
    FieldDefinitionNode,
    InputObjectTypeDefinitionNode,
    InputValueDefinitionNode,
    InterfaceTypeDefinitionNode,
    NamedTypeNode,
    ObjectTypeDefinitionNode,
    ScalarTypeDefinitionNode,
    StringValueNode,
    TypeDefinitionNode,
    TypeNode,
    UnionTypeDefinitionNode,
)

from .enums import enum_usage, merge_enum_values
from .field_joins import (
    FieldContext,
    interface_field_joins,
    is_dropped_federation_1_external,
    object_field_joins,
)
from .join_directives import (
    JoinField,
    JoinType,
    directive,
    integer,
    join_enum_value_directive,
    join_field_directive,
    join_implements_directive,
    join_type_directive,
    join_union_member_directive,
    name_node,
    nested_strings,
)
from .merging import merge_applied, merge_input_types, merge_output_types, print_type
from .state import CompositionState, TypeAcrossGraphs
from .subgraph import Applied, Argument, Field

KIND_ORDER = ("scalar", "object", "interface", "union", "enum", "input")


class SupergraphBuilder:
    """Turns the validated composition state into supergraph type definitions."""

    def __init__(self, state: CompositionState, graph_names: dict[str, str]) -> None:
        self.state = state
        self.graph_names = graph_names
        self.used_specs: set[str] = set()
        self.enum_usage = enum_usage(state)

    def build_types(self) -> list[TypeDefinitionNode]:
        builders = {
            "scalar": self.build_scalar,
            "object": self.build_object,
            "interface": self.build_interface,
            "union": self.build_union,
            "enum": self.build_enum,
            "input": self.build_input,
        }
        return [
            builders[kind](merged)
            for kind in KIND_ORDER
            for merged in self.state.types.values()
            if merged.kind == kind
        ]

    # -- carried directives ------------------------------------------------------------------

    def carried(self, applied: Applied) -> list[ConstDirectiveNode]:
        directives: list[ConstDirectiveNode] = []
        if applied.deprecated is not None:
            directives.append(applied.deprecated)
        for tag in applied.tags:
            self.used_specs.add("tag")
            directives.append(directive("tag", [("name", _string(tag))]))
        if applied.inaccessible:
            self.used_specs.add("inaccessible")
            directives.append(directive("inaccessible"))
        if applied.authenticated:
            self.used_specs.add("authenticated")
            directives.append(directive("authenticated"))
        if applied.scopes is not None:
            self.used_specs.add("requiresScopes")
            directives.append(
                directive("requiresScopes", [("scopes", nested_strings(applied.scopes))])
            )
        if applied.policies is not None:
            self.used_specs.add("policy")
            directives.append(directive("policy", [("policies", nested_strings(applied.policies))]))
        if applied.cost is not None:
            self.used_specs.add("cost")
            directives.append(directive("cost", [("weight", integer(applied.cost))]))
        if applied.list_size is not None:
            self.used_specs.update(("cost", "listSize"))
            directives.append(
                directive(
                    "listSize",
                    [(a.name.value, a.value) for a in applied.list_size.arguments or ()],
                )
            )
        directives.extend(applied.others)
        return directives

    def type_joins(self, merged: TypeAcrossGraphs) -> list[ConstDirectiveNode]:
        return [join_type_directive(j, self.graph_names) for j in self.join_types(merged)]

    def join_types(self, merged: TypeAcrossGraphs) -> list[JoinType]:
        if merged.name == "Query":
            return [JoinType(graph) for graph in self.state.subgraphs]
        joins: list[JoinType] = []
        for graph, typedef in merged.by_graph.items():
            federation_1 = self.state.is_federation_1(graph)
            keys = typedef.keys if merged.kind in ("object", "interface") else []
            if merged.kind == "interface" and federation_1:
                keys = []
            if federation_1:
                extension = typedef.extends_directive
            else:
                extension = typedef.extends_directive or typedef.is_extension
            for key in keys:
                joins.append(
                    JoinType(graph, key.fields, extension, key.resolvable, typedef.interface_object)
                )
            if not keys:
                joins.append(JoinType(graph, is_interface_object=typedef.interface_object))
        return joins

    def description(self, merged: TypeAcrossGraphs) -> StringValueNode | None:
        return _description(d.description for d in merged.by_graph.values())

    # -- kinds --------------------------------------------------------------------------------

    def build_scalar(self, merged: TypeAcrossGraphs) -> ScalarTypeDefinitionNode:
        specified_by = next(
            (d.specified_by for d in merged.by_graph.values() if d.specified_by), None
        )
        directives = self.type_joins(merged) + self.carried(
            merge_applied(d.applied for d in merged.by_graph.values())
        )
        if specified_by is not None:
            directives.append(specified_by)
        return ScalarTypeDefinitionNode(
            name=name_node(merged.name),
            description=self.description(merged),
            directives=tuple(directives),
        )

    def build_object(self, merged: TypeAcrossGraphs) -> ObjectTypeDefinitionNode:
        join_types = self.join_types(merged)
        interfaces = _ordered(i for d in merged.by_graph.values() for i in d.interfaces)
        interfaces = [i for i in interfaces if i in self.state.types]
        implements = [
            join_implements_directive(self.graph_names[graph], interface)
            for graph, typedef in merged.by_graph.items()
            for interface in typedef.interfaces
            if interface in self.state.types
        ]
        fields = [
            node
            for name in merged.field_names()
            if (node := self.build_object_field(merged, name, join_types, interfaces)) is not None
        ]
        fields.extend(self.interface_object_fields(merged, interfaces))
        directives = (
            [join_type_directive(j, self.graph_names) for j in join_types]
            + implements
            + self.carried(merge_applied(d.applied for d in merged.by_graph.values()))
        )
        return ObjectTypeDefinitionNode(
            name=name_node(merged.name),
            description=self.description(merged),
            interfaces=tuple(NamedTypeNode(name=name_node(i)) for i in interfaces),
            directives=tuple(directives),
            fields=tuple(fields),
        )

    def build_object_field(
        self,
        merged: TypeAcrossGraphs,
        name: str,
        join_types: list[JoinType],
        interfaces: list[str],
    ) -> FieldDefinitionNode | None:
        by_graph = merged.field_by_graph(name)
        merged_type = merge_output_types(f.type for f in by_graph.values())
        assert merged_type is not None
        interface_graphs = {
            graph
            for interface in interfaces
            if interface in self.state.types
            for graph in self.state.types[interface].field_by_graph(name)
        }
        context = FieldContext(
            self.state, merged, name, by_graph, merged_type, join_types, interface_graphs
        )
        if is_dropped_federation_1_external(context):
            return None
        joins = object_field_joins(context)
        return self.field_node(name, by_graph, merged_type, joins)

    def interface_object_fields(
        self, merged: TypeAcrossGraphs, interfaces: list[str]
    ) -> list[FieldDefinitionNode]:
        """Fields an @interfaceObject adds to every implementation, resolved through it."""
        existing = set(merged.field_names())
        added: list[FieldDefinitionNode] = []
        for interface in interfaces:
            source = self.state.types.get(interface)
            if source is None or not source.has_interface_object:
                continue
            for name in source.field_names():
                if name in existing:
                    continue
                existing.add(name)
                by_graph = source.field_by_graph(name)
                merged_type = merge_output_types(f.type for f in by_graph.values())
                assert merged_type is not None
                added.append(self.field_node(name, by_graph, merged_type, [JoinField(None)]))
        return added

    def field_node(
        self, name: str, by_graph: dict[str, Field], merged_type: TypeNode, joins: list[JoinField]
    ) -> FieldDefinitionNode:
        # An @external copy only mirrors the field: descriptions, arguments and carried
        # directives come from the subgraphs that resolve it.
        resolving = {g: f for g, f in by_graph.items() if not f.external} or by_graph
        return FieldDefinitionNode(
            name=name_node(name),
            description=_description(f.description for f in resolving.values()),
            arguments=tuple(self.build_arguments(resolving)),
            type=merged_type,
            directives=tuple(
                [join_field_directive(j, self.graph_names) for j in joins]
                + self.carried(merge_applied(f.applied for f in resolving.values()))
            ),
        )

    def build_arguments(self, by_graph: dict[str, Field]) -> list[InputValueDefinitionNode]:
        names = _ordered(a for f in by_graph.values() for a in f.args)
        arguments: list[InputValueDefinitionNode] = []
        for name in names:
            present: list[Argument] = [f.args[name] for f in by_graph.values() if name in f.args]
            if len(present) != len(by_graph):
                continue
            merged_type = merge_input_types(a.type for a in present)
            assert merged_type is not None
            arguments.append(
                InputValueDefinitionNode(
                    name=name_node(name),
                    description=_description(a.description for a in present),
                    type=merged_type,
                    default_value=present[0].default
                    if all(a.default is not None for a in present)
                    else None,
                    directives=tuple(self.carried(merge_applied(a.applied for a in present))),
                )
            )
        return arguments

    def build_interface(self, merged: TypeAcrossGraphs) -> InterfaceTypeDefinitionNode:
        interfaces = _ordered(i for d in merged.by_graph.values() for i in d.interfaces)
        implements = [
            join_implements_directive(self.graph_names[graph], interface)
            for graph, typedef in merged.by_graph.items()
            for interface in typedef.interfaces
        ]
        fields: list[FieldDefinitionNode] = []
        for name in merged.field_names():
            by_graph = merged.field_by_graph(name)
            merged_type = merge_output_types(f.type for f in by_graph.values())
            assert merged_type is not None
            joins = interface_field_joins(merged, by_graph, merged_type)
            fields.append(self.field_node(name, by_graph, merged_type, joins))
        return InterfaceTypeDefinitionNode(
            name=name_node(merged.name),
            description=self.description(merged),
            interfaces=tuple(NamedTypeNode(name=name_node(i)) for i in interfaces),
            directives=tuple(
                self.type_joins(merged)
                + implements
                + self.carried(merge_applied(d.applied for d in merged.by_graph.values()))
            ),
            fields=tuple(fields),
        )

    def build_union(self, merged: TypeAcrossGraphs) -> UnionTypeDefinitionNode:
        members = _ordered(m for d in merged.by_graph.values() for m in d.members)
        member_joins = [
            join_union_member_directive(self.graph_names[graph], member)
            for graph, typedef in merged.by_graph.items()
            for member in typedef.members
        ]
        return UnionTypeDefinitionNode(
            name=name_node(merged.name),
            description=self.description(merged),
            directives=tuple(
                self.type_joins(merged)
                + member_joins
                + self.carried(merge_applied(d.applied for d in merged.by_graph.values()))
            ),
            types=tuple(NamedTypeNode(name=name_node(m)) for m in members),
        )

    def build_enum(self, merged: TypeAcrossGraphs) -> EnumTypeDefinitionNode:
        values, _ = merge_enum_values(merged, self.enum_usage.get(merged.name, set()))
        nodes: list[EnumValueDefinitionNode] = []
        for value in values:
            defined = {g: d.values[value] for g, d in merged.by_graph.items() if value in d.values}
            nodes.append(
                EnumValueDefinitionNode(
                    name=name_node(value),
                    description=_description(v.description for v in defined.values()),
                    directives=tuple(
                        [join_enum_value_directive(self.graph_names[g]) for g in defined]
                        + self.carried(merge_applied(v.applied for v in defined.values()))
                    ),
                )
            )
        return EnumTypeDefinitionNode(
            name=name_node(merged.name),
            description=self.description(merged),
            directives=tuple(
                self.type_joins(merged)
                + self.carried(merge_applied(d.applied for d in merged.by_graph.values()))
            ),
            values=tuple(nodes),
        )

    def build_input(self, merged: TypeAcrossGraphs) -> InputObjectTypeDefinitionNode:
        fields: list[InputValueDefinitionNode] = []
        for name in merged.field_names():
            by_graph = merged.field_by_graph(name)
            if len(by_graph) != len(merged.by_graph):
                continue
            merged_type = merge_input_types(f.type for f in by_graph.values())
            assert merged_type is not None
            joins: list[JoinField] = []
            if any(print_type(f.type) != print_type(merged_type) for f in by_graph.values()):
                joins = [JoinField(g, type=print_type(f.type)) for g, f in by_graph.items()]
            defaults = [f.default for f in by_graph.values()]
            fields.append(
                InputValueDefinitionNode(
                    name=name_node(name),
                    description=_description(f.description for f in by_graph.values()),
                    type=merged_type,
                    default_value=defaults[0] if all(d is not None for d in defaults) else None,
                    directives=tuple(
                        [join_field_directive(j, self.graph_names) for j in joins]
                        + self.carried(merge_applied(f.applied for f in by_graph.values()))
                    ),
                )
            )
        return InputObjectTypeDefinitionNode(
            name=name_node(merged.name),
            description=self.description(merged),
            directives=tuple(
                self.type_joins(merged)
                + self.carried(merge_applied(d.applied for d in merged.by_graph.values()))
            ),
            fields=tuple(fields),
        )


def _ordered(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _description(descriptions: Iterable[str | None]) -> StringValueNode | None:
    for description in descriptions:
        if description:
            return StringValueNode(value=description, block="\n" in description)
    return None


def _string(value: str) -> StringValueNode:
    return StringValueNode(value=value)
