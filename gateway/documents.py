"""The document cache: each (document, operation name) is parsed, validated and planned once."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    parse,
    validate,
)

from gateway.errors import PlanningError
from gateway.planning import Operation, QueryPlan, plan_operation
from gateway.supergraph.model import Supergraph


@dataclass(slots=True)
class PreparedOperation:
    """Everything about a document that does not depend on variables or the caller."""

    document: DocumentNode | None
    operation: OperationDefinitionNode | None
    normalized: Operation | None
    plan: QueryPlan | None
    errors: list[dict[str, object]]
    error_code: str | None = None  # GRAPHQL_PARSE_FAILED | GRAPHQL_VALIDATION_FAILED | ...
    introspection_only: bool = False
    has_introspection: bool = False
    shaper: Any = None  # generated on first use by the gateway (shape_codegen)
    struct_shaper: Any = None  # msgspec shape types (struct_shape); False when not eligible
    typed_plan: Any = None  # the plan's typed execution (execution/typed.py); False: none
    query: str = ""
    shape_checked: bool = False  # depth, aliases and root fields checked once per document
    uses_introspection: bool = False
    cost: int | None = None  # the estimate, when no variable can change it
    document_key: str | None = None
    authorized_plans: Any = None  # authorization outcome key -> plan of the pruned document
    labelled_plans: Any = None  # progressive-override label set -> plan


def _error(error: GraphQLError, code: str) -> dict[str, object]:
    result: dict[str, object] = {"message": error.message, "extensions": {"code": code}}
    if error.locations:
        result["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
    return result


def plan_pruned(
    supergraph: Supergraph, prepared: PreparedOperation, document: DocumentNode
) -> QueryPlan:
    """The plan of an operation with the fields its caller may not see removed."""
    assert prepared.operation is not None
    name = prepared.operation.name.value if prepared.operation.name else None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    operation = next(
        (o for o in operations if (o.name.value if o.name else None) == name), operations[0]
    )
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return plan_operation(supergraph, operation, fragments)[1]


def prepare(supergraph: Supergraph, query: str, operation_name: str | None) -> PreparedOperation:
    try:
        document = parse(query)
    except GraphQLError as error:
        return PreparedOperation(None, None, None, None, [_error(error, "GRAPHQL_PARSE_FAILED")], "GRAPHQL_PARSE_FAILED")
    problems = validate(supergraph.api_schema, document)
    if problems:
        return PreparedOperation(
            document, None, None, None,
            [_error(p, "GRAPHQL_VALIDATION_FAILED") for p in problems],
            "GRAPHQL_VALIDATION_FAILED",
        )
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    if operation_name:
        chosen = [o for o in operations if o.name and o.name.value == operation_name]
        if not chosen:
            message = f'Unknown operation named "{operation_name}".'
            return PreparedOperation(document, None, None, None, [{"message": message, "extensions": {"code": "OPERATION_RESOLUTION_FAILURE"}}], "OPERATION_RESOLUTION_FAILURE")
    elif len(operations) != 1:
        message = "Must provide operation name if query contains multiple operations."
        return PreparedOperation(document, None, None, None, [{"message": message, "extensions": {"code": "OPERATION_RESOLUTION_FAILURE"}}], "OPERATION_RESOLUTION_FAILURE")
    else:
        chosen = operations
    operation = chosen[0]
    if operation.operation.value == "subscription":
        message = "Subscriptions are not supported by this gateway over HTTP."
        return PreparedOperation(document, operation, None, None, [{"message": message, "extensions": {"code": "BAD_REQUEST"}}], "BAD_REQUEST")
    try:
        normalized, plan = plan_operation(supergraph, operation, fragments)
    except PlanningError as error:
        return PreparedOperation(document, operation, None, None, [{"message": error.message, "extensions": error.extensions()}], error.code)
    local = set(plan.local_fields)
    has_introspection = bool(local & {"__schema", "__type"})
    introspection_only = plan.node is None and bool(local)
    return PreparedOperation(document, operation, normalized, plan, [], None, introspection_only, has_introspection)


class DocumentCache:
    """An LRU of prepared operations keyed by the exact document text and operation name."""

    def __init__(self, supergraph: Supergraph, max_size: int = 2048) -> None:
        self.supergraph = supergraph
        self.max_size = max_size
        self._entries: OrderedDict[tuple[str, str | None], PreparedOperation] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def has(self, query: str, operation_name: str | None) -> bool:
        return bool(query) and (query, operation_name) in self._entries

    def peek(self, query: str, operation_name: str | None) -> PreparedOperation | None:
        """The cached entry, if any, without counting a lookup or parsing anything."""
        return self._entries.get((query, operation_name)) if query else None

    def get(self, query: str, operation_name: str | None) -> PreparedOperation:
        key = (query, operation_name)
        entry = self._entries.get(key)
        if entry is not None:
            self.hits += 1
            self._entries.move_to_end(key)
            return entry
        self.misses += 1
        entry = prepare(self.supergraph, query, operation_name)
        entry.query = query
        self._entries[key] = entry
        if len(self._entries) > self.max_size:
            self._entries.popitem(last=False)
        return entry
