"""The last check: the printed supergraph must be a valid GraphQL schema."""

from __future__ import annotations

from graphql import GraphQLError, build_ast_schema, parse, validate_schema

from .errors import CompositionError, CompositionProblem


def check_supergraph_schema(supergraph: str, graphs: tuple[str, ...]) -> None:
    """Raise CompositionError for what the rules let through but GraphQL forbids, e.g. an
    interface field an implementation lacks, or a type no subgraph defines."""
    try:
        schema = build_ast_schema(parse(supergraph))
    except (GraphQLError, TypeError) as error:
        message = error.message if isinstance(error, GraphQLError) else str(error)
        raise CompositionError(
            [CompositionProblem("INVALID_GRAPHQL", "", message, graphs)]
        ) from None
    errors = validate_schema(schema)
    if errors:
        raise CompositionError(
            [CompositionProblem("INVALID_GRAPHQL", "", error.message, graphs) for error in errors]
        )
