"""Turns exceptions raised in resolvers into GraphQL errors with `extensions.code`."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql.error import GraphQLError
from strawberry.extensions import SchemaExtension

from common.errors import ModelplaneError

log = logging.getLogger("modelplane.errors")

# graphql-core's own messages for bad input (wrong enum value, bad variable type) have no
# original error; they are the caller's fault, not ours.
_UNCODED_IS_USER_ERROR = "GRAPHQL_VALIDATION_FAILED"


def convert_error(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, ModelplaneError):
        return GraphQLError(
            original.message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions=original.extensions(),
        )
    if original is None:
        extensions = dict(error.extensions or {})
        extensions.setdefault("code", _classify_uncoded(error))
        return GraphQLError(
            error.message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions=extensions,
        )
    if isinstance(original, (ValueError, TypeError, GraphQLError)) and error.path is None:
        # Raised while coercing variables or literals: an unknown enum value, a bad scalar.
        # Raised while coercing variables or literals (bad scalar input).
        return GraphQLError(
            error.message,
            nodes=error.nodes,
            positions=error.positions,
            extensions={"code": "BAD_USER_INPUT"},
        )
    log.error("unexpected error at %s", error.path, exc_info=original)
    return GraphQLError(
        "Internal error; the server log has the details.",
        nodes=error.nodes,
        positions=error.positions,
        path=error.path,
        extensions={"code": "INTERNAL_SERVER_ERROR"},
    )


def _classify_uncoded(error: GraphQLError) -> str:
    return "BAD_USER_INPUT" if error.path is None or "Variable" in error.message else (
        _UNCODED_IS_USER_ERROR
    )


class ErrorCodes(SchemaExtension):
    """Gives every error a code and hides unexpected exceptions behind a generic message."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [convert_error(e) for e in errors]
