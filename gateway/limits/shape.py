"""Limits on an operation's shape: depth, aliases and root fields."""

from __future__ import annotations

import operator

from graphql import DocumentNode, FieldNode

from gateway.limits.document import SelectionFold, fragments_of, select_operation
from gateway.limits.errors import OperationLimitExceeded


def measure_depth(document: DocumentNode, operation_name: str | None = None) -> int:
    """How deeply fields nest: `{ a }` is 1, `{ a { b } }` is 2; `__typename` does not count."""

    def depth(field: FieldNode, fold: SelectionFold) -> int:
        if field.name.value == "__typename":
            return 0
        return 1 + (fold.over(field.selection_set) if field.selection_set else 0)

    operation = select_operation(document, operation_name)
    return SelectionFold(fragments_of(document), depth, max).over(operation.selection_set)


def count_aliases(document: DocumentNode, operation_name: str | None = None) -> int:
    """Aliased fields in the operation, counting a fragment once per place it is spread."""

    def aliases(field: FieldNode, fold: SelectionFold) -> int:
        below = fold.over(field.selection_set) if field.selection_set else 0
        return below + (1 if field.alias is not None else 0)

    operation = select_operation(document, operation_name)
    return SelectionFold(fragments_of(document), aliases, operator.add).over(
        operation.selection_set
    )


def count_root_fields(document: DocumentNode, operation_name: str | None = None) -> int:
    """Fields at the operation's root, fragments spread in; `__typename` does not count."""

    def one(field: FieldNode, _: SelectionFold) -> int:
        return 0 if field.name.value == "__typename" else 1

    operation = select_operation(document, operation_name)
    return SelectionFold(fragments_of(document), one, operator.add).over(operation.selection_set)


def check_depth(document: DocumentNode, operation_name: str | None, maximum: int) -> None:
    enforce_maximum("depth", measure_depth(document, operation_name), maximum)


def check_aliases(document: DocumentNode, operation_name: str | None, maximum: int) -> None:
    enforce_maximum("aliases", count_aliases(document, operation_name), maximum)


def check_root_fields(document: DocumentNode, operation_name: str | None, maximum: int) -> None:
    enforce_maximum("rootFields", count_root_fields(document, operation_name), maximum)


def enforce_maximum(limit: str, value: int, maximum: int) -> None:
    if value > maximum:
        raise OperationLimitExceeded(
            f"the operation's {limit} is {value}, above the limit of {maximum}",
            limit=limit,
            value=value,
            maximum=maximum,
        )
