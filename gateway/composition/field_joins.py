"""Which `@join__field`s a supergraph field needs: none when every subgraph of its type resolves
it the same way, else one per subgraph, shaped by @external, @requires, @provides and @override."""

from __future__ import annotations

from dataclasses import dataclass

from graphql.language import TypeNode

from .join_directives import JoinField, JoinType
from .merging import print_type
from .state import CompositionState, TypeAcrossGraphs
from .subgraph import Field


@dataclass(slots=True)
class FieldContext:
    state: CompositionState
    owner: TypeAcrossGraphs
    name: str
    by_graph: dict[str, Field]
    merged_type: TypeNode
    join_types: list[JoinType]
    interface_graphs: set[str]  # subgraphs where an interface of the owner has this field

    def in_key(self, graph: str) -> bool:
        return (graph, self.owner.name, self.name) in self.state.usage.in_key

    def required(self, graph: str) -> bool:
        return (graph, self.owner.name, self.name) in self.state.usage.required

    def provided(self, graph: str) -> bool:
        return (graph, self.owner.name, self.name) in self.state.usage.provided

    def is_extension(self, graph: str) -> bool:
        typedef = self.owner.by_graph[graph]
        return typedef.has_extension or typedef.extends_directive

    def external_on_join(self, graph: str) -> bool:
        model = self.by_graph[graph]
        if not model.external:
            return False
        if self.provided(graph):
            return True
        # A Federation 1 entity extension marks its key fields @external; they are not.
        return not (self.in_key(graph) and self.is_extension(graph))

    def overridden_graphs(self) -> set[str]:
        return {
            f.override
            for f in self.by_graph.values()
            if f.override is not None and f.override in self.state.subgraphs
        }

    def used_overridden(self, graph: str) -> bool:
        model = self.by_graph[graph]
        if graph not in self.overridden_graphs():
            return False
        return (self.in_key(graph) and not model.external) or graph in self.interface_graphs

    def type_differs(self) -> bool:
        merged = print_type(self.merged_type)
        return any(print_type(f.type) != merged for f in self.by_graph.values())


def is_dropped_federation_1_external(context: FieldContext) -> bool:
    """An unused @external field of a Federation 1 subgraph contributes nothing."""
    if len(context.by_graph) != 1 or context.owner.name == "Query":
        return False
    graph, model = next(iter(context.by_graph.items()))
    return (
        model.external
        and context.state.is_federation_1(graph)
        and not context.in_key(graph)
        and not context.required(graph)
        and not context.provided(graph)
        and not context.used_overridden(graph)
    )


def object_field_joins(context: FieldContext) -> list[JoinField]:
    has_override = any(f.override is not None for f in context.by_graph.values())
    if context.owner.name == "Query":
        joins = _query_field_joins(context, has_override)
    else:
        joins = _entity_field_joins(context, has_override)
    if len(joins) == 1 and len(context.join_types) == 1 and not joins[0].has_metadata:
        return []
    return joins


def _query_field_joins(context: FieldContext, has_override: bool) -> list[JoinField]:
    all_graphs = len(context.state.subgraphs)
    if has_override and all_graphs > 1:
        labels = _override_labels(context)
        overridden = context.overridden_graphs()
        return [
            JoinField(
                graph,
                type=print_type(model.type) if context.type_differs() else None,
                external=model.external,
                requires=model.requires,
                provides=model.provides,
                override=model.override,
                override_label=model.override_label,
            )
            for graph, model in context.by_graph.items()
            if model.override is not None
            or labels.get(graph)
            or (model.shareable and graph not in overridden)
        ]
    if all_graphs > 1 and len(context.by_graph) != all_graphs:
        any_provides = any(f.provides for f in context.by_graph.values())
        return [
            JoinField(graph, provides=model.provides if any_provides else None)
            for graph, model in context.by_graph.items()
        ]
    return []


def _entity_field_joins(context: FieldContext, has_override: bool) -> list[JoinField]:
    defined_everywhere = len(context.by_graph) == len(context.owner.by_graph)
    if has_override:
        joins = _override_joins(context)
        if (
            defined_everywhere
            and len(joins) == 1
            and len(context.join_types) == 1
            and context.join_types[0].graph == joins[0].graph
        ):
            return []
        return joins
    if defined_everywhere and not _differs_between_graphs(context):
        return []
    return _plain_joins(context)


def _differs_between_graphs(context: FieldContext) -> bool:
    for graph, model in context.by_graph.items():
        if model.external and (not context.in_key(graph) or not context.is_extension(graph)):
            return True
        if model.provides is not None or model.requires is not None:
            return True
    return context.type_differs()


def _plain_joins(context: FieldContext) -> list[JoinField]:
    joins: list[JoinField] = []
    type_differs = context.type_differs()
    for graph, model in context.by_graph.items():
        external = context.external_on_join(graph)
        join = JoinField(
            graph,
            type=print_type(model.type) if type_differs else None,
            external=external,
            requires=model.requires,
            provides=model.provides,
        )
        required_or_provided = context.required(graph) or context.provided(graph)
        if (
            model.external
            and context.state.is_federation_1(graph)
            and not context.in_key(graph)
            and not required_or_provided
        ):
            continue
        if (
            external
            and context.is_extension(graph)
            and not join.has_metadata
            and not required_or_provided
            and graph not in context.interface_graphs
        ):
            continue
        joins.append(join)
    return joins


def _override_labels(context: FieldContext) -> dict[str, str]:
    labels: dict[str, str] = {}
    for graph, model in context.by_graph.items():
        # A label only splits traffic with a subgraph that exists.
        if model.override in context.state.subgraphs and model.override_label:
            labels[model.override] = model.override_label
            labels[graph] = model.override_label
    return labels


def _override_joins(context: FieldContext) -> list[JoinField]:
    labels = _override_labels(context)
    overridden = context.overridden_graphs()
    type_differs = context.type_differs()
    joins: list[JoinField] = []
    for graph, model in context.by_graph.items():
        external = context.external_on_join(graph)
        is_source = graph in overridden
        used_overridden = context.used_overridden(graph) or (
            is_source and context.required(graph) and not external
        )
        emit = (
            (external and context.required(graph))
            or graph in labels
            or used_overridden
            or not is_source
        )
        if emit:
            joins.append(
                JoinField(
                    graph,
                    type=print_type(model.type) if type_differs else None,
                    external=external,
                    requires=model.requires,
                    provides=model.provides,
                    override=model.override,
                    override_label=labels.get(graph),
                    used_overridden=used_overridden,
                )
            )
    return joins


def interface_field_joins(
    owner: TypeAcrossGraphs, by_graph: dict[str, Field], merged_type: TypeNode
) -> list[JoinField]:
    if len(by_graph) == len(owner.by_graph):
        return []
    merged = print_type(merged_type)
    return [
        JoinField(
            graph,
            type=print_type(model.type) if print_type(model.type) != merged else None,
            external=model.external,
            requires=model.requires,
            provides=model.provides,
            override=model.override,
        )
        for graph, model in by_graph.items()
    ]
