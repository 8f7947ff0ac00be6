"""A static cost estimate per operation, with `@cost` and `@listSize` where the schema declares them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_composite_type,
    is_list_type,
    value_from_ast_untyped,
)
from graphql.language import Node

from gateway.limits.document import fragments_of, select_operation
from gateway.limits.shape import enforce_maximum

SizedFields = frozenset[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class CostModel:
    default_list_size: int = 10
    mutation_cost: int = 10
    object_cost: int = 1
    leaf_cost: int = 0
    # the schema's names for the directives, when a supergraph renamed them with @link(as:)
    cost_directives: frozenset[str] = frozenset({"cost", "federation__cost"})
    list_size_directives: frozenset[str] = frozenset({"listSize", "federation__listSize"})


@dataclass(frozen=True, slots=True)
class _FieldCost:
    """What the schema says about one field's cost, read once per schema."""

    named: GraphQLNamedType
    composite: bool
    weight: int
    is_list: bool
    list_size: Mapping[str, Any] | None
    argument_weights: Mapping[str, int]


class CostCalculator:
    """Cost estimates against one schema; keep one per schema so directives are read once.

    Follows the IBM cost directive specification as Apollo's demand control applies it: a
    field costs its weight (objects, interfaces and unions 1, scalars and enums 0, or its
    `@cost`) plus its selections, times the list size for list fields; arguments with `@cost`
    add their weight; a mutation adds a base cost. Fragments on several types all count: an
    upper bound."""

    def __init__(self, schema: GraphQLSchema, model: CostModel | None = None) -> None:
        self.schema = schema
        self.model = model or CostModel()
        self._fields: dict[tuple[str, str], _FieldCost | None] = {}

    def estimate(
        self,
        document: DocumentNode,
        operation_name: str | None = None,
        variables: Mapping[str, Any] | None = None,
    ) -> int:
        operation = select_operation(document, operation_name)
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            return 0
        estimator = _Estimator(self, fragments_of(document), variables or {})
        base = self.model.mutation_cost if operation.operation is OperationType.MUTATION else 0
        return base + estimator.selection_set(operation.selection_set, root, frozenset())

    def check(
        self,
        document: DocumentNode,
        operation_name: str | None,
        variables: Mapping[str, Any] | None,
        maximum: int,
    ) -> int:
        """The estimated cost; raises OperationLimitExceeded above `maximum`."""
        cost = self.estimate(document, operation_name, variables)
        enforce_maximum("cost", cost, maximum)
        return cost

    def field_cost(self, parent: GraphQLNamedType, name: str) -> _FieldCost | None:
        key = (parent.name, name)
        if key not in self._fields:
            self._fields[key] = self._read_field(parent, name)
        return self._fields[key]

    def _read_field(self, parent: GraphQLNamedType, name: str) -> _FieldCost | None:
        fields = getattr(parent, "fields", None)
        definition: GraphQLField | None = fields.get(name) if fields is not None else None
        if definition is None:
            return None  # meta fields, and unknown fields that validation reports
        named = get_named_type(definition.type)
        composite = is_composite_type(named)
        names = self.model.cost_directives
        weight = _cost_weight((definition.ast_node,), names)
        if weight is None:
            weight = _cost_weight((named.ast_node, *(named.extension_ast_nodes or ())), names)
        if weight is None:
            weight = self.model.object_cost if composite else self.model.leaf_cost
        arguments = {
            argument_name: found
            for argument_name, argument in definition.args.items()
            for found in [_cost_weight((argument.ast_node,), names)]
            if found
        }
        return _FieldCost(
            named=named,
            composite=composite,
            weight=weight,
            is_list=is_list_type(get_nullable_type(definition.type)),
            list_size=_read_directive(definition.ast_node, self.model.list_size_directives),
            argument_weights=arguments,
        )


def estimate_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
    model: CostModel | None = None,
) -> int:
    return CostCalculator(schema, model).estimate(document, operation_name, variables)


