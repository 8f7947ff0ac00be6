"""Pruning an operation: removing the fields and fragments a judge denies, keeping it valid."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    NameNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    VariableNode,
    Visitor,
    get_named_type,
    is_composite_type,
    visit,
)

from common.errors import BadUserInput
from gateway.auth.requirements import Requirements, type_requirements

ResponsePath = tuple[str, ...]
TYPENAME_FIELD = FieldNode(name=NameNode(value="__typename"))


class RequirementSource(Protocol):
    """Where the pruner learns what selecting a field requires (cached per schema)."""

    @property
    def kinds(self) -> Mapping[str, str]: ...

    def requirements_of(
        self, parent: GraphQLNamedType, name: str, definition: GraphQLField
    ) -> Requirements: ...


class Judge(Protocol):
    """Says why a field (or a fragment's type) is denied, or None to keep it."""

    def __call__(
        self,
        requirements: Requirements,
        coordinate: str,
        definition: GraphQLField | None,
        node: FieldNode | None,
    ) -> tuple[str, str] | None: ...


@dataclass(slots=True)
class PruneOutcome:
    selections: tuple[SelectionNode, ...]
    changed: bool = False
    errors: list[tuple[ResponsePath, str, str]] = field(default_factory=list)
    placeholders: list[ResponsePath] = field(default_factory=list)

    def absorb(self, other: PruneOutcome, prefix: ResponsePath = ()) -> None:
        self.errors.extend((prefix + path, code, message) for path, code, message in other.errors)
        self.placeholders.extend(prefix + path for path in other.placeholders)


class SelectionPruner:
    """One pass over an operation: removes what the judge denies, records where and why."""

    def __init__(
        self,
        schema: GraphQLSchema,
        source: RequirementSource,
        fragments: Mapping[str, FragmentDefinitionNode],
        judge: Judge,
    ) -> None:
        self.schema = schema
        self.source = source
        self.fragments = fragments
        self.judge = judge
        self.rewritten: dict[str, FragmentDefinitionNode | None] = {}
        self._fragment_outcomes: dict[str, PruneOutcome] = {}
        self._visiting: set[str] = set()

    def selection_set(self, node: SelectionSetNode, parent: GraphQLNamedType) -> PruneOutcome:
        outcome = PruneOutcome(())
        kept: list[SelectionNode] = []
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                result = self._field(selection, parent, outcome)
            elif isinstance(selection, InlineFragmentNode):
                result = self._inline_fragment(selection, parent, outcome)
            elif isinstance(selection, FragmentSpreadNode):
                result = self._fragment_spread(selection, outcome)
            else:
                result = selection
            if result is not None:
                kept.append(result)
        outcome.selections = tuple(kept)
        return outcome

    def _field(
        self, node: FieldNode, parent: GraphQLNamedType, outcome: PruneOutcome
    ) -> SelectionNode | None:
        name = node.name.value
        fields = getattr(parent, "fields", None)
        definition = fields.get(name) if fields is not None and not name.startswith("__") else None
        if definition is None:
            return node  # meta fields, and unknown fields that validation reports
        key = node.alias.value if node.alias else name
        coordinate = f"{parent.name}.{name}"
        denial = self.judge(
            self.source.requirements_of(parent, name, definition), coordinate, definition, node
        )
        if denial is not None:
            outcome.changed = True
            outcome.errors.append(((key,), *denial))
            return None
        child_type = get_named_type(definition.type)
        if node.selection_set is None or not is_composite_type(child_type):
            return node
        child = self.selection_set(node.selection_set, child_type)
        outcome.absorb(child, (key,))
        if not child.changed:
            return node
        outcome.changed = True
        selections = child.selections
        if not selections:
            selections = (TYPENAME_FIELD,)
            outcome.placeholders.append((key,))
        return dataclasses.replace(node, selection_set=SelectionSetNode(selections=selections))

    def _inline_fragment(
        self, node: InlineFragmentNode, parent: GraphQLNamedType, outcome: PruneOutcome
    ) -> SelectionNode | None:
        condition = parent
        if node.type_condition is not None:
            found = self.schema.get_type(node.type_condition.name.value)
            if found is None:
                return node
            condition = found
        if condition is not parent:
            denial = self.judge(
                type_requirements(condition, self.source.kinds), condition.name, None, None
            )
            if denial is not None:
                outcome.changed = True
                outcome.errors.append(((), *denial))
                return None
        child = self.selection_set(node.selection_set, condition)
        outcome.absorb(child)
        if not child.changed:
            return node
        outcome.changed = True
        if not child.selections:
            return None
        return dataclasses.replace(
            node, selection_set=SelectionSetNode(selections=child.selections)
        )

    def _fragment_spread(
        self, node: FragmentSpreadNode, outcome: PruneOutcome
    ) -> SelectionNode | None:
        name = node.name.value
        child = self._fragment(name)
        if child is None:
            return node
        outcome.absorb(child)
        if not child.changed:
            return node
        outcome.changed = True
        return node if child.selections else None

    def _fragment(self, name: str) -> PruneOutcome | None:
        """A fragment's outcome is the same wherever it is spread: its type condition fixes the
        parent type of every field in it. Compute it once; prefix its paths at each use."""
        if name in self._fragment_outcomes:
            return self._fragment_outcomes[name]
        definition = self.fragments.get(name)
        if definition is None or name in self._visiting:
            return None  # unknown or cyclic: validation rejects these documents
        condition = self.schema.get_type(definition.type_condition.name.value)
        if condition is None:
            return None
        self._visiting.add(name)
        try:
            denial = self.judge(
                type_requirements(condition, self.source.kinds), condition.name, None, None
            )
            if denial is not None:
                outcome = PruneOutcome((), changed=True, errors=[((), *denial)])
            else:
                outcome = self.selection_set(definition.selection_set, condition)
        finally:
            self._visiting.discard(name)
        if outcome.changed:
            self.rewritten[name] = (
                dataclasses.replace(
                    definition, selection_set=SelectionSetNode(selections=outcome.selections)
                )
                if outcome.selections
                else None
            )
        self._fragment_outcomes[name] = outcome
        return outcome


def select_operation(
    document: DocumentNode, operation_name: str | None
) -> tuple[OperationDefinitionNode, dict[str, FragmentDefinitionNode]]:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    if operation_name is None:
        if len(operations) != 1:
            raise BadUserInput("the document has several operations: name the one to run")
        return operations[0], fragments
    for operation in operations:
        if operation.name is not None and operation.name.value == operation_name:
            return operation, fragments
    raise BadUserInput(f"the document has no operation named {operation_name!r}")


def used_fragments(
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    rewritten: Mapping[str, FragmentDefinitionNode | None],
) -> list[str]:
    used: list[str] = []
    pending: list[SelectionSetNode] = [operation.selection_set]
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in used or name not in fragments:
                    continue
                used.append(name)
                definition = rewritten.get(name, fragments[name])
                if definition is not None:
                    pending.append(definition.selection_set)
            elif isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                pending.append(selection.selection_set)
    return used


def without_unused_variables(
    operation: OperationDefinitionNode, fragments: list[FragmentDefinitionNode]
) -> OperationDefinitionNode:
    """Drops variable definitions only removed fields used, so the document stays valid."""
    if not operation.variable_definitions:
        return operation
    names: set[str] = set()

    class Collect(Visitor):
        def enter_variable(self, node: VariableNode, *_: Any) -> None:
            names.add(node.name.value)

    for root in (operation.selection_set, *(f.selection_set for f in fragments)):
        visit(root, Collect())
    for definition in operation.directives or ():
        visit(definition, Collect())
    kept = tuple(v for v in operation.variable_definitions if v.variable.name.value in names)
    return dataclasses.replace(operation, variable_definitions=kept)
