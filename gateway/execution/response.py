"""Shapes merged subgraph data into the client's response, with GraphQL null propagation."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLList, GraphQLNonNull, GraphQLOutputType

from gateway.planning.operation import Condition, Field

_MISSING = object()
_PROPAGATE = object()


class ResponseShaper:
    def __init__(
        self,
        variables: dict[str, Any],
        errors: list[dict[str, Any]],
        abstract_types: frozenset[str],
        restricted_enums: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.restricted_enums = restricted_enums or {}
        self.variables = variables
        self.errors = errors
        self.abstract = abstract_types
        self.error_paths = {tuple(e["path"]) for e in errors if e.get("path")}
        self.fetch_failed = any(not e.get("path") for e in errors)

    def holds(self, condition: Condition) -> bool:
        return all(bool(self.variables.get(name)) == expected for name, expected in condition)

    def shape_root(self, data: dict[str, Any] | None, fields: list[Field], root: str) -> Any:
        result = self.shape_object(data or {}, fields, root, [])
        return None if result is _PROPAGATE else result

    def shape_object(
        self, obj: dict[str, Any], fields: list[Field], type_name: str, path: list[Any]
    ) -> Any:
        out: dict[str, Any] = {}
        for item in fields:
            if item.condition and not any(self.holds(c) for c in item.conditions):
                continue
            key = item.response_key
            if item.name == "__typename":
                out[key] = obj.get(key) or obj.get("__typename") or type_name
                if out[key] in self.abstract:
                    out[key] = type_name
                continue
            value = obj.get(key, _MISSING)
            assert item.type is not None
            shaped = self.shape_value(value, item.type, item, [*path, key])
            if shaped is _PROPAGATE:
                return _PROPAGATE
            out[key] = shaped
        return out

    def shape_value(
        self, value: Any, graphql_type: GraphQLOutputType, item: Field, path: list[Any]
    ) -> Any:
        if isinstance(graphql_type, GraphQLNonNull):
            shaped = self.shape_value(value, graphql_type.of_type, item, path)
            if shaped is None or shaped is _PROPAGATE:
                if shaped is None:
                    self.null_error(value, item, path)
                return _PROPAGATE
            return shaped
        if value is None or value is _MISSING:
            return None
        if isinstance(graphql_type, GraphQLList):
            if not isinstance(value, list):
                return None
            items = []
            for index, element in enumerate(value):
                shaped = self.shape_value(element, graphql_type.of_type, item, [*path, index])
                if shaped is _PROPAGATE:
                    return None
                items.append(shaped)
            return items
        if item.selections is None:
            allowed = self.restricted_enums.get(item.type_name)
            if allowed is not None and value not in allowed:
                return None  # an @inaccessible enum value never reaches a client
            return value
        if not isinstance(value, dict):
            return None
        type_name = value.get("__typename")
        if not isinstance(type_name, str) or type_name not in item.selections:
            # One object type, or an @interfaceObject's answer whose concrete type was not
            # needed (every branch then selects the same interface fields).
            if item.selections and (len(item.selections) == 1 or type_name in self.abstract):
                type_name = next(iter(item.selections))
            else:
                return None
        shaped = self.shape_object(value, item.selections[type_name], type_name, path)
        return None if shaped is _PROPAGATE else shaped

    def null_error(self, value: Any, item: Field, path: list[Any]) -> None:
        if value is _MISSING:
            # Absent, not null: a fetch failed or an entity came back null, and that is
            # already reported (or, for a null entity, is no error at all).
            return
        current = tuple(path)
        for error_path in self.error_paths:
            if error_path[: len(current)] == current or current[: len(error_path)] == error_path:
                return
        self.errors.append(
            {
                "message": f"Cannot return null for non-nullable field {item.parent_type}.{item.name}.",
                "path": list(path),
                "extensions": {"code": "INTERNAL_SERVER_ERROR"},
            }
        )
        self.error_paths.add(current)
