"""Enforcing `@authenticated`, `@requiresScopes` and `@policy` on an operation before it is planned.

Denied fields are removed from the document and reported at their response paths, so the
executor can null them (propagating nulls as usual); a switch rejects the whole operation instead.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import OrderedDict
from collections.abc import Hashable, Mapping
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
    OperationType,
    SelectionNode,
    SelectionSetNode,
    VariableNode,
    Visitor,
    get_named_type,
    is_composite_type,
    value_from_ast_untyped,
    visit,
)
from graphql.pyutils import Undefined

from common.errors import BadUserInput, Forbidden, Unauthenticated
from common.tenancy import Caller
from gateway.auth.policies import PolicyContext, PolicyRegistry
from gateway.auth.provider import is_authenticated
from gateway.auth.requirements import (
    Requirement,
    RequirementKind,
    Requirements,
    directive_kinds,
    field_requirements,
    type_requirements,
)

log = logging.getLogger("modelplane.gateway.auth")

UNAUTHENTICATED = Unauthenticated.code
FORBIDDEN = Forbidden.code
ResponsePath = tuple[str, ...]
_TYPENAME = FieldNode(name=NameNode(value="__typename"))


@dataclass(frozen=True, slots=True)
class AuthorizationError:
    """A removed field (or fragment) at a response path; list indices are not part of it."""

    path: ResponsePath
    code: str
    message: str

    def to_graphql(self) -> dict[str, Any]:
        return {"message": self.message, "path": list(self.path), "extensions": {"code": self.code}}


@dataclass(frozen=True, slots=True)
class AuthorizationResult:
    """The operation to plan, the errors to report, and where `__typename` stands in for a
    selection set that lost every field (drop those keys from the response)."""

    document: DocumentNode
    errors: tuple[AuthorizationError, ...] = ()
    placeholders: tuple[ResponsePath, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.errors)


class _Judge(Protocol):
    def __call__(
        self,
        requirements: Requirements,
        coordinate: str,
        definition: GraphQLField | None,
        node: FieldNode | None,
    ) -> tuple[str, str] | None: ...


@dataclass(slots=True)
class _Outcome:
    selections: tuple[SelectionNode, ...]
    changed: bool = False
    errors: list[tuple[ResponsePath, str, str]] = field(default_factory=list)
    placeholders: list[ResponsePath] = field(default_factory=list)

    def absorb(self, other: _Outcome, prefix: ResponsePath = ()) -> None:
        self.errors.extend((prefix + path, code, message) for path, code, message in other.errors)
        self.placeholders.extend(prefix + path for path in other.placeholders)


class _Walk:
    """One pass over an operation: removes what the judge denies, records where and why."""

    def __init__(
        self,
        enforcer: DirectiveEnforcer,
        fragments: Mapping[str, FragmentDefinitionNode],
        judge: _Judge,
    ) -> None:
        self.enforcer = enforcer
        self.schema = enforcer.schema
        self.fragments = fragments
        self.judge = judge
        self.rewritten: dict[str, FragmentDefinitionNode | None] = {}
        self._fragment_outcomes: dict[str, _Outcome] = {}
        self._visiting: set[str] = set()

    def selection_set(self, node: SelectionSetNode, parent: GraphQLNamedType) -> _Outcome:
        outcome = _Outcome(())
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
        self, node: FieldNode, parent: GraphQLNamedType, outcome: _Outcome
    ) -> SelectionNode | None:
        name = node.name.value
        fields = getattr(parent, "fields", None)
        definition = fields.get(name) if fields is not None and not name.startswith("__") else None
        if definition is None:
            return node  # meta fields, and unknown fields that validation reports
        key = node.alias.value if node.alias else name
        coordinate = f"{parent.name}.{name}"
        denial = self.judge(
            self.enforcer.requirements_of(parent, name, definition), coordinate, definition, node
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
            selections = (_TYPENAME,)
            outcome.placeholders.append((key,))
        return dataclasses.replace(node, selection_set=SelectionSetNode(selections=selections))

    def _inline_fragment(
        self, node: InlineFragmentNode, parent: GraphQLNamedType, outcome: _Outcome
    ) -> SelectionNode | None:
        condition = parent
        if node.type_condition is not None:
            found = self.schema.get_type(node.type_condition.name.value)
            if found is None:
                return node
            condition = found
        if condition is not parent:
            denial = self.judge(
                type_requirements(condition, self.enforcer.kinds), condition.name, None, None
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

    def _fragment_spread(self, node: FragmentSpreadNode, outcome: _Outcome) -> SelectionNode | None:
        name = node.name.value
        child = self._fragment(name)
        if child is None:
            return node
        outcome.absorb(child)
        if not child.changed:
            return node
        outcome.changed = True
        return node if child.selections else None

    def _fragment(self, name: str) -> _Outcome | None:
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
                type_requirements(condition, self.enforcer.kinds), condition.name, None, None
            )
            if denial is not None:
                outcome = _Outcome((), changed=True, errors=[((), *denial)])
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


@dataclass(frozen=True, slots=True)
class _PolicyCheck:
    requirement: Requirement
    coordinate: str
    definition: GraphQLField | None
    node: FieldNode | None


@dataclass(frozen=True, slots=True)
class _Analysis:
    """What an operation's authorization can depend on: nothing, some scopes, some policies."""

    restricted: bool
    scopes: frozenset[str]
    policy_checks: tuple[_PolicyCheck, ...]


