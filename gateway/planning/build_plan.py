"""Turns the fetch graph into plan nodes, and each fetch into its subgraph operation text."""

from __future__ import annotations

from graphql import print_ast

from gateway.planning.fetch_graph import FetchBuilder
from gateway.planning.merge_fetches import FetchGroup, group_fetches
from gateway.planning.operation import Condition as FieldCondition
from gateway.planning.operation import Operation
from gateway.planning.plan import (
    Condition,
    Fetch,
    Flatten,
    Parallel,
    PlanNode,
    Sequence,
)
from gateway.planning.selection import Selection, alias_type_conflicts, print_selection
from gateway.supergraph.model import Supergraph


def build_plan(
    supergraph: Supergraph, operation: Operation, fetches: list[FetchBuilder]
) -> PlanNode | None:
    roots = [f for f in fetches if f.parent is None]
    if not roots:
        return None
    if operation.kind == "query":
        return _staged_plan(supergraph, operation, fetches)
    nodes = [_subtree(supergraph, operation, root) for root in roots]
    if len(nodes) == 1:
        return nodes[0]
    if operation.kind == "mutation":
        return Sequence(tuple(nodes))
    return Parallel(tuple(nodes))


def _staged_plan(
    supergraph: Supergraph, operation: Operation, fetches: list[FetchBuilder]
) -> PlanNode:
    """Stages of parallel requests; same-stage entity fetches to one subgraph are merged."""
    groups = group_fetches(fetches)
    stages: dict[int, list[PlanNode]] = {}
    for group in groups:
        node: PlanNode = to_fetch(supergraph, operation, group.first, group)
        if group.first.is_entity:
            node = Flatten(group.first.path, node)  # type: ignore[arg-type]
        node = _conditioned(node, group.first.condition, ())
        stages.setdefault(group.stage, []).append(node)
    sequence = [
        nodes[0] if len(nodes) == 1 else Parallel(tuple(nodes))
        for _, nodes in sorted(stages.items())
    ]
    return sequence[0] if len(sequence) == 1 else Sequence(tuple(sequence))


def _subtree(supergraph: Supergraph, operation: Operation, fetch: FetchBuilder) -> PlanNode:
    own: PlanNode = to_fetch(supergraph, operation, fetch)
    if fetch.is_entity:
        own = Flatten(fetch.path, own)  # type: ignore[arg-type]
    stages = _layer_children(fetch)
    sequence: list[PlanNode] = [own]
    for stage in stages:
        subtrees = [_conditioned(_subtree(supergraph, operation, c), c.condition, fetch.condition) for c in stage]
        sequence.append(subtrees[0] if len(subtrees) == 1 else Parallel(tuple(subtrees)))
    return sequence[0] if len(sequence) == 1 else Sequence(tuple(sequence))


def _conditioned(node: PlanNode, condition: FieldCondition, inherited: FieldCondition) -> PlanNode:
    for variable, expected in reversed(condition[len(inherited) :] if condition[: len(inherited)] == inherited else condition):
        node = Condition(variable, node, None) if expected else Condition(variable, None, node)
    return node


def _descendants(fetch: FetchBuilder) -> set[int]:
    result = {fetch.id}
    for child in fetch.children:
        result |= _descendants(child)
    return result


def _layer_children(fetch: FetchBuilder) -> list[list[FetchBuilder]]:
    """Children grouped into stages: a child waits for the siblings whose data it requires."""
    children = list(fetch.children)
    owned = {c.id: _descendants(c) for c in children}
    waits: dict[int, set[int]] = {}
    for child in children:
        waits[child.id] = {
            sibling.id
            for sibling in children
            if sibling is not child and child.depends_on & owned[sibling.id]
        }
    stages: list[list[FetchBuilder]] = []
    done: set[int] = set()
    pending = children
    while pending:
        ready = [c for c in pending if waits[c.id] <= done]
        if not ready:  # a cycle would be a planner bug; run the rest in order
            ready = pending[:1]
        stages.append(ready)
        done |= {c.id for c in ready}
        pending = [c for c in pending if c.id not in done]
    return stages


def to_fetch(
    supergraph: Supergraph,
    operation: Operation,
    fetch: FetchBuilder,
    group: FetchGroup | None = None,
) -> Fetch:
    variables: set[str] = set()
    subgraph = supergraph.subgraph(fetch.graph)
    selection = group.selection if group is not None else fetch.selection
    requires = group.requires if group is not None else fetch.requires
    paths = group.paths if group is not None else (fetch.path,)
    renamed = alias_type_conflicts(selection)
    if fetch.is_entity:
        if _tag_entities(selection, requires):
            selection.add_typename()
        body = print_selection(selection, variables)
        text = "_entities(representations:$representations){" + body + "}"
        definitions = ["$representations:[_Any!]!"]
        kind = "query"
    else:
        text = print_selection(selection, variables)
        definitions = []
        kind = operation.kind
    names = tuple(sorted(variables))
    for name in names:
        definition = operation.variable_definitions.get(name)
        if definition is not None:
            definitions.append(print_ast(definition).replace(": ", ":"))
    header = kind
    if operation.name:
        header += f" {operation.name}__{subgraph.name}__{fetch.id}"
    if definitions:
        header += "(" + ",".join(definitions) + ")"
    return Fetch(
        id=fetch.id,
        graph=fetch.graph,
        service_name=subgraph.name,
        query=f"{header}{{{text}}}",
        variable_names=names,
        path=fetch.path,
        entity_types=tuple(requires.fragments) if fetch.is_entity else (),
        requires=requires if fetch.is_entity else None,
        selection=selection,
        paths=paths,
        operation_kind=kind,
        renamed=renamed,
    )


def _tag_entities(selection: Selection, requires: Selection) -> bool:
    """An `_entities` fetch for several entity types asks for each entity's `__typename`,
    so that its answer says which type each entity is (typed execution decodes the list as
    a tagged union). Not when a type travels as its interface (@interfaceObject): the
    subgraph would name the interface, not the type the gateway holds."""
    served = [name for name, fragment in selection.fragments.items() if not fragment.is_empty()]
    return len(served) > 1 and all(fragment.as_type is None for fragment in requires.fragments.values())
