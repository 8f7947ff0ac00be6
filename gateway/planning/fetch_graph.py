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


@dataclass(frozen=True, slots=True)
class Origin:
    """The nearest point above a field where another subgraph can take over: the root of the
    operation, or the nearest entity, with the fields leading from there to here."""

    fetch: FetchBuilder | None  # the fetch holding the entity; None for the root
    type_name: str
    path: tuple[str, ...]
    selection: Selection | None  # the entity's selection inside `fetch`
    chain: tuple[tuple[Field, str], ...] = ()  # (field, its object type) from there to here


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
            inner = provided_tree(selection.selection_set) or {}
            if selection.type_condition is None:
                tree.update(inner)
            else:
                key = f"... on {selection.type_condition.name.value}"
                tree.setdefault(key, {}).update(inner)
    return tree


class FetchGraphBuilder:
    """Walks the normalised operation and assigns every field to a subgraph fetch."""

    def __init__(self, supergraph: Supergraph, operation: Operation) -> None:
        self.supergraph = supergraph
        self.operation = operation
        self.fetches: list[FetchBuilder] = []
        self.roots: list[FetchBuilder] = []
        self._children: dict[tuple[int, str, tuple[str, ...], Condition], FetchBuilder] = {}
        self._stack: set[tuple[str, str, str, tuple[str, ...]]] = set()

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
            origin = Origin(None, root_type, (), None)
            self.plan_fields(fetch, fetch.selection, root_type, [root_field], (), None, (), origin)
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
        self,
        graph: str,
        parent_type: str,
        field_name: str,
        provided: Provided | None,
        requires_ok: frozenset[str] = frozenset(),
    ) -> bool:
        if provided is not None and field_name in self.provided_on(provided, parent_type):
            return True
        if graph in self.supergraph.resolving_graphs(parent_type, field_name):
            definition = self.supergraph.field_graphs(parent_type, field_name).get(graph)
            # A field with @requires reads its inputs from a representation: it is only
            # resolvable at the entry of an _entities fetch made for it.
            return definition is None or definition.requires is None or field_name in requires_ok
        return self.is_key_field(graph, parent_type, field_name)

    def provided_on(self, provided: Provided, parent_type: str) -> Provided:
        """What @provides makes available on one object type: untyped fields, and those
        under a fragment on the type or on an abstract type it belongs to."""
        fields = {k: v for k, v in provided.items() if not k.startswith("... on ")}
        for key, inner in provided.items():
            if key.startswith("... on "):
                condition = key[len("... on ") :]
                if parent_type in self.supergraph.possible_types(condition):
                    fields.update(inner)
        return fields

    def is_key_field(self, graph: str, parent_type: str, field_name: str) -> bool:
        info = self.supergraph.types.get(parent_type)
        if info is None:
            return False
        for key in info.keys_in(graph):
            for selection in key.selection.selections:
                if isinstance(selection, FieldNode) and selection.name.value == field_name:
                    # A subgraph always knows its own key fields (Federation 1 marks them
                    # @external on type extensions).
                    return True
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
        origin: Origin,
        requires_ok: frozenset[str] = frozenset(),
    ) -> set[int]:
        """Adds `fields` (selected on object type `parent_type`) to `fetch` or to entity
        fetches hanging off it; returns the ids of every fetch that produces them."""
        used = {fetch.id}
        remote: list[Field] = []
        for item in fields:
            if item.name == "__typename":
                selection.add_field(item.response_key, "__typename", item.node, item.fetch_condition)
                continue
            if self.is_local(fetch.graph, parent_type, item.name, provided, requires_ok):
                used |= self.plan_local_field(
                    fetch, selection, parent_type, item, path, provided, condition, origin
                )
            else:
                remote.append(item)
        while remote:
            choice = self.choose_jump(fetch.graph, parent_type, remote)
            if choice is None:
                via_interface = self.choose_interface_object_jump(parent_type, remote)
                if via_interface is not None:
                    graph, interface, key, taken = via_interface
                    remote = [f for f in remote if f not in taken]
                    used |= self.plan_interface_object_jump(
                        fetch, selection, parent_type, taken, path, provided, condition,
                        graph, interface, key, origin,
                    )
                    continue
                used |= self.plan_origin_jump(fetch, parent_type, remote, path, condition, origin)
                break
            graph, key = choice
            taken = [f for f in remote if graph in self.supergraph.resolving_graphs(parent_type, f.name)]
            remote = [f for f in remote if f not in taken]
            for item in taken:
                used |= self.plan_jump(
                    fetch, selection, parent_type, item, path, provided, condition, graph, key, origin
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
        origin: Origin,
    ) -> set[int]:
        sub = selection.add_field(item.response_key, item.name, item.node, item.fetch_condition)
        if sub.type_repr is None:
            definition = self.supergraph.field_graphs(parent_type, item.name).get(fetch.graph)
            sub.type_repr = definition.type if definition and definition.type else str(item.type)
        if item.selections is None:
            return {fetch.id}
        child_path = path + (item.response_key,) + ("@",) * list_depth(item.type)
        child_provided = self.provides_below(fetch.graph, parent_type, item.name, provided)
        if sub.selection is None:
            sub.selection = Selection()
        used = {fetch.id}
        inner_condition = condition + item.fetch_condition
        named = item.type_name
        if self.supergraph.is_abstract(named) and self.graph_sees_object(fetch.graph, named):
            return used | self.plan_interface_object_position(
                fetch, sub.selection, named, item, child_path, child_provided, inner_condition,
                origin,
            )
        if self.supergraph.is_abstract(named):
            sub.selection.add_typename()
            known = set(self.supergraph.possible_types_in(named, fetch.graph))
            for concrete, fields in item.selections.items():
                if concrete not in known:
                    continue
                fragment = sub.selection.fragment(concrete)
                used |= self.plan_fields(
                    fetch, fragment, concrete, fields, child_path, child_provided, inner_condition,
                    self.descend(origin, fetch, item, concrete, child_path, fragment),
                )
        else:
            for concrete, fields in item.selections.items():
                used |= self.plan_fields(
                    fetch, sub.selection, concrete, fields, child_path, child_provided,
                    inner_condition,
                    self.descend(origin, fetch, item, concrete, child_path, sub.selection),
                )
        return used

    def alias_if_conflicting(
        self, selection: Selection, required: Field, aliases: dict[str, str]
    ) -> Field:
        """A key or required field whose response key the client gave to another field (or
        to the same field with other arguments) is fetched under an alias, and renamed back
        in the representation."""
        existing = selection.fields.get(required.response_key)
        if existing is None or (
            existing.name == required.name and _same_arguments(existing.node, required.node)
        ):
            return required
        alias = f"{required.name}__requires_{len(self.fetches)}_{len(aliases)}"
        for key, sub in selection.fields.items():
            if (
                key.startswith(f"{required.name}__requires_")
                and sub.name == required.name
                and _same_arguments(sub.node, required.node)
            ):
                alias = key
                break
        aliases[required.response_key] = alias
        node = required.node
        return Field(
            alias, required.name, node, required.parent_type, required.type,
            required.condition, required.selections,
        )

    def plan_key_fields(
        self,
        fetch: FetchBuilder,
        selection: Selection,
        parent_type: str,
        fields: list[Field],
        path: tuple[str, ...],
        provided: Provided | None,
        origin: Origin,
        aliases: dict[str, str],
    ) -> set[int]:
        """Puts representation fields in the parent fetch, aliased where the client's own
        fields took their response keys."""
        planned = [self.alias_if_conflicting(selection, f, aliases) for f in fields]
        return self.plan_fields(fetch, selection, parent_type, planned, path, provided, (), origin)

    def descend(
        self,
        origin: Origin,
        fetch: FetchBuilder,
        item: Field,
        concrete: str,
        child_path: tuple[str, ...],
        selection: Selection,
    ) -> Origin:
        info = self.supergraph.types.get(concrete)
        if info is not None and any(key.resolvable for key in info.keys):
            return Origin(fetch, concrete, child_path, selection)
        return Origin(
            origin.fetch, origin.type_name, origin.path, origin.selection,
            (*origin.chain, (item, concrete)),
        )

    def plan_origin_jump(
        self,
        fetch: FetchBuilder,
        parent_type: str,
        remote: list[Field],
        path: tuple[str, ...],
        condition: Condition,
        origin: Origin,
    ) -> set[int]:
        """Fields of a value type that `fetch`'s subgraph cannot resolve: go back to the root
        or the nearest entity and walk down again in a subgraph that has them."""
        used: set[int] = set()
        while remote:
            graph = self.choose_origin_graph(fetch.graph, parent_type, remote, origin)
            taken = [f for f in remote if graph in self.supergraph.resolving_graphs(parent_type, f.name)]
            remote = [f for f in remote if f not in taken]
            if origin.fetch is None:
                if self.operation.kind != "query":
                    raise PlanningError(
                        f"Cannot plan {parent_type}.{taken[0].name}: it would need the "
                        f"{self.operation.kind} field run twice."
                    )
                target = self.root_fetch_for(graph)
                entry = target.selection
                deps: set[int] = set()
            else:
                key = next(
                    k for k in self.supergraph.types[origin.type_name].keys_in(graph) if k.resolvable
                )
                assert origin.selection is not None
                origin.selection.add_typename()
                key_fields = normalize_field_set(self.supergraph.schema, origin.type_name, key.selection)
                root_origin = Origin(None, self.operation.root_type, (), None)
                key_aliases: dict[str, str] = {}
                deps = self.plan_key_fields(
                    origin.fetch, origin.selection, origin.type_name, key_fields, origin.path,
                    None, root_origin, key_aliases,
                )
                target = self.child_fetch(origin.fetch, graph, origin.path, condition, avoid=deps)
                target.depends_on |= deps
                representation = target.requires.fragment(origin.type_name)
                representation.add_typename()
                fill_representation(representation, key_fields, key_aliases)
                entry = target.selection.fragment(origin.type_name)
            selection = entry
            for chain_field, concrete in origin.chain:
                sub = selection.add_field(
                    chain_field.response_key, chain_field.name, chain_field.node, chain_field.fetch_condition
                )
                if sub.selection is None:
                    sub.selection = Selection()
                selection = sub.selection
                if self.supergraph.is_abstract(chain_field.type_name):
                    selection.add_typename()
                    selection = selection.fragment(concrete)
            new_origin = Origin(
                target if origin.fetch is not None else None,
                origin.type_name, origin.path, entry if origin.fetch is not None else None,
                origin.chain,
            )
            used |= deps | self.plan_fields(
                target, selection, parent_type, taken, path, None, condition, new_origin
            )
        return used

    def choose_origin_graph(
        self, from_graph: str, parent_type: str, remote: list[Field], origin: Origin
    ) -> str:
        best: tuple[int, str] | None = None
        for graph in self.supergraph.subgraphs:
            if graph == from_graph:
                continue
            if origin.fetch is not None and not any(
                k.resolvable for k in self.supergraph.types[origin.type_name].keys_in(graph)
            ):
                continue
            if not all(
                graph in self.supergraph.resolving_graphs(f.parent_type, f.name)
                for f, _ in origin.chain
            ):
                continue
            covered = sum(
                1 for f in remote if graph in self.supergraph.resolving_graphs(parent_type, f.name)
            )
            if covered and (best is None or covered > best[0]):
                best = (covered, graph)
        if best is None:
            names = ", ".join(f"{parent_type}.{f.name}" for f in remote)
            raise PlanningError(
                f"Cannot plan {names}: no subgraph resolves it from "
                f"{self.supergraph.subgraph(from_graph).name}'s data."
            )
        return best[1]

    def root_fetch_for(self, graph: str) -> FetchBuilder:
        for fetch in self.roots:
            if fetch.graph == graph:
                return fetch
        return self.new_fetch(graph, (), None, (), False)

    def plan_interface_object_position(
        self,
        fetch: FetchBuilder,
        selection: Selection,
        interface: str,
        item: Field,
        path: tuple[str, ...],
        provided: Provided | None,
        condition: Condition,
        origin: Origin,
    ) -> set[int]:
        """An interface that `fetch`'s subgraph models as an @interfaceObject: it answers
        the interface's own fields; the concrete type and everything else comes from a
        subgraph that knows the implementations, through an _entities call on the interface."""
        assert item.selections is not None
        selection.add_typename()
        local: dict[str, Field] = {}
        rest: dict[str, list[Field]] = {}
        for concrete, fields in item.selections.items():
            for selected in fields:
                if selected.name != "__typename" and self.is_local(
                    fetch.graph, interface, selected.name, provided
                ):
                    local.setdefault(selected.response_key, selected)
                else:
                    rest.setdefault(concrete, []).append(selected)
        here = Origin(fetch, interface, path, selection)
        used = self.plan_fields(
            fetch, selection, interface, list(local.values()), path, provided, condition, here
        )
        if not any(rest.values()):
            return used
        info = self.supergraph.types[interface]
        owner = next(
            (
                (key.graph, key)
                for key in info.keys
                if key.resolvable and key.graph not in info.interface_object_graphs
            ),
            None,
        )
        if owner is None:
            raise PlanningError(
                f"Cannot find the concrete type of {interface}: no subgraph defines it as an "
                "interface with a resolvable @key."
            )
        graph, key = owner
        key_fields = normalize_field_set(self.supergraph.schema, interface, key.selection)
        key_aliases: dict[str, str] = {}
        deps = self.plan_key_fields(
            fetch, selection, interface, key_fields, path, None, here, key_aliases
        )
        child = self.child_fetch(fetch, graph, path, condition, avoid=deps)
        child.depends_on |= deps
        representation = child.requires.fragment(interface)
        representation.add_typename()
        fill_representation(representation, key_fields, key_aliases)
        entry = child.selection.fragment(interface)
        entry.add_typename()
        known = set(self.supergraph.possible_types_in(interface, graph))
        for concrete, fields in rest.items():
            if concrete not in known:
                continue
            fragment = entry.fragment(concrete)
            used |= self.plan_fields(
                child, fragment, concrete, fields, path, None, condition,
                Origin(child, concrete, path, fragment),
            )
        return used | deps | {child.id}

    def choose_interface_object_jump(
        self, parent_type: str, remote: list[Field]
    ) -> tuple[str, str, Key, list[Field]] | None:
        """A field of an object type that only an @interfaceObject subgraph resolves, on
        an interface the type implements."""
        graphql_type = self.supergraph.schema.get_type(parent_type)
        for interface in getattr(graphql_type, "interfaces", ()):
            info = self.supergraph.types.get(interface.name)
            if info is None:
                continue
            for graph in sorted(info.interface_object_graphs):
                taken = [
                    f for f in remote
                    if graph in self.supergraph.resolving_graphs(interface.name, f.name)
                ]
                key = next((k for k in info.keys_in(graph) if k.resolvable), None)
                if taken and key is not None:
                    return graph, interface.name, key, taken
        return None

    def plan_interface_object_jump(
        self,
        fetch: FetchBuilder,
        selection: Selection,
        parent_type: str,
        fields: list[Field],
        path: tuple[str, ...],
        provided: Provided | None,
        condition: Condition,
        graph: str,
        interface: str,
        key: Key,
        origin: Origin,
    ) -> set[int]:
        selection.add_typename()
        key_fields = normalize_field_set(self.supergraph.schema, parent_type, key.selection)
        key_aliases: dict[str, str] = {}
        deps = self.plan_key_fields(
            fetch, selection, parent_type, key_fields, path, provided, origin, key_aliases
        )
        required: list[Field] = []
        for item in fields:
            definition = self.supergraph.field_graphs(interface, item.name).get(graph)
            if definition is not None and definition.requires is not None:
                required += normalize_field_set(
                    self.supergraph.schema, parent_type, definition.requires
                )
        if required:
            deps |= self.plan_fields(
                fetch, selection, parent_type, required, path, provided, (), origin
            )
        child = self.child_fetch(fetch, graph, path, condition, avoid=deps)
        child.depends_on |= deps
        representation = child.requires.fragment(parent_type)
        representation.add_typename()
        representation.as_type = interface
        fill_representation(representation, key_fields, key_aliases)
        copy_fields(representation, required)
        entry = child.selection.fragment(interface)
        produced = self.plan_fields(
            child, entry, interface, fields, path, None, condition,
            Origin(child, interface, path, entry),
            frozenset(f.name for f in fields),
        )
        return deps | produced

    def graph_sees_object(self, graph: str, abstract: str) -> bool:
        info = self.supergraph.types.get(abstract)
        return info is not None and graph in info.interface_object_graphs

    def provides_below(
        self, graph: str, parent_type: str, field_name: str, provided: Provided | None
    ) -> Provided | None:
        if provided is not None:
            below = self.provided_on(provided, parent_type).get(field_name)
            if below:
                return dict(below)
        definition = self.supergraph.field_graphs(parent_type, field_name).get(graph)
        if definition is not None and definition.provides is not None:
            return provided_tree(definition.provides)
        return None

    def choose_jump(
        self, from_graph: str, parent_type: str, remote: list[Field]
    ) -> tuple[str, Key] | None:
        info = self.supergraph.types.get(parent_type)
        if info is None:
            raise PlanningError(f"Unknown type {parent_type}.")
        best: tuple[int, int, str, Key] | None = None
        for graph in self.supergraph.subgraphs:
            covered = sum(
                1 + self.local_coverage(graph, f)
                for f in remote
                if graph in self.supergraph.resolving_graphs(parent_type, f.name)
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
            return None
        return best[2], best[3]

    def key_is_local(self, graph: str, parent_type: str, selection_set: SelectionSetNode) -> bool:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode) and not self.is_local(
                graph, parent_type, selection.name.value, None
            ):
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
        origin: Origin,
    ) -> set[int]:
        guard = (parent_type, item.name, graph, path)
        if guard in self._stack:
            raise PlanningError(f"Circular dependency planning {parent_type}.{item.name}.")
        self._stack.add(guard)
        try:
            schema = self.supergraph.schema
            selection.add_typename()
            key_fields = normalize_field_set(schema, parent_type, key.selection)
            aliases: dict[str, str] = {}
            deps = self.plan_key_fields(
                fetch, selection, parent_type, key_fields, path, provided, origin, aliases
            )
            definition = self.supergraph.field_graphs(parent_type, item.name).get(graph)
            required: list[Field] = []
            if definition is not None and definition.requires is not None:
                required = normalize_field_set(schema, parent_type, definition.requires)
                planned = [self.alias_if_conflicting(selection, f, aliases) for f in required]
                deps |= self.plan_fields(
                    fetch, selection, parent_type, planned, path, provided, (), origin
                )
            child_condition = condition + item.fetch_condition
            child = self.child_fetch(fetch, graph, path, child_condition, avoid=deps)
            representation = child.requires.fragment(parent_type)
            if any(
                representation.fields.get(name) is not None
                and representation.fields[name].source_key != alias
                for name, alias in aliases.items()
            ):
                # The same required field with other arguments: a representation holds one.
                child = self.new_fetch(graph, path, fetch, child_condition, is_entity=True)
                representation = child.requires.fragment(parent_type)
            child.depends_on |= deps
            representation.add_typename()
            copy_fields(representation, key_fields)
            copy_fields(representation, required)
            for name, alias in aliases.items():
                representation.fields[name].source_key = alias
            entry = child.selection.fragment(parent_type)
            entry_origin = Origin(child, parent_type, path, entry)
            produced = self.plan_fields(
                child, entry, parent_type, [item], path, None, child_condition, entry_origin,
                frozenset({item.name}),
            )
            return deps | produced
        finally:
            self._stack.discard(guard)


def _same_arguments(a: FieldNode | None, b: FieldNode | None) -> bool:
    from graphql import print_ast

    args_a = tuple(print_ast(x) for x in (a.arguments if a is not None else ()) or ())
    args_b = tuple(print_ast(x) for x in (b.arguments if b is not None else ()) or ())
    return args_a == args_b


def fill_representation(
    representation: Selection, fields: list[Field], aliases: dict[str, str]
) -> None:
    copy_fields(representation, fields)
    for name, alias in aliases.items():
        if name in representation.fields:
            representation.fields[name].source_key = alias


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