class DirectiveEnforcer:
    """Authorization of operations against one API schema, with decisions cached per
    (document, operation, authenticated?, the scopes and policy outcomes that matter)."""

    def __init__(
        self,
        schema: GraphQLSchema,
        policies: PolicyRegistry | None = None,
        *,
        reject_whole_operation: bool = False,
        cache_size: int = 4096,
        directive_names: Mapping[str, str] | None = None,
    ) -> None:
        """`directive_names` maps "authenticated", "requiresScopes" and "policy" to the names
        the schema uses when the supergraph renamed them with `@link(as:)`."""
        self.schema = schema
        self.kinds = directive_kinds(directive_names)
        self.policies = policies if policies is not None else PolicyRegistry.with_defaults()
        self.reject_whole_operation = reject_whole_operation
        self.cache_size = cache_size
        self._requirements: dict[tuple[str, str], Requirements] = {}
        self._analyses: OrderedDict[Hashable, _Analysis] = OrderedDict()
        self._results: OrderedDict[Hashable, AuthorizationResult] = OrderedDict()

    def requirements_of(
        self, parent: GraphQLNamedType, name: str, definition: GraphQLField
    ) -> Requirements:
        key = (parent.name, name)
        found = self._requirements.get(key)
        if found is None:
            found = field_requirements(self.schema, parent, name, definition, self.kinds)
            self._requirements[key] = found
        return found

    def authorize(
        self,
        document: DocumentNode,
        operation_name: str | None,
        caller: Caller,
        variables: Mapping[str, Any] | None = None,
        *,
        document_key: Hashable | None = None,
    ) -> AuthorizationResult:
        """The operation with denied fields removed, and an error per removed path.

        `document_key` (e.g. the sha256 of the query text) turns on caching. Raises
        Unauthenticated/Forbidden instead when `reject_whole_operation` is set and anything
        was denied.
        """
        variables = variables or {}
        key = self.cache_key(document, operation_name, caller, variables, document_key=document_key)
        result = self._results.get(key) if key is not None else None
        if result is None:
            result = self._enforce(document, operation_name, caller, variables)
            if key is not None:
                _remember(self._results, key, result, self.cache_size)
        elif key is not None:
            self._results.move_to_end(key)
        if self.reject_whole_operation and result.errors:
            raise _rejection(result.errors)
        return result

    def cache_key(
        self,
        document: DocumentNode,
        operation_name: str | None,
        caller: Caller,
        variables: Mapping[str, Any] | None = None,
        *,
        document_key: Hashable | None,
    ) -> Hashable | None:
        """A key under which the authorization outcome can be cached (the lead can key plan
        caches with it too); None without a document key."""
        if document_key is None:
            return None
        analysis = self._analysis(document, operation_name, document_key)
        if not analysis.restricted:
            return (document_key, operation_name)
        outcomes = tuple(
            self._policy_allows(
                check.requirement,
                caller,
                check.coordinate,
                check.definition,
                check.node,
                variables or {},
            )
            for check in analysis.policy_checks
        )
        return (
            document_key,
            operation_name,
            is_authenticated(caller),
            caller.scopes & analysis.scopes,
            outcomes,
        )

    def _analysis(
        self, document: DocumentNode, operation_name: str | None, document_key: Hashable
    ) -> _Analysis:
        key = (document_key, operation_name)
        found = self._analyses.get(key)
        if found is not None:
            return found
        scopes: set[str] = set()
        checks: list[_PolicyCheck] = []
        restricted = False

        def record(
            requirements: Requirements,
            coordinate: str,
            definition: GraphQLField | None,
            node: FieldNode | None,
        ) -> None:
            nonlocal restricted
            for requirement in requirements:
                restricted = True
                if requirement.kind is RequirementKind.SCOPES:
                    scopes.update(*requirement.alternatives)
                elif requirement.kind is RequirementKind.POLICY:
                    checks.append(_PolicyCheck(requirement, coordinate, definition, node))
            return None

        operation, fragments = _select_operation(document, operation_name)
        walk = _Walk(self, fragments, record)
        walk.selection_set(operation.selection_set, self._root_type(operation))
        found = _Analysis(restricted, frozenset(scopes), tuple(checks))
        _remember(self._analyses, key, found, self.cache_size)
        return found

    def _enforce(
        self,
        document: DocumentNode,
        operation_name: str | None,
        caller: Caller,
        variables: Mapping[str, Any],
    ) -> AuthorizationResult:
        def judge(
            requirements: Requirements,
            coordinate: str,
            definition: GraphQLField | None,
            node: FieldNode | None,
        ) -> tuple[str, str] | None:
            return self._judge(requirements, caller, coordinate, definition, node, variables)

        operation, fragments = _select_operation(document, operation_name)
        walk = _Walk(self, fragments, judge)
        outcome = walk.selection_set(operation.selection_set, self._root_type(operation))
        if not outcome.changed:
            return AuthorizationResult(document)
        selections = outcome.selections
        placeholders = list(outcome.placeholders)
        if not selections:
            selections = (_TYPENAME,)
            placeholders.append(())
        operation = dataclasses.replace(
            operation, selection_set=SelectionSetNode(selections=selections)
        )
        used: list[FragmentDefinitionNode] = []
        for name in _used_fragments(operation, fragments, walk.rewritten):
            definition = walk.rewritten.get(name, fragments[name])
            if definition is not None:
                used.append(definition)
        operation = _without_unused_variables(operation, used)
        errors = tuple(dict.fromkeys(AuthorizationError(p, c, m) for p, c, m in outcome.errors))
        return AuthorizationResult(
            DocumentNode(definitions=(operation, *used)),
            errors,
            tuple(dict.fromkeys(placeholders)),
        )

    def _judge(
        self,
        requirements: Requirements,
        caller: Caller,
        coordinate: str,
        definition: GraphQLField | None,
        node: FieldNode | None,
        variables: Mapping[str, Any],
    ) -> tuple[str, str] | None:
        authenticated = is_authenticated(caller)
        for requirement in requirements:
            if requirement.kind is RequirementKind.AUTHENTICATED:
                if not authenticated:
                    return UNAUTHENTICATED, f"{coordinate} requires authentication"
            elif requirement.kind is RequirementKind.SCOPES:
                if not any(
                    alternative <= caller.scopes for alternative in requirement.alternatives
                ):
                    return _denial(
                        authenticated,
                        f"{coordinate} requires the scopes {_describe(requirement.alternatives)}",
                    )
            elif not self._policy_allows(
                requirement, caller, coordinate, definition, node, variables
            ):
                return _denial(
                    authenticated,
                    f"{coordinate} requires the policies {_describe(requirement.alternatives)}",
                )
        return None

    def _policy_allows(
        self,
        requirement: Requirement,
        caller: Caller,
        coordinate: str,
        definition: GraphQLField | None,
        node: FieldNode | None,
        variables: Mapping[str, Any],
    ) -> bool:
        context = PolicyContext(coordinate, _arguments(definition, node, variables), variables)
        return any(
            all(self.policies.evaluate(name, caller, context) for name in sorted(alternative))
            for alternative in requirement.alternatives
        )

    def _root_type(self, operation: OperationDefinitionNode) -> GraphQLNamedType:
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            kind = (
                operation.operation.value if isinstance(operation.operation, OperationType) else "?"
            )
            raise BadUserInput(f"the schema does not support {kind} operations")
        return root


