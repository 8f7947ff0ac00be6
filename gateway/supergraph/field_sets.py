"""Parses `join__FieldSet` strings such as "id organization { id }" into selection sets."""

from __future__ import annotations

from functools import lru_cache

from graphql import OperationDefinitionNode, SelectionSetNode, parse
from graphql.error import GraphQLError

from gateway.errors import SupergraphError


@lru_cache(maxsize=4096)
def parse_field_set(field_set: str) -> SelectionSetNode:
    try:
        document = parse("{" + field_set + "}", no_location=True)
    except GraphQLError as error:
        raise SupergraphError(f"invalid field set {field_set!r}: {error.message}") from None
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return operation.selection_set
