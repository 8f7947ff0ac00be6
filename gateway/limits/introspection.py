"""Introspection gating: `__schema` and `__type` only where the deployment or the role allows them."""

from __future__ import annotations

import operator

from graphql import DocumentNode, FieldNode

from common.tenancy import Caller
from gateway.limits.document import SelectionFold, fragments_of, select_operation
from gateway.limits.errors import IntrospectionDisabled

INTROSPECTION_SCOPE = "introspection"
_META_FIELDS = frozenset({"__schema", "__type"})


def uses_introspection(document: DocumentNode, operation_name: str | None = None) -> bool:
    """Whether the operation selects `__schema` or `__type` anywhere (`__typename` is fine)."""

    def meta(field: FieldNode, fold: SelectionFold) -> int:
        if field.name.value in _META_FIELDS:
            return 1
        return fold.over(field.selection_set) if field.selection_set else 0

    operation = select_operation(document, operation_name)
    return (
        SelectionFold(fragments_of(document), meta, operator.or_).over(operation.selection_set) > 0
    )


def check_introspection(
    document: DocumentNode,
    operation_name: str | None,
    caller: Caller,
    *,
    enabled: bool,
    scope: str = INTROSPECTION_SCOPE,
) -> None:
    """Allows introspection when `enabled` (development), else only to callers with `scope`."""
    if enabled or scope in caller.scopes:
        return
    if uses_introspection(document, operation_name):
        raise IntrospectionDisabled(
            "introspection is disabled for your role",
            suggestion=f"use the published schema, or a role with the {scope!r} scope",
        )
