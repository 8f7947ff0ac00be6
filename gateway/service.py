"""One GraphQL request through the gateway: cached document → variables → plan → execute → shape."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from graphql import (
    DocumentNode,
    FieldNode,
    OperationDefinitionNode,
    execute_sync,
)
from graphql.execution.values import get_variable_values

from common.tenancy import Caller
from gateway.documents import DocumentCache, PreparedOperation, plan_pruned
from gateway.execution.executor import ExecutionState, HeaderRule, PlanExecutor
from gateway.execution.fast_transport import FastTransport
from gateway.execution.response import ResponseShaper
from gateway.execution.shape_codegen import Fallback, compile_shaper
from gateway.execution.struct_shape import ENCODE, ValidationError, compile_struct_shaper
from gateway.execution.transport import SubgraphTransport
from gateway.execution.typed import TypedFallback, compile_typed_plan
from gateway.guard import SchemaGuard
from gateway.planning import QueryPlan
from gateway.supergraph.labels import with_override_labels
from gateway.supergraph.model import Supergraph


@dataclass(slots=True)
class GatewayResult:
    body: dict[str, Any]
    status: int  # the status GraphQL-over-HTTP gives for application/graphql-response+json
    prepared: PreparedOperation | None = None
    # With run(encode=True): the serialised response. `body` then has the errors only.
    payload: bytes | None = None

    def encoded(self) -> bytes:
        return self.payload if self.payload is not None else orjson.dumps(self.body)


class Gateway:
    def __init__(
        self,
        supergraph: Supergraph,
        *,
        transport: SubgraphTransport | None = None,
        timeout: float = 30.0,
        timeouts: Mapping[str, float] | None = None,
        header_rule: HeaderRule | None = None,
        urls: Mapping[str, str] | None = None,
        guard_settings: Any = None,
        reject_whole_operation: bool = False,
        metrics: Any = None,
        tracing: Any = None,
        override_labels: Iterable[str] = (),
        rng: random.Random | None = None,
    ) -> None:
        # Progressive @override: labels turned on for every request (feature flags), and
        # percent(x) labels, each on for a random x% of requests.
        supergraph, self.percent_labels = with_override_labels(supergraph, override_labels)
        self.static_labels = supergraph.enabled_labels
        self.rng = rng or random.Random()
        self.supergraph = supergraph
        self.schema_guard = (
            SchemaGuard(supergraph, guard_settings, reject_whole_operation)
            if guard_settings is not None
            else None
        )
        self.documents = DocumentCache(supergraph)
        self.transport = transport or FastTransport()
        self.executor = PlanExecutor(
            supergraph, self.transport, timeout=timeout, timeouts=timeouts,
            header_rule=header_rule, urls=urls, metrics=metrics, tracing=tracing,
        )
        self.restricted_enums = _restricted_enums(supergraph)
        self.abstract_types = frozenset(
            name for name, info in supergraph.types.items() if info.kind in ("interface", "union")
        )

    async def close(self) -> None:
        await self.transport.close()

    def prepare(self, query: str, operation_name: str | None) -> PreparedOperation:
        return self.documents.get(query, operation_name)

    async def run(
        self,
        prepared: PreparedOperation,
        raw_variables: Mapping[str, Any] | None,
        headers: Mapping[str, str],
        caller: Caller | None = None,
        *,
        encode: bool = False,
    ) -> GatewayResult:
        """Runs the operation. With `encode`, the response is also serialised, on the
        fastest path the operation allows (`GatewayResult.payload`)."""
        if prepared.errors:
            return GatewayResult({"errors": prepared.errors}, 400, prepared)
        assert prepared.operation is not None and prepared.normalized is not None
        assert prepared.plan is not None
        definitions = prepared.operation.variable_definitions
        if definitions:
            coerced = get_variable_values(
                self.supergraph.api_schema, definitions, dict(raw_variables or {})
            )
            if isinstance(coerced, list):
                errors = [
                    {"message": e.message, "extensions": {"code": "BAD_USER_INPUT"}} for e in coerced
                ]
                return GatewayResult({"errors": errors}, 400, prepared)
            variables = _json_variables(coerced.coerced, raw_variables)
        else:
            variables = {}  # variables the operation does not declare are not used
        plan = prepared.plan
        labels = self.choose_labels() if self.percent_labels else None
        if labels is not None:
            plan = self.labelled_plan(prepared, labels)
        denied: list[dict[str, Any]] = []
        if self.schema_guard is not None and caller is not None:
            self.schema_guard.check(prepared, variables, caller)
            pruned, refusals = self.schema_guard.authorize(prepared, variables, caller)
            if pruned is not None:
                key, document = pruned
                plan = self.authorized_plan(prepared, key, document, labels)
                denied = [refusal.to_graphql() for refusal in refusals]
        state = ExecutionState(variables, headers)
        if encode and labels is None and not denied and not plan.local_fields:
            typed = prepared.typed_plan
            if typed is None:
                assert prepared.normalized is not None
                typed = prepared.typed_plan = compile_typed_plan(
                    plan, prepared.normalized.fields, prepared.normalized.root_type,
                    self.abstract_types, self.restricted_enums,
                ) or False
            if typed is not False:
                state.recording = {}
                try:
                    payload = await typed.run(self.executor, plan.node, state)
                    return GatewayResult({}, 200, prepared, payload)
                except TypedFallback:
                    # The general path, with every answer received so far replayed.
                    state = ExecutionState(variables, headers, replay=state.recording)
        state.errors.extend(denied)
        await self.executor.execute(plan.node, state)
        if prepared.plan.local_fields:
            self.resolve_local_fields(prepared, state, dict(raw_variables or {}))
        elif encode:
            payload = self.encode_fast(prepared, state)
            if payload is not None:
                return GatewayResult({"errors": state.errors} if state.errors else {}, 200, prepared, payload)
        data = self.shape(prepared, state, variables)
        body: dict[str, Any] = {}
        if state.errors:
            body["errors"] = state.errors
        body["data"] = data
        return GatewayResult(body, 200, prepared)

    def choose_labels(self) -> frozenset[str] | None:
        """The override labels on for one request; None when only the static ones are."""
        draw = self.rng.random
        fired = [label for label, share in self.percent_labels.items() if draw() * 100 < share]
        if not fired:
            return None
        return self.static_labels | frozenset(fired)

    def labelled_plan(self, prepared: PreparedOperation, labels: frozenset[str]) -> QueryPlan:
        """The operation's plan with these override labels on, planned once per label set."""
        if prepared.labelled_plans is None:
            prepared.labelled_plans = {}
        plan = prepared.labelled_plans.get(labels)
        if plan is None:
            assert prepared.document is not None
            plan = prepared.labelled_plans[labels] = plan_pruned(
                self.supergraph.with_labels(labels), prepared, prepared.document
            )
        return plan  # type: ignore[no-any-return]

    def authorized_plan(
        self,
        prepared: PreparedOperation,
        key: Any,
        document: Any,
        labels: frozenset[str] | None = None,
    ) -> QueryPlan:
        """Plans of a document with denied fields removed, cached per authorization outcome
        (and override labels); the response is still shaped by the whole operation, so
        denied fields come back null."""
        if prepared.authorized_plans is None:
            prepared.authorized_plans = {}
        plan = prepared.authorized_plans.get((key, labels))
        if plan is None:
            if len(prepared.authorized_plans) > 64:
                prepared.authorized_plans.clear()
            supergraph = self.supergraph if labels is None else self.supergraph.with_labels(labels)
            plan = prepared.authorized_plans[(key, labels)] = plan_pruned(supergraph, prepared, document)
        return plan  # type: ignore[no-any-return]

    def encode_fast(self, prepared: PreparedOperation, state: ExecutionState) -> bytes | None:
        """The response through the operation's msgspec shape types, or None when the
        operation is not eligible or the data needs null propagation."""
        shaper = prepared.struct_shaper
        if shaper is None:
            assert prepared.normalized is not None
            shaper = prepared.struct_shaper = compile_struct_shaper(
                prepared.normalized.fields, prepared.normalized.root_type,
                self.abstract_types, self.restricted_enums,
            ) or False
        if shaper is False:
            return None
        try:
            data = shaper(state.data)
        except ValidationError:
            return None
        if state.errors:
            return ENCODE({"errors": state.errors, "data": data})
        return ENCODE({"data": data})

    def shape(
        self, prepared: PreparedOperation, state: ExecutionState, variables: dict[str, Any]
    ) -> Any:
        assert prepared.normalized is not None
        if prepared.shaper is None:
            prepared.shaper = compile_shaper(
                prepared.normalized.fields, prepared.normalized.root_type,
                self.abstract_types, self.restricted_enums,
            )
        try:
            return prepared.shaper(state.data, variables)
        except Fallback:
            shaper = ResponseShaper(
                variables, state.errors, self.abstract_types, self.restricted_enums
            )
            return shaper.shape_root(
                state.data, prepared.normalized.fields, prepared.normalized.root_type
            )

    def resolve_local_fields(
        self, prepared: PreparedOperation, state: ExecutionState, variables: dict[str, Any]
    ) -> None:
        """__schema, __type and root __typename are answered by the gateway itself."""
        assert prepared.document is not None and prepared.operation is not None
        local_selections = tuple(
            s
            for s in prepared.operation.selection_set.selections
            if not isinstance(s, FieldNode) or s.name.value in ("__schema", "__type", "__typename")
        )
        operation = OperationDefinitionNode(
            operation=prepared.operation.operation,
            name=prepared.operation.name,
            variable_definitions=prepared.operation.variable_definitions,
            directives=prepared.operation.directives,
            selection_set=type(prepared.operation.selection_set)(selections=local_selections),
        )
        others = tuple(d for d in prepared.document.definitions if d is not prepared.operation)
        document = DocumentNode(definitions=(operation, *others))
        result = execute_sync(
            self.supergraph.api_schema,
            document,
            operation_name=prepared.operation.name.value if prepared.operation.name else None,
            variable_values=variables,
        )
        if result.data:
            for key, value in result.data.items():
                if key not in state.data or not isinstance(value, dict):
                    state.data[key] = value
        for error in result.errors or ():
            state.errors.append({"message": error.message, "extensions": {"code": "INTERNAL_SERVER_ERROR"}})


def _restricted_enums(supergraph: Supergraph) -> dict[str, frozenset[str]]:
    """Enums whose client-visible values are fewer than the subgraphs' (@inaccessible)."""
    from graphql import GraphQLEnumType

    result = {}
    for name, api_type in supergraph.api_schema.type_map.items():
        full = supergraph.schema.get_type(name)
        if (
            isinstance(api_type, GraphQLEnumType)
            and isinstance(full, GraphQLEnumType)
            and set(full.values) != set(api_type.values)
        ):
            result[name] = frozenset(api_type.values)
    return result


def _json_variables(coerced: dict[str, Any], raw: Mapping[str, Any] | None) -> dict[str, Any]:
    # Coercion applies defaults and checks types; what is sent on is the client's JSON,
    # with defaults filled in, so custom scalars travel unchanged.
    result = dict(coerced)
    for name, value in (raw or {}).items():
        if name in result:
            result[name] = value
    return result
