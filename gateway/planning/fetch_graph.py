"""Builds the fetch graph: which subgraph fetches each field, and the entity jumps between them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    GraphQLList,
    GraphQLNonNull,
    GraphQLOutputType,
    InlineFragmentNode,
    SelectionSetNode,
)

from gateway.errors import PlanningError
from gateway.planning.operation import Condition, Field, Operation, normalize_field_set
from gateway.planning.selection import Selection
from gateway.supergraph.model import Key, Supergraph

# What @provides lets a subgraph resolve below a field: field name -> what it provides below.
Provided = dict[str, Any]


@dataclass(slots=True, eq=False)
class FetchBuilder:
    id: int
    graph: str
    path: tuple[str, ...]
    parent: FetchBuilder | None
    condition: Condition
    is_entity: bool
    selection: Selection = field(default_factory=Selection)
    requires: Selection = field(default_factory=Selection)
    depends_on: set[int] = field(default_factory=set)
    children: list[FetchBuilder] = field(default_factory=list)


def list_depth(graphql_type: GraphQLOutputType | None) -> int:
    depth = 0
    current: Any = graphql_type
    while current is not None:
        if isinstance(current, GraphQLNonNull):
            current = current.of_type
        elif isinstance(current, GraphQLList):
            depth += 1
            current = current.of_type
        else:
            break
    return depth


def provided_tree(selection_set: SelectionSetNode | None) -> Provided | None:
    if selection_set is None:
        return None
    tree: Provided = {}
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            sub = provided_tree(selection.selection_set)
            tree[selection.name.value] = sub if sub is not None else {}
        elif isinstance(selection, InlineFragmentNode):
            tree.update(provided_tree(selection.selection_set) or {})
    return tree


class FetchGraphBuilder:
    """Walks the normalised operation and assigns every field to a subgraph fetch."""

    def __init__(self, supergraph: Supergraph, operation: Operation) -> None:
        self.supergraph = supergraph
        self.operation = operation
        self.fetches: list[FetchBuilder] = []
        self.roots: list[FetchBuilder] = []
        self._children: dict[tuple[int, str, tuple[str, ...], Condition], FetchBuilder] = {}
        self._stack: set[tuple[str, str, str]] = set()

    # ---- fetches -------------------------------------------------------------------

    def new_fetch(
        self,
        graph: str,
        path: tuple[str, ...],
        parent: FetchBuilder | None,
        condition: Condition,
        is_entity: bool,
    ) -> FetchBuilder:
        fetch = FetchBuilder(len(self.fetches), graph, path, parent, condition, is_entity)
        self.fetches.append(fetch)
        if parent is None:
            self.roots.append(fetch)
        else:
            parent.children.append(fetch)
            fetch.depends_on.add(parent.id)
        return fetch

    def child_fetch(
        self,
        parent: FetchBuilder,
        graph: str,
        path: tuple[str, ...],
        condition: Condition,
        avoid: set[int],
    ) -> FetchBuilder:
        key = (parent.id, graph, path, condition)
        existing = self._children.get(key)
        if existing is not None and existing.id not in avoid:
            return existing
        child = self.new_fetch(graph, path, parent, condition, is_entity=True)
        if existing is None:
            self._children[key] = child
        return child

    # ---- the walk ------------------------------------------------------------------

    def build(self) -> list[FetchBuilder]:
        root_type = self.operation.root_type
        ordered = self.operation.kind == "mutation"
        current: FetchBuilder | None = None
        by_graph: dict[str, FetchBuilder] = {}
        for root_field in self.operation.fields:
            if root_field.name in ("__typename", "__schema", "__type"):
                continue
            graphs = self.supergraph.resolving_graphs(root_type, root_field.name)
            if not graphs:
                raise PlanningError(f"No subgraph resolves {root_type}.{root_field.name}.")
            if ordered:
                if current is None or current.graph not in graphs:
                    current = self.new_fetch(
                        self.best_root_graph(graphs, root_field), (), None, (), False
                    )
                fetch = current
            else:
                existing = next((by_graph[g] for g in graphs if g in by_graph), None)
                if existing is None:
                    graph = self.best_root_graph(graphs, root_field)
                    existing = by_graph[graph] = self.new_fetch(graph, (), None, (), False)
                fetch = existing
            self.plan_fields(fetch, fetch.selection, root_type, [root_field], (), None, ())
        return self.fetches

    def best_root_graph(self, graphs: list[str], root_field: Field) -> str:
        if len(graphs) == 1:
            return graphs[0]
        scores = {graph: self.local_coverage(graph, root_field) for graph in graphs}
        return max(graphs, key=lambda g: scores[g])

    def local_coverage(self, graph: str, item: Field) -> int:
        """How many fields below `item` `graph` resolves without a jump."""
        if not item.selections:
            return 0
        count = 0
        for fields in item.selections.values():
            for child in fields:
                if child.name == "__typename" or self.is_local(
                    graph, child.parent_type, child.name, None
                ):
                    count += 1 + self.local_coverage(graph, child)
        return count

    def is_local(
        self, graph: str, parent_type: str, field_name: str, provided: Provided | None
    ) -> bool:
        if provided is not None and field_name in provided:
            return True
        if graph in self.supergraph.resolving_graphs(parent_type, field_name):
            return True
        return self.is_key_field(graph, parent_type, field_name)

    def is_key_field(self, graph: str, parent_type: str, field_name: str) -> bool:
        info = self.supergraph.types.get(parent_type)
        if info is None:
            return False
        for key in info.keys_in(graph):
            for selection in key.selection.selections:
                if isinstance(selection, FieldNode) and selection.name.value == field_name:
                    return graph in self.supergraph.field_graphs(parent_type, field_name)
        return False

    def plan_fields(
        self,
        fetch: FetchBuilder,
        selection: Selection,
        parent_type: str,
        fields: list[Field],
        path: tuple[str, ...],
        provided: Provided | None,
        condition: Condition,
    ) -> set[int]:
        """Adds `fields` (selected on object type `parent_type`) to `fetch` or to entity
        fetches hanging off it; returns the ids of every fetch that produces them."""
        used = {fetch.id}
        remote: list[Field] = []
        for item in fields:
            if item.name == "__typename":
                selection.add_field(item.response_key, "__typename", item.node, item.condition)
                continue
            if self.is_local(fetch.graph, parent_type, item.name, provided):
                used |= self.plan_local_field(
                    fetch, selection, parent_type, item, path, provided, condition
                )
            else:
                remote.append(item)
        while remote:
            graph, key = self.choose_jump(fetch.graph, parent_type, remote)
            taken = [f for f in remote if graph in self.supergraph.resolving_graphs(parent_type, f.name)]
            remote = [f for f in remote if f not in taken]
            for item in taken:
                used |= self.plan_jump(
                    fetch, selection, parent_type, item, path, provided, condition, graph, key
                )
        return used

    def plan_local_field(
        self,
        fetch: FetchBuilder,
        selection: Selection,
        parent_type: str,
        item: Field,
        path: tuple[str, ...],
        provided: Provided | None,
        condition: Condition,
    ) -> set[int]:
        sub = selection.add_field(item.response_key, item.name, item.node, item.condition)
        if item.selections is None:
            return {fetch.id}
        child_path = path + (item.response_key,) + ("@",) * list_depth(item.type)
        child_provided = self.provides_below(fetch.graph, parent_type, item.name, provided)
        if sub.selection is None:
            sub.selection = Selection()
        used = {fetch.id}
        inner_condition = condition + item.condition
        named = item.type_name
        if self.supergraph.is_abstract(named) and not self.graph_sees_object(fetch.graph, named):
            sub.selection.add_typename()
            known = set(self.supergraph.possible_types_in(named, fetch.graph))
            for concrete, fields in item.selections.items():
                if concrete not in known:
                    continue
                fragment = sub.selection.fragment(concrete)
                used |= self.plan_fields(
                    fetch, fragment, concrete, fields, child_path, child_provided, inner_condition
                )
        else:
            if self.supergraph.is_abstract(named):
                # An @interfaceObject subgraph answers with the interface type itself.
                sub.selection.add_typename()
            for concrete, fields in item.selections.items():
                if self.supergraph.is_abstract(named):
                    target = sub.selection
                    used |= self.plan_fields(
                        fetch, target, concrete, fields, child_path, child_provided, inner_condition
                    )
                    break
                used |= self.plan_fields(
                    fetch,
                    sub.selection,
                    concrete,
                    fields,
                    child_path,
                    child_provided,
                    inner_condition,
                )
        return used

    def graph_sees_object(self, graph: str, abstract: str) -> bool:
        info = self.supergraph.types.get(abstract)
        return info is not None and graph in info.interface_object_graphs

    def provides_below(
        self, graph: str, parent_type: str, field_name: str, provided: Provided | None
    ) -> Provided | None:
        if provided is not None and field_name in provided and provided[field_name]:
            return dict(provided[field_name])
        definition = self.supergraph.field_graphs(parent_type, field_name).get(graph)
        if definition is not None and definition.provides is not None:
            return provided_tree(definition.provides)
        return None

    def choose_jump(self, from_graph: str, parent_type: str, remote: list[Field]) -> tuple[str, Key]:
        info = self.supergraph.types.get(parent_type)
        if info is None:
            raise PlanningError(f"Unknown type {parent_type}.")
        best: tuple[int, int, str, Key] | None = None
        for graph in self.supergraph.subgraphs:
            if graph == from_graph:
                continue
            covered = sum(
                1 for f in remote if graph in self.supergraph.resolving_graphs(parent_type, f.name)
            )
            if covered == 0:
                continue
            for key in info.keys_in(graph):
                if not key.resolvable:
                    continue
                local = int(self.key_is_local(from_graph, parent_type, key.selection))
                score = (covered, local)
                if best is None or score > (best[0], best[1]):
                    best = (covered, local, graph, key)
        if best is None:
            names = ", ".join(f"{parent_type}.{f.name}" for f in remote)
            raise PlanningError(
                f"Cannot plan {names}: no subgraph that resolves it has a usable @key "
                f"for {parent_type} reachable from {self.supergraph.subgraph(from_graph).name}."
            )
        return best[2], best[3]

    def key_is_local(self, graph: str, parent_type: str, selection_set: SelectionSetNode) -> bool:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if not self.is_local(graph, parent_type, selection.name.value, None):
                    return False
        return True

    def plan_jump(
        self,
        fetch: FetchBuilder,
        selection: Selection,
        parent_type: str,
        item: Field,
        path: tuple[str, ...],
        provided: Provided | None,
        condition: Condition,
        graph: str,
        key: Key,
    ) -> set[int]:
        guard = (parent_type, item.name, graph)
        if guard in self._stack:
            raise PlanningError(f"Circular dependency planning {parent_type}.{item.name}.")
        self._stack.add(guard)
        try:
            schema = self.supergraph.schema
            selection.add_typename()
            key_fields = normalize_field_set(schema, parent_type, key.selection)
            deps = self.plan_fields(fetch, selection, parent_type, key_fields, path, provided, ())
            definition = self.supergraph.field_graphs(parent_type, item.name).get(graph)
            required: list[Field] = []
            if definition is not None and definition.requires is not None:
                required = normalize_field_set(schema, parent_type, definition.requires)
                deps |= self.plan_fields(
                    fetch, selection, parent_type, required, path, provided, ()
                )
            child_condition = condition + item.condition
            child = self.child_fetch(fetch, graph, path, child_condition, avoid=deps)
            child.depends_on |= deps
            representation = child.requires.fragment(parent_type)
            representation.add_typename()
            copy_fields(representation, key_fields)
            copy_fields(representation, required)
            entry = child.selection.fragment(parent_type)
            produced = self.plan_fields(child, entry, parent_type, [item], path, None, child_condition)
            return deps | produced
        finally:
            self._stack.discard(guard)


def copy_fields(selection: Selection, fields: list[Field]) -> None:
    for item in fields:
        sub = selection.add_field(item.response_key, item.name, item.node)
        if item.selections is not None:
            if sub.selection is None:
                sub.selection = Selection()
            for concrete, children in item.selections.items():
                if len(item.selections) == 1 and concrete == item.type_name:
                    copy_fields(sub.selection, children)
                else:
                    sub.selection.add_typename()
                    copy_fields(sub.selection.fragment(concrete), children)