def authorize_operation(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    caller: Caller,
    variables: Mapping[str, Any] | None = None,
    *,
    policies: PolicyRegistry | None = None,
    reject_whole_operation: bool = False,
) -> AuthorizationResult:
    """One-off authorization without caching; the gateway keeps a DirectiveEnforcer instead."""
    enforcer = DirectiveEnforcer(schema, policies, reject_whole_operation=reject_whole_operation)
    return enforcer.authorize(document, operation_name, caller, variables)


def _select_operation(
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


def _used_fragments(
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


def _without_unused_variables(
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


def _arguments(
    definition: GraphQLField | None, node: FieldNode | None, variables: Mapping[str, Any]
) -> dict[str, Any]:
    """Argument values as the request gives them (uncoerced: policies compare plain values)."""
    if definition is None or node is None:
        return {}
    values = {
        name: argument.default_value
        for name, argument in definition.args.items()
        if argument.default_value is not Undefined
    }
    for argument in node.arguments or ():
        values[argument.name.value] = value_from_ast_untyped(argument.value, dict(variables))
    return values


def _denial(authenticated: bool, message: str) -> tuple[str, str]:
    return (FORBIDDEN if authenticated else UNAUTHENTICATED), message


def _describe(alternatives: tuple[frozenset[str], ...]) -> str:
    return " or ".join("[" + ", ".join(sorted(a)) + "]" for a in alternatives) or "[]"


def _rejection(errors: tuple[AuthorizationError, ...]) -> Unauthenticated | Forbidden:
    paths = [list(error.path) for error in errors]
    if any(error.code == UNAUTHENTICATED for error in errors):
        return Unauthenticated(errors[0].message, paths=paths)
    return Forbidden(errors[0].message, paths=paths)


def _remember(cache: OrderedDict[Hashable, Any], key: Hashable, value: Any, size: int) -> None:
    cache[key] = value
    if len(cache) > size:
        cache.popitem(last=False)
