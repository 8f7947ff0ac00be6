"""The fastest response path: the client's shape as msgspec Struct types, generated per operation.

For an operation whose selections are all on concrete types and carry no @skip/@include
conditions, every object position of the client's selection becomes a Struct type with
the client's fields, in the client's order, under the client's response keys. Shaping the
merged data is then one `msgspec.convert` (C code: unrequested fields are dropped, absent
nullable fields become null, every value is type-checked), and serialising it one
`msgspec.json.encode`.

The types encode the GraphQL rules the interpreting shaper applies, so that anything that
needs them fails validation instead of passing silently: a non-null field has no default
and does not admit null; a restricted (@inaccessible-valued) enum admits only its visible
values; `__typename` of a concrete position is a literal. On a validation error the caller
falls back to the generated dict shaper, which does null propagation with error paths.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Literal, Union

import msgspec
from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
)

from gateway.planning.operation import Field

StructShaper = Callable[[dict[str, Any]], msgspec.Struct]

# Any JSON value but null: a non-null custom scalar or enum.
_NON_NULL_ANY: Any = Union[str, int, float, bool, dict, list]  # noqa: UP007
_SCALARS: dict[str, Any] = {
    "Int": int,
    "Float": Union[int, float],  # noqa: UP007 - keeps 1 as 1, as the subgraph sent it
    "String": str,
    "Boolean": bool,
    "ID": Union[str, int],  # noqa: UP007
}
_names = itertools.count()


class NotEligible(Exception):
    """The operation needs what only the dict shapers do (abstract types, conditions)."""


class _Builder:
    def __init__(self, abstract: frozenset[str], restricted: dict[str, frozenset[str]]) -> None:
        self.abstract = abstract
        self.restricted = restricted

    def struct(self, fields: list[Field], type_name: str) -> type[msgspec.Struct]:
        definitions: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        seen: set[str] = set()
        for index, item in enumerate(fields):
            if item.condition or item.alternatives:
                raise NotEligible("conditional field")
            key = item.response_key
            if key in seen:
                raise NotEligible("repeated response key")
            seen.add(key)
            attribute = f"f{index}"
            if item.name == "__typename":
                definitions.append(
                    (attribute, Literal[type_name], msgspec.field(default=type_name, name=key))
                )
                continue
            assert item.type is not None
            annotation, nullable = self.annotation(item, item.type)
            if nullable:
                definitions.append((attribute, annotation, msgspec.field(default=None, name=key)))
            else:
                definitions.append((attribute, annotation, msgspec.field(name=key)))
        # Required fields first is what Python's signature rules want; msgspec keeps the
        # encoding order of the definitions only with kw_only=True.
        return msgspec.defstruct(
            f"Shape{next(_names)}_{type_name}", definitions, kw_only=True, gc=False
        )

    def annotation(self, item: Field, graphql_type: GraphQLOutputType) -> tuple[Any, bool]:
        if isinstance(graphql_type, GraphQLNonNull):
            inner, _ = self.annotation(item, graphql_type.of_type)
            return strip_none(inner), False
        if isinstance(graphql_type, GraphQLList):
            element, _ = self.annotation(item, graphql_type.of_type)
            return Union[list[element], None], True  # type: ignore[valid-type]  # noqa: UP007
        if isinstance(graphql_type, GraphQLObjectType):
            if item.selections is None or len(item.selections) != 1:
                raise NotEligible("object field without one selection")
            (concrete, fields), = item.selections.items()
            if concrete != graphql_type.name:
                raise NotEligible("fragment on another type")
            return Union[self.struct(fields, concrete), None], True  # noqa: UP007
        leaf = leaf_annotation(graphql_type, self.restricted)
        if leaf is None:
            raise NotEligible(f"abstract type {graphql_type}")
        return leaf, True


def leaf_annotation(graphql_type: Any, restricted: dict[str, frozenset[str]]) -> Any:
    """The nullable annotation of a scalar or enum value, None for any other type. What a
    non-null position allows is this without None (`strip_none`)."""
    if isinstance(graphql_type, GraphQLScalarType):
        return Union[_SCALARS.get(graphql_type.name, _NON_NULL_ANY), None]  # noqa: UP007
    if isinstance(graphql_type, GraphQLEnumType):
        allowed = restricted.get(graphql_type.name)
        if allowed is None:
            return Union[str, None]  # noqa: UP007
        return Union[Literal[tuple(sorted(allowed))], None]  # noqa: UP007
    return None


def strip_none(annotation: Any) -> Any:
    arguments = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
    if getattr(annotation, "__origin__", None) is Union:
        return Union[tuple(arguments)] if len(arguments) > 1 else arguments[0]  # noqa: UP007
    return annotation


def compile_struct_shaper(
    fields: list[Field],
    root_type: str,
    abstract: frozenset[str],
    restricted_enums: dict[str, frozenset[str]],
) -> StructShaper | None:
    """A shaper for the operation, or None when it is not eligible."""
    try:
        root = _Builder(abstract, restricted_enums).struct(fields, root_type)
    except NotEligible:
        return None
    convert = msgspec.convert

    def shape(data: dict[str, Any]) -> msgspec.Struct:
        return convert(data, root)

    return shape


ENCODE = msgspec.json.Encoder().encode
ValidationError = msgspec.ValidationError
