"""Marks variable-coercion errors (e.g. an unknown enum value in a variable) as BAD_USER_INPUT.

graphql-core reports them with another GraphQLError as the original error, which the shared
ErrorCodes extension would otherwise hide as an internal error.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql.error import GraphQLError
from strawberry.extensions import SchemaExtension


def mark_coercion_error(error: GraphQLError) -> GraphQLError:
    if error.path is None and isinstance(error.original_error, GraphQLError):
        return GraphQLError(
            error.message,
            nodes=error.nodes,
            positions=error.positions,
            extensions={**(error.extensions or {}), "code": "BAD_USER_INPUT"},
        )
    return error


class CoercionErrors(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [mark_coercion_error(e) for e in errors]
