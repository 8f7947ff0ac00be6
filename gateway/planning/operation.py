"""Normalises an operation: fragments inlined, literal @skip/@include applied, abstract types
expanded to their object types, fields merged by response key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import (
    BooleanValueNode,
    DirectiveNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef

from gateway.errors import PlanningError

# A variable-driven condition: every (variable, expected) pair must hold for the field to run.
Condition = tuple[tuple[str, bool], ...]


@dataclass(slots=True)
class Field:
    response_key: str
    name: str
    node: FieldNode  # arguments and non-condition directives come from here
    parent_type: str
    type: GraphQLOutputType | None  # None for __typename
    condition: Condition = ()
    # For a composite return type: object type name -> the fields selected on it.
    selections: dict[str, list[Field]] | None = None
    # Other conditions under which the same field was selected: it is in the response when
    # `condition` or any of these holds.
    alternatives: tuple[Condition, ...] = ()

    @property
    def fetch_condition(self) -> Condition:
        """What the subgraph query and the plan may rely on: with alternatives, nothing."""
        return () if self.alternatives else self.condition

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Conditions of which one must hold; empty: always."""
        if not self.condition:
            return ()
        return (self.condition, *self.alternatives)

    def add_condition(self, other: Condition) -> None:
        """The field is selected again, under `other`."""
        if not self.condition or other == self.condition or other in self.alternatives:
            return
        if not other:
            self.condition, self.alternatives = (), ()
        else:
            self.alternatives = (*self.alternatives, other)

    @property
    def type_name(self) -> str:
        return get_named_type(self.type).name if self.type is not None else "String"


@dataclass(slots=True)
class Operation:
    kind: str  # query | mutation | subscription
    name: str | None
    root_type: str
    fields: list[Field]
    variable_definitions: dict[str, Any] = field(default_factory=dict)  # name -> VariableDefinitionNode


def _condition_of(directives: tuple[DirectiveNode, ...] | None) -> Condition | None:
    """None when a literal @skip/@include removes the selection; else the variable conditions."""
    condition: list[tuple[str, bool]] = []
    for directive in directives or ():
        name = directive.name.value
        if name not in ("skip", "include"):
            continue
        argument = next((a for a in directive.arguments or () if a.name.value == "if"), None)
        if argument is None:
            continue
        expected = name == "include"
        if isinstance(argument.value, BooleanValueNode):
            if argument.value.value != expected:
                return None
        elif isinstance(argument.value, VariableNode):
            condition.append((argument.value.name.value, expected))
    return tuple(condition)


def _strip_conditions(node: FieldNode) -> FieldNode:
    directives = tuple(
        d for d in node.directives or () if d.name.value not in ("skip", "include")
    )
    if len(directives) == len(node.directives or ()):
        return node
    return FieldNode(
        alias=node.alias,
        name=node.name,
        arguments=node.arguments,
        directives=directives,
        selection_set=node.selection_set,
    )


class Normalizer:
    def __init__(
        self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode] | None = None
    ) -> None:
        self.schema = schema
        self.fragments = fragments or {}

    def object_types(self, type_name: str) -> list[str]:
        graphql_type = self.schema.get_type(type_name)
        if isinstance(graphql_type, GraphQLObjectType):
            return [type_name]
        if isinstance(graphql_type, (GraphQLInterfaceType, GraphQLUnionType)):
            return [t.name for t in self.schema.get_possible_types(graphql_type)]
        return []

    def applies(self, condition_type: str | None, object_type: str) -> bool:
        return condition_type is None or object_type in self.object_types(condition_type)

    def collect(
        self, object_type: str, selection_set: SelectionSetNode, inherited: Condition = ()
    ) -> list[Field]:
        """The fields `selection_set` selects on one object type, merged by response key."""
        merged: dict[str, Field] = {}
        self._collect_into(merged, object_type, selection_set, inherited, set())
        return list(merged.values())

    def _collect_into(
        self,
        merged: dict[str, Field],
        object_type: str,
        selection_set: SelectionSetNode,
        inherited: Condition,
        visited: set[str],
    ) -> None:
        for selection in selection_set.selections:
            condition = _condition_of(selection.directives)
            if condition is None:
                continue
            condition = inherited + condition
            if isinstance(selection, FieldNode):
                self._add_field(merged, object_type, selection, condition)
            elif isinstance(selection, InlineFragmentNode):
                type_condition = (
                    selection.type_condition.name.value if selection.type_condition else None
                )
                if self.applies(type_condition, object_type):
                    self._collect_into(
                        merged, object_type, selection.selection_set, condition, visited
                    )
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None:
                    raise PlanningError(f'Unknown fragment "{name}".')
                if name in visited:
                    continue
                if self.applies(fragment.type_condition.name.value, object_type):
                    self._collect_into(
                        merged,
                        object_type,
                        fragment.selection_set,
                        condition,
                        visited | {name},
                    )

    def _add_field(
        self, merged: dict[str, Field], object_type: str, node: FieldNode, condition: Condition
    ) -> None:
        key = node.alias.value if node.alias else node.name.value
        name = node.name.value
        existing = merged.get(key)
        if existing is not None:
            existing.add_condition(condition)
            if node.selection_set is not None and existing.selections is not None:
                for concrete, fields in existing.selections.items():
                    extra = self.collect(concrete, node.selection_set)
                    _merge_fields(fields, extra)
            return
        if name == "__typename":
            merged[key] = Field(key, name, node, object_type, None, condition)
            return
        parent = self.schema.get_type(object_type)
        graphql_field: Any
        if name == "__schema":
            graphql_field = SchemaMetaFieldDef
        elif name == "__type":
            graphql_field = TypeMetaFieldDef
        else:
            graphql_field = getattr(parent, "fields", {}).get(name)
        if graphql_field is None:
            raise PlanningError(f'Cannot query field "{name}" on type "{object_type}".')
        field_type = graphql_field.type
        result = Field(key, name, _strip_conditions(node), object_type, field_type, condition)
        if node.selection_set is not None:
            named = get_named_type(field_type).name
            result.selections = {
                concrete: self.collect(concrete, node.selection_set)
                for concrete in self.object_types(named)
            }
        merged[key] = result


def _merge_fields(into: list[Field], extra: list[Field]) -> None:
    by_key = {f.response_key: f for f in into}
    for item in extra:
        existing = by_key.get(item.response_key)
        if existing is None:
            into.append(item)
            by_key[item.response_key] = item
            continue
        existing.add_condition(item.condition)
        for alternative in item.alternatives:
            existing.add_condition(alternative)
        if existing.selections is not None and item.selections is not None:
            for concrete, fields in item.selections.items():
                _merge_fields(existing.selections.setdefault(concrete, []), fields)


def normalize_operation(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> Operation:
    kind = operation.operation.value
    root = {
        "query": schema.query_type,
        "mutation": schema.mutation_type,
        "subscription": schema.subscription_type,
    }[kind]
    if root is None:
        raise PlanningError(f"The schema has no {kind} type.")
    normalizer = Normalizer(schema, fragments)
    fields = normalizer.collect(root.name, operation.selection_set)
    variables = {v.variable.name.value: v for v in operation.variable_definitions or ()}
    return Operation(
        kind, operation.name.value if operation.name else None, root.name, fields, variables
    )


def normalize_field_set(
    schema: GraphQLSchema, object_type: str, selection_set: SelectionSetNode
) -> list[Field]:
    """A key or @requires field set, as fields on one object type."""
    return Normalizer(schema).collect(object_type, selection_set)
