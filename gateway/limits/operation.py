"""All the limits on a parsed operation, in one call for the request path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import DocumentNode, GraphQLSchema

from common.tenancy import Caller
from gateway.limits.cost import CostModel, check_cost
from gateway.limits.introspection import check_introspection
from gateway.limits.settings import LimitSettings
from gateway.limits.shape import check_aliases, check_depth, check_root_fields


def check_operation_limits(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    caller: Caller,
    settings: LimitSettings,
) -> int:
    """Depth, aliases, root fields, introspection and cost; returns the estimated cost.

    The shape checks depend only on the document: the caller may cache their passing per
    document. Cost depends on variables too (slicing arguments)."""
    check_depth(document, operation_name, settings.max_depth)
    check_aliases(document, operation_name, settings.max_aliases)
    check_root_fields(document, operation_name, settings.max_root_fields)
    check_introspection(document, operation_name, caller, enabled=settings.introspection)
    model = CostModel(default_list_size=settings.default_list_size)
    return check_cost(schema, document, operation_name, variables, settings.max_cost, model)
