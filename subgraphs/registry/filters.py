"""Compiles a parsed filterQuery into a SQL condition; every value is a bound parameter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Table, and_, exists, false, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from common.errors import BadUserInput
from common.filtering import And, Comparison, Expression, Identifier, Or, Scalar
from subgraphs.registry.tables import custom_properties

TEXT, INTEGER, NUMBER = "text", "integer", "number"


@dataclass(frozen=True, slots=True)
class FilterField:
    """A built-in property: the column it reads and the kind of value it compares with."""

    column: str
    kind: str


class _Like(FunctionElement[bool]):
    """LIKE that honours case on every backend (SQLite's own LIKE ignores it)."""

    type = Boolean()
    inherit_cache = True
    name = "mp_like"


class _ILike(FunctionElement[bool]):
    type = Boolean()
    inherit_cache = True
    name = "mp_ilike"


@compiles(_Like)
def _compile_like(element: _Like, compiler: SQLCompiler, **kw: Any) -> str:
    value, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"({value} LIKE {pattern} ESCAPE '\\')"


@compiles(_ILike)
def _compile_ilike(element: _ILike, compiler: SQLCompiler, **kw: Any) -> str:
    value, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"({value} ILIKE {pattern} ESCAPE '\\')"


@compiles(_Like, "sqlite")
@compiles(_ILike, "sqlite")
def _compile_sqlite_like(element: FunctionElement[bool], compiler: SQLCompiler, **kw: Any) -> str:
    # mp_like / mp_ilike are registered on every SQLite connection (database.py).
    value, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"{element.name}({value}, {pattern})"


def compile_filter(
    expression: Expression,
    table: Table,
    entity_kind: str,
    fields: Mapping[str, FilterField],
) -> ColumnElement[bool]:
    if isinstance(expression, And):
        return and_(*(compile_filter(e, table, entity_kind, fields) for e in expression.items))
    if isinstance(expression, Or):
        return or_(*(compile_filter(e, table, entity_kind, fields) for e in expression.items))
    identifier = expression.identifier
    field = fields.get(identifier.name) if identifier.value_type is None else None
    if field is not None:
        return _compare_builtin(expression, table.c[field.column], field)
    return _compare_property(expression, table, entity_kind)


def _values(comparison: Comparison) -> tuple[Scalar, ...]:
    value = comparison.value
    return value if isinstance(value, tuple) else (value,)


def _compare_builtin(
    comparison: Comparison, column: Any, field: FilterField
) -> ColumnElement[bool]:
    name = comparison.identifier.name
    values = tuple(_coerce_builtin(name, field.kind, v) for v in _values(comparison))
    if comparison.operator in ("LIKE", "ILIKE") and field.kind != TEXT:
        raise BadUserInput(
            f"filterQuery: {comparison.operator} needs a text property, not {name!r}"
        )
    return _apply(comparison.operator, column, values)


def _coerce_builtin(name: str, kind: str, value: Scalar) -> Scalar:
    if kind == TEXT and isinstance(value, str):
        return value
    if kind == INTEGER and not isinstance(value, bool):
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.lstrip("-").isdigit() and len(value) < 20:
            return int(value)
    if kind == NUMBER and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    wanted = {TEXT: "a string", INTEGER: "an integer", NUMBER: "a number"}[kind]
    raise BadUserInput(f"filterQuery: {name!r} compares with {wanted}, got {value!r}")


def _apply(operator: str, column: Any, values: tuple[Any, ...]) -> ColumnElement[bool]:
    value = values[0]
    if operator == "IN":
        return column.in_(values)  # type: ignore[no-any-return]
    if operator == "NOT IN":
        return column.not_in(values)  # type: ignore[no-any-return]
    if operator == "LIKE":
        return _Like(column, value)
    if operator == "ILIKE":
        return _ILike(column, value)
    comparisons = {
        "=": column.__eq__,
        "!=": column.__ne__,
        "<": column.__lt__,
        ">": column.__gt__,
        "<=": column.__le__,
        ">=": column.__ge__,
    }
    return comparisons[operator](value)  # type: ignore[no-any-return]


def _property_kind(identifier: Identifier, values: tuple[Scalar, ...]) -> str:
    if identifier.value_type is not None:
        return identifier.value_type
    kinds = {
        "bool_value" if isinstance(v, bool) else "string_value" if isinstance(v, str) else "number"
        for v in values
    }
    if len(kinds) != 1:
        raise BadUserInput(f"filterQuery: the values for {identifier.name!r} mix types")
    return kinds.pop()


def _check_property_values(identifier: Identifier, kind: str, values: tuple[Scalar, ...]) -> None:
    def fits(value: Scalar) -> bool:
        if kind == "string_value":
            return isinstance(value, str)
        if kind == "bool_value":
            return isinstance(value, bool)
        if kind == "int_value":
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    for value in values:
        if not fits(value):
            raise BadUserInput(
                f"filterQuery: {identifier.name}.{kind} cannot compare with {value!r}"
            )
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise BadUserInput(f"filterQuery: {value} is outside the 64-bit range")


def _compare_property(
    comparison: Comparison, table: Table, entity_kind: str
) -> ColumnElement[bool]:
    identifier = comparison.identifier
    values = _values(comparison)
    kind = _property_kind(identifier, values)
    _check_property_values(identifier, kind, values)
    if comparison.operator in ("LIKE", "ILIKE") and kind != "string_value":
        raise BadUserInput(f"filterQuery: {comparison.operator} needs a string property")
    prop = custom_properties.alias()
    if kind == "number":
        # Without a suffix a number matches an INT or a DOUBLE property alike.
        typed = or_(
            and_(prop.c.value_type == "INT", _apply(comparison.operator, prop.c.int_value, values)),
            and_(
                prop.c.value_type == "DOUBLE",
                _apply(comparison.operator, prop.c.double_value, tuple(float(v) for v in values)),
            ),
        )
    elif kind == "double_value":
        typed = _apply(comparison.operator, prop.c.double_value, tuple(float(v) for v in values))
    else:
        typed = _apply(comparison.operator, prop.c[kind], values)
    if not values:
        return false()
    return exists().where(
        prop.c.entity_kind == entity_kind,
        prop.c.entity_id == table.c.id,
        prop.c.name == identifier.name,
        typed,
    )
