"""Folding over an operation's selections through its fragments, safely on unvalidated documents."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

from common.errors import BadUserInput

FieldMeasure = Callable[[FieldNode, "SelectionFold"], int]


def select_operation(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        if len(operations) != 1:
            raise BadUserInput("the document has several operations: name the one to run")
        return operations[0]
    for operation in operations:
        if operation.name is not None and operation.name.value == operation_name:
            return operation
    raise BadUserInput(f"the document has no operation named {operation_name!r}")


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


class SelectionFold:
    """Sums (or maxes) a per-field measure over a selection set, spreading fragments in.

    Each fragment is measured once and remembered, so a document that spreads fragments
    into fragments cannot make the walk exponential; a fragment cycle (rejected by
    validation later) counts as zero.
    """

    def __init__(
        self,
        fragments: Mapping[str, FragmentDefinitionNode],
        measure: FieldMeasure,
        combine: Callable[[int, int], int],
    ) -> None:
        self.fragments = fragments
        self.measure = measure
        self.combine = combine
        self._memo: dict[str, int] = {}
        self._visiting: set[str] = set()

    def over(self, selection_set: SelectionSetNode) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                value = self.measure(selection, self)
            elif isinstance(selection, InlineFragmentNode):
                value = self.over(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                value = self._fragment(selection.name.value)
            else:
                continue
            total = self.combine(total, value)
        return total

    def _fragment(self, name: str) -> int:
        if name in self._memo:
            return self._memo[name]
        fragment = self.fragments.get(name)
        if fragment is None or name in self._visiting:
            return 0
        self._visiting.add(name)
        try:
            value = self.over(fragment.selection_set)
        finally:
            self._visiting.discard(name)
        self._memo[name] = value
        return value
