"""Enforcing `@authenticated`, `@requiresScopes` and `@policy` on an operation before planning."""

from __future__ import annotations

import dataclasses
import logging
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLField,
    GraphQLNamedType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    value_from_ast_untyped,
)
from graphql.pyutils import Undefined

from common.errors import BadUserInput, Forbidden, Unauthenticated
from common.tenancy import Caller
from gateway.auth.policies import PolicyContext, PolicyRegistry
from gateway.auth.provider import is_authenticated
from gateway.auth.pruning import (
    TYPENAME_FIELD,
    ResponsePath,
    SelectionPruner,
    select_operation,
    used_fragments,
    without_unused_variables,
)
from gateway.auth.requirements import (
    Requirement,
    RequirementKind,
    Requirements,
    directive_kinds,
    field_requirements,
)

log = logging.getLogger("modelplane.gateway.auth")

UNAUTHENTICATED = Unauthenticated.code
FORBIDDEN = Forbidden.code


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
    """Authorization of operations against one API schema.

    Denied fields are removed from the document and reported at their response paths, so the
    executor can null them (propagating nulls as usual); `reject_whole_operation` refuses the
    operation instead. Decisions are cached per (document, operation, authenticated?, the
    scopes and policy outcomes that matter)."""

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

        operation, fragments = select_operation(document, operation_name)
        walk = SelectionPruner(self.schema, self, fragments, record)
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

        operation, fragments = select_operation(document, operation_name)
        walk = SelectionPruner(self.schema, self, fragments, judge)
        outcome = walk.selection_set(operation.selection_set, self._root_type(operation))
        if not outcome.changed:
            return AuthorizationResult(document)
        selections = outcome.selections
        placeholders = list(outcome.placeholders)
        if not selections:
            selections = (TYPENAME_FIELD,)
            placeholders.append(())
        operation = dataclasses.replace(
            operation, selection_set=SelectionSetNode(selections=selections)
        )
        used: list[FragmentDefinitionNode] = []
        for name in used_fragments(operation, fragments, walk.rewritten):
            definition = walk.rewritten.get(name, fragments[name])
            if definition is not None:
                used.append(definition)
        operation = without_unused_variables(operation, used)
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