def check_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    maximum: int,
    model: CostModel | None = None,
) -> int:
    """The estimated cost; raises OperationLimitExceeded above `maximum`."""
    return CostCalculator(schema, model).check(document, operation_name, variables, maximum)


class _Estimator:
    def __init__(
        self,
        calculator: CostCalculator,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self.calculator = calculator
        self.schema = calculator.schema
        self.model = calculator.model
        self.fragments = fragments
        self.variables = variables
        self._memo: dict[tuple[str, SizedFields], int] = {}
        self._visiting: set[str] = set()

    def selection_set(
        self, node: SelectionSetNode, parent: GraphQLNamedType, sized: SizedFields
    ) -> int:
        total = 0
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, sized)
            elif isinstance(selection, InlineFragmentNode):
                condition = parent
                if selection.type_condition is not None:
                    condition = self.schema.get_type(selection.type_condition.name.value) or parent
                total += self.selection_set(selection.selection_set, condition, sized)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, sized)
        return total

    def fragment(self, name: str, sized: SizedFields) -> int:
        key = (name, sized)
        if key in self._memo:
            return self._memo[key]
        fragment = self.fragments.get(name)
        if fragment is None or name in self._visiting:
            return 0
        condition = self.schema.get_type(fragment.type_condition.name.value)
        if condition is None:
            return 0
        self._visiting.add(name)
        try:
            cost = self.selection_set(fragment.selection_set, condition, sized)
        finally:
            self._visiting.discard(name)
        self._memo[key] = cost
        return cost

    def field(self, node: FieldNode, parent: GraphQLNamedType, sized: SizedFields) -> int:
        name = node.name.value
        facts = self.calculator.field_cost(parent, name)
        if facts is None:
            return 0
        size = self._list_size(node, facts.list_size)
        multiplier = size if facts.is_list else 1
        child_sized: SizedFields = frozenset()
        if facts.list_size is not None and facts.list_size.get("sizedFields"):
            child_sized = frozenset((str(f), size) for f in facts.list_size["sizedFields"])
        sized_here = dict(sized).get(name)
        if sized_here is not None:
            multiplier = sized_here
        children = 0
        if node.selection_set is not None and facts.composite:
            children = self.selection_set(node.selection_set, facts.named, child_sized)
        arguments = sum(
            facts.argument_weights.get(argument.name.value, 0) for argument in node.arguments or ()
        )
        return arguments + multiplier * (facts.weight + children)

    def _list_size(self, node: FieldNode, directive: Mapping[str, Any] | None) -> int:
        if directive is None:
            return self.model.default_list_size
        slicing = directive.get("slicingArguments") or []
        sizes = [
            value
            for argument in node.arguments or ()
            if argument.name.value in slicing
            for value in [self._int_value(argument.value)]
            if value is not None
        ]
        if sizes:
            return max(0, *sizes)  # a negative page size fetches nothing; it must not earn credit
        assumed = directive.get("assumedSize")
        return int(assumed) if isinstance(assumed, int) else self.model.default_list_size

    def _int_value(self, node: Node) -> int | None:
        if isinstance(node, IntValueNode):
            return int(node.value)
        if isinstance(node, VariableNode):
            value = self.variables.get(node.name.value)
            return value if isinstance(value, int) and not isinstance(value, bool) else None
        return None


def _cost_weight(nodes: Sequence[Node | None], names: frozenset[str]) -> int | None:
    for node in nodes:
        found = _read_directive(node, names)
        if found is not None:
            weight = found.get("weight")
            if isinstance(weight, int):
                return weight
            if isinstance(weight, str) and weight.isdigit():
                return int(weight)  # the IBM spec's weight is a String
    return None


def _read_directive(node: Node | None, names: frozenset[str]) -> dict[str, Any] | None:
    for directive in getattr(node, "directives", None) or ():
        if directive.name.value in names:
            return {
                arg.name.value: value_from_ast_untyped(arg.value) for arg in directive.arguments
            }
    return None
