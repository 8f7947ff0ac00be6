"""Query plan nodes: Fetch, Flatten, Sequence, Parallel and Condition."""

from __future__ import annotations

from dataclasses import dataclass, field

from gateway.planning.selection import Selection


@dataclass(frozen=True, slots=True, eq=False)
class Fetch:
    id: int
    graph: str
    service_name: str
    query: str  # the subgraph operation text
    variable_names: tuple[str, ...]  # client variables forwarded to the subgraph
    path: tuple[str, ...]  # where the results merge; "@" marks a list level
    entity_types: tuple[str, ...] = ()  # for an _entities fetch: the types it resolves
    requires: Selection | None = None  # representation fields, per entity type
    selection: Selection | None = None  # the selection sent, rooted at the fetch's entry
    operation_kind: str = "query"
    paths: tuple[tuple[str, ...], ...] = ()  # every path an entity fetch serves
    renamed: bool = False  # the response carries aliases to undo (see alias_type_conflicts)
    runtime: dict[str, object] = field(default_factory=dict)  # what execution compiles, once

    @property
    def is_entity_fetch(self) -> bool:
        return bool(self.entity_types)


@dataclass(frozen=True, slots=True)
class Flatten:
    path: tuple[str, ...]
    node: Fetch


@dataclass(frozen=True, slots=True)
class Sequence:
    nodes: tuple[PlanNode, ...]


@dataclass(frozen=True, slots=True)
class Parallel:
    nodes: tuple[PlanNode, ...]


@dataclass(frozen=True, slots=True)
class Condition:
    variable: str
    if_true: PlanNode | None
    if_false: PlanNode | None = None


PlanNode = Fetch | Flatten | Sequence | Parallel | Condition


@dataclass(slots=True)
class QueryPlan:
    node: PlanNode | None
    fetch_count: int = 0
    local_fields: list[str] = field(default_factory=list)  # __schema/__type/__typename at root
