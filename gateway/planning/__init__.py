"""Query planning: normalise the operation, build the fetch graph, build the plan."""

from __future__ import annotations

from graphql import FragmentDefinitionNode, OperationDefinitionNode

from gateway.planning.build_plan import build_plan
from gateway.planning.fetch_graph import FetchGraphBuilder
from gateway.planning.operation import Operation, normalize_operation
from gateway.planning.plan import QueryPlan
from gateway.planning.printer import print_plan
from gateway.supergraph.model import Supergraph

__all__ = ["Operation", "QueryPlan", "plan_operation", "print_plan"]

_LOCAL_ROOT_FIELDS = ("__typename", "__schema", "__type")


def plan_operation(
    supergraph: Supergraph,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> tuple[Operation, QueryPlan]:
    """normalise → walk into a fetch graph → build the plan tree."""
    normalized = normalize_operation(supergraph.schema, operation, fragments)
    fetches = FetchGraphBuilder(supergraph, normalized).build()
    node = build_plan(supergraph, normalized, fetches)
    local = [f.name for f in normalized.fields if f.name in _LOCAL_ROOT_FIELDS]
    return normalized, QueryPlan(node, len(fetches), local)
