"""The subgraphs side by side: each type with its definition in every subgraph, and where fields are used."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graphql.language import TypeNode

from .errors import CompositionProblem, describe_graphs
from .fieldset import FieldTypeLookup, named_type, select_coordinates
from .subgraph import Field, Subgraph, TypeDef

Coordinate = tuple[str, str, str]  # (graph, type, field)


@dataclass(slots=True)
class TypeAcrossGraphs:
    name: str
    kind: str
    by_graph: dict[str, TypeDef] = field(default_factory=dict)

    def field_names(self) -> list[str]:
        names: dict[str, None] = {}
        for typedef in self.by_graph.values():
            names.update(dict.fromkeys(typedef.fields))
        return list(names)

    def field_by_graph(self, name: str) -> dict[str, Field]:
        return {
            graph: typedef.fields[name]
            for graph, typedef in self.by_graph.items()
            if name in typedef.fields
        }

    @property
    def has_interface_object(self) -> bool:
        return any(typedef.interface_object for typedef in self.by_graph.values())


@dataclass(slots=True)
class FieldUsage:
    """Which subgraph fields other directives point at: keys, @requires and @provides."""

    in_key: set[Coordinate] = field(default_factory=set)
    required: set[Coordinate] = field(default_factory=set)
    provided: set[Coordinate] = field(default_factory=set)


@dataclass(slots=True)
class CompositionState:
    subgraphs: dict[str, Subgraph]
    types: dict[str, TypeAcrossGraphs]
    usage: FieldUsage

    def is_federation_1(self, graph: str) -> bool:
        return self.subgraphs[graph].names.is_federation_1

    def implementations(self, interface: str) -> list[TypeAcrossGraphs]:
        return [
            t
            for t in self.types.values()
            if t.kind in ("object", "interface")
            and any(interface in d.interfaces for d in t.by_graph.values())
        ]


def collect_types(
    subgraphs: Sequence[Subgraph],
) -> tuple[dict[str, TypeAcrossGraphs], list[CompositionProblem]]:
    types: dict[str, TypeAcrossGraphs] = {}
    problems: list[CompositionProblem] = []
    kinds: dict[str, dict[str, list[str]]] = {}
    for subgraph in subgraphs:
        for name, typedef in subgraph.types.items():
            kinds.setdefault(name, {}).setdefault(typedef.kind, []).append(subgraph.name)
            merged = types.get(name)
            if merged is None:
                merged = types[name] = TypeAcrossGraphs(name, typedef.kind)
            if merged.kind == typedef.kind:
                merged.by_graph[subgraph.name] = typedef
    for name, by_kind in kinds.items():
        if len(by_kind) > 1:
            described = " but ".join(
                f"{kind} in {describe_graphs(graphs)}" for kind, graphs in by_kind.items()
            )
            graphs = tuple(sorted(g for gs in by_kind.values() for g in gs))
            problems.append(CompositionProblem("TYPE_KIND_MISMATCH", name, described, graphs))
    return types, problems


def index_field_usage(subgraphs: Sequence[Subgraph]) -> FieldUsage:
    usage = FieldUsage()
    for subgraph in subgraphs:
        lookup = field_type_lookup(subgraph)
        graph = subgraph.name
        for typedef in subgraph.types.values():
            for key in typedef.keys:
                for type_name, field_name in select_coordinates(typedef.name, key.fields, lookup):
                    usage.in_key.add((graph, type_name, field_name))
            for model in typedef.fields.values():
                if model.requires:
                    for type_name, field_name in select_coordinates(
                        typedef.name, model.requires, lookup
                    ):
                        usage.required.add((graph, type_name, field_name))
                if model.provides:
                    target = named_type(model.type)
                    for type_name, field_name in select_coordinates(target, model.provides, lookup):
                        usage.provided.add((graph, type_name, field_name))
    return usage


def field_type_lookup(subgraph: Subgraph) -> FieldTypeLookup:
    def lookup(type_name: str, field_name: str) -> TypeNode | None:
        typedef = subgraph.types.get(type_name)
        if typedef is None or field_name not in typedef.fields:
            return None
        return typedef.fields[field_name].type

    return lookup
