"""The last check: the composed supergraph must be a valid GraphQL schema."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from graphql import GraphQLError, build_ast_schema, parse, validate_schema
from graphql.language import DefinitionNode, DocumentNode

from .errors import CompositionError, CompositionProblem


@lru_cache(maxsize=32)
def parse_header(text: str) -> DocumentNode:
    """The schema definition and spec definitions: the same few texts for every composition."""
    return parse(text, no_location=True)


def check_supergraph_schema(
    header: str, definitions: Sequence[DefinitionNode], graphs: tuple[str, ...]
) -> None:
    """Raise CompositionError for what the rules let through but GraphQL forbids, e.g. an
    interface field an implementation lacks, or a type no subgraph defines."""
    document = DocumentNode(definitions=(*parse_header(header).definitions, *definitions))
    try:
        # The definitions come from parsed subgraphs and our own builders: skip SDL validation.
        schema = build_ast_schema(document, assume_valid_sdl=True)
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
