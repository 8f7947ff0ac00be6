"""All the limits on a parsed operation, in one call for the request path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import DocumentNode, GraphQLSchema

from common.tenancy import Caller
from gateway.limits.cost import CostCalculator, CostModel
from gateway.limits.introspection import check_introspection
from gateway.limits.settings import LimitSettings
from gateway.limits.shape import check_aliases, check_depth, check_root_fields


class OperationLimits:
    """Depth, aliases, root fields, introspection and cost against one schema."""

    def __init__(
        self, schema: GraphQLSchema, settings: LimitSettings, cost_model: CostModel | None = None
    ) -> None:
        self.settings = settings
        self.cost = CostCalculator(
            schema, cost_model or CostModel(default_list_size=settings.default_list_size)
        )

    def check_shape(self, document: DocumentNode, operation_name: str | None) -> None:
        """The checks that depend on the document alone: run once per cached document."""
        check_depth(document, operation_name, self.settings.max_depth)
        check_aliases(document, operation_name, self.settings.max_aliases)
        check_root_fields(document, operation_name, self.settings.max_root_fields)

    def check(
        self,
        document: DocumentNode,
        operation_name: str | None,
        variables: Mapping[str, Any] | None,
        caller: Caller,
        *,
        shape_checked: bool = False,
    ) -> int:
        """Raises the first limit the operation breaks; returns its estimated cost."""
        if not shape_checked:
            self.check_shape(document, operation_name)
        check_introspection(document, operation_name, caller, enabled=self.settings.introspection)
        return self.cost.check(document, operation_name, variables, self.settings.max_cost)


def check_operation_limits(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    caller: Caller,
    settings: LimitSettings,
) -> int:
    """One-off form of OperationLimits.check; the gateway keeps an OperationLimits per schema."""
    return OperationLimits(schema, settings).check(document, operation_name, variables, caller)
