"""Reads: keyset pages, counts, lookups and the batched loads behind the DataLoaders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from common.filtering import Expression
from subgraphs.registry.entities import ARTIFACT, EntitySpec, Relation
from subgraphs.registry.filters import compile_filter
from subgraphs.registry.pagination import (
    Page,
    PageRequest,
    build_page,
    keyset_condition,
    sort_columns,
)
from subgraphs.registry.properties import PropertyValue, property_from_row
from subgraphs.registry.tables import custom_properties, metric_history


def _conditions(
    spec: EntitySpec,
    tenant: str,
    filter: Expression | None,
    artifact_type: str | None,
    scope: Iterable[tuple[str, Any]] = (),
) -> list[ColumnElement[bool]]:
    table = spec.table
    conditions: list[ColumnElement[bool]] = [table.c.tenant_id == tenant]
    conditions += [table.c[column] == value for column, value in scope]
    if artifact_type is not None and spec is ARTIFACT:
        conditions.append(table.c.artifact_type == artifact_type)
    if filter is not None:
        conditions.append(compile_filter(filter, table, spec.kind, spec.fields))
    return conditions


async def fetch_page(
    connection: AsyncConnection,
    spec: EntitySpec,
    tenant: str,
    request: PageRequest,
    scope: Sequence[tuple[str, Any]] = (),
) -> Page:
    conditions = _conditions(spec, tenant, request.filter, request.artifact_type, scope)
    keyset = keyset_condition(spec.table, request)
    if keyset is not None:
        conditions.append(keyset)
    statement = (
        select(spec.table)
        .where(*conditions)
        .order_by(*sort_columns(spec.table, request))
        .limit(request.first + 1)
    )
    rows = list((await connection.execute(statement)).all())
    return build_page(rows, request)


async def count_rows(
    connection: AsyncConnection,
    spec: EntitySpec,
    tenant: str,
    filter: Expression | None,
    artifact_type: str | None = None,
    scope: Sequence[tuple[str, Any]] = (),
) -> int:
    conditions = _conditions(spec, tenant, filter, artifact_type, scope)
    statement = select(func.count()).select_from(spec.table).where(*conditions)
    return int((await connection.execute(statement)).scalar_one())


async def fetch_child_pages(
    connection: AsyncConnection,
    relation: Relation,
    tenant: str,
    parent_ids: Sequence[int],
    request: PageRequest,
) -> dict[int, Page]:
    """One page of children for each parent, in one statement (a window per parent)."""
    table = relation.child.table
    parent = table.c[relation.parent_column]
    conditions = _conditions(
        relation.child, tenant, request.filter, request.artifact_type, relation.scope
    )
    conditions.append(parent.in_(sorted(set(parent_ids))))
    keyset = keyset_condition(table, request)
    if keyset is not None:
        conditions.append(keyset)
    position = func.row_number().over(partition_by=parent, order_by=sort_columns(table, request))
    ranked = select(table, position.label("position")).where(*conditions).subquery()
    statement = (
        select(ranked)
        .where(ranked.c.position <= request.first + 1)
        .order_by(ranked.c[relation.parent_column], ranked.c.position)
    )
    grouped: dict[int, list[Row[Any]]] = defaultdict(list)
    for row in (await connection.execute(statement)).all():
        grouped[getattr(row, relation.parent_column)].append(row)
    return {parent_id: build_page(grouped.get(parent_id, []), request) for parent_id in parent_ids}


async def count_children(
    connection: AsyncConnection,
    relation: Relation,
    tenant: str,
    parent_ids: Sequence[int],
    filter: Expression | None,
    artifact_type: str | None,
) -> dict[int, int]:
    table = relation.child.table
    parent = table.c[relation.parent_column]
    conditions = _conditions(relation.child, tenant, filter, artifact_type, relation.scope)
    conditions.append(parent.in_(sorted(set(parent_ids))))
    statement = select(parent, func.count()).where(*conditions).group_by(parent)
    counts = {row[0]: int(row[1]) for row in (await connection.execute(statement)).all()}
    return {parent_id: counts.get(parent_id, 0) for parent_id in parent_ids}


async def fetch_by_ids(
    connection: AsyncConnection, spec: EntitySpec, tenant: str, ids: Sequence[int]
) -> dict[int, Row[Any]]:
    table = spec.table
    statement = select(table).where(table.c.tenant_id == tenant, table.c.id.in_(sorted(set(ids))))
    return {row.id: row for row in (await connection.execute(statement)).all()}


async def fetch_one(
    connection: AsyncConnection,
    spec: EntitySpec,
    tenant: str,
    **equal: Any,
) -> Row[Any] | None:
    """The row whose columns equal `equal` (a unique key: name+parent, external_id, id)."""
    table = spec.table
    conditions = [table.c.tenant_id == tenant]
    conditions += [table.c[column] == value for column, value in equal.items()]
    return (await connection.execute(select(table).where(*conditions))).first()


async def fetch_properties(
    connection: AsyncConnection, tenant: str, entity_kind: str, ids: Sequence[int]
) -> dict[int, list[PropertyValue]]:
    table = custom_properties
    statement = (
        select(table)
        .where(
            table.c.tenant_id == tenant,
            table.c.entity_kind == entity_kind,
            table.c.entity_id.in_(sorted(set(ids))),
        )
        .order_by(table.c.entity_id, table.c.name)
    )
    grouped: dict[int, list[PropertyValue]] = {entity_id: [] for entity_id in ids}
    for row in (await connection.execute(statement)).all():
        grouped.setdefault(row.entity_id, []).append(property_from_row(row))
    return grouped


async def fetch_metric_history(
    connection: AsyncConnection, tenant: str, run_ids: Sequence[int]
) -> dict[int, list[Row[Any]]]:
    table = metric_history
    statement = (
        select(table)
        .where(table.c.tenant_id == tenant, table.c.experiment_run_id.in_(sorted(set(run_ids))))
        .order_by(table.c.experiment_run_id, table.c.name, table.c.step)
    )
    grouped: dict[int, list[Row[Any]]] = {run_id: [] for run_id in run_ids}
    for row in (await connection.execute(statement)).all():
        grouped[row.experiment_run_id].append(row)
    return grouped
