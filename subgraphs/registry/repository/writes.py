"""Writes: create, update, state changes and artifact upserts, each inside the caller's transaction."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Row, delete, insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from common.errors import BadUserInput, Conflict, NotFound
from subgraphs.registry.entities import ARTIFACT, EXPERIMENT_RUN, MODEL_VERSION, EntitySpec
from subgraphs.registry.properties import PropertyValue, property_rows
from subgraphs.registry.repository.reads import fetch_one
from subgraphs.registry.tables import custom_properties, metric_history
from subgraphs.registry.validation import check_name, check_row_values

PARENT_SPECS = {"version": MODEL_VERSION, "run": EXPERIMENT_RUN}


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def _conflict(spec: EntitySpec, values: Mapping[str, Any]) -> Conflict:
    name = values.get("name")
    if name is not None:
        return Conflict(
            f"a {spec.label} named {name!r} already exists here (or its externalId is taken)",
            suggestion="names are unique per tenant for models and experiments, "
            "and per parent for versions, runs and artifacts",
        )
    return Conflict(f"another {spec.label} already has this externalId")


async def require_row(
    connection: AsyncConnection, spec: EntitySpec, tenant: str, entity_id: int
) -> Row[Any]:
    row = await fetch_one(connection, spec, tenant, id=entity_id)
    if row is None:
        raise NotFound(f"{spec.label} {entity_id} does not exist")
    return row


async def insert_entity(
    connection: AsyncConnection,
    spec: EntitySpec,
    tenant: str,
    values: Mapping[str, Any],
    properties: list[PropertyValue] | None,
) -> Row[Any]:
    check_name("name", str(values.get("name") or ""))
    check_row_values(spec.table, values)
    stamp = now_ms()
    row_values = {**values, "tenant_id": tenant, "created_at": stamp, "updated_at": stamp}
    statement = insert(spec.table).values(row_values).returning(*spec.table.c)
    try:
        row = (await connection.execute(statement)).one()
    except IntegrityError:
        raise _conflict(spec, values) from None
    await replace_properties(connection, spec, tenant, row.id, properties or [], fresh=True)
    return row


async def update_entity(
    connection: AsyncConnection,
    spec: EntitySpec,
    tenant: str,
    entity_id: int,
    values: Mapping[str, Any],
    properties: list[PropertyValue] | None,
) -> Row[Any]:
    check_row_values(spec.table, values)
    table = spec.table
    statement = (
        update(table)
        .where(table.c.id == entity_id, table.c.tenant_id == tenant)
        .values({**values, "updated_at": now_ms()})
        .returning(*table.c)
    )
    try:
        row = (await connection.execute(statement)).first()
    except IntegrityError:
        raise _conflict(spec, {}) from None
    if row is None:
        raise NotFound(f"{spec.label} {entity_id} does not exist")
    if properties is not None:
        await replace_properties(connection, spec, tenant, entity_id, properties)
    return row


async def replace_properties(
    connection: AsyncConnection,
    spec: EntitySpec,
    tenant: str,
    entity_id: int,
    properties: list[PropertyValue],
    *,
    fresh: bool = False,
) -> None:
    table = custom_properties
    if not fresh:
        await connection.execute(
            delete(table).where(table.c.entity_kind == spec.kind, table.c.entity_id == entity_id)
        )
    if properties:
        await connection.execute(
            insert(table), property_rows(tenant, spec.kind, entity_id, properties)
        )


async def upsert_artifact(
    connection: AsyncConnection,
    tenant: str,
    parent_kind: str,
    parent_id: int,
    artifact_type: str,
    values: Mapping[str, Any],
    properties: list[PropertyValue] | None,
) -> Row[Any]:
    """Create the artifact named values["name"] under the parent, or update it in place."""
    await require_row(connection, PARENT_SPECS[parent_kind], tenant, parent_id)
    name = check_name("name", str(values.get("name") or ""))
    existing = await fetch_one(
        connection, ARTIFACT, tenant, parent_kind=parent_kind, parent_id=parent_id, name=name
    )
    if existing is None:
        row = await insert_entity(
            connection,
            ARTIFACT,
            tenant,
            {
                "state": "UNKNOWN",
                **values,
                "artifact_type": artifact_type,
                "parent_kind": parent_kind,
                "parent_id": parent_id,
            },
            properties,
        )
    else:
        if existing.artifact_type != artifact_type:
            raise Conflict(f"artifact {name!r} already exists here as a {existing.artifact_type}")
        changes = {k: v for k, v in values.items() if k != "name"}
        row = await update_entity(connection, ARTIFACT, tenant, existing.id, changes, properties)
    if artifact_type == "metric" and parent_kind == "run":
        await record_metric(connection, tenant, parent_id, row)
    return row


async def update_artifact(
    connection: AsyncConnection,
    tenant: str,
    artifact_id: int,
    artifact_type: str,
    values: Mapping[str, Any],
    properties: list[PropertyValue] | None,
) -> Row[Any]:
    existing = await require_row(connection, ARTIFACT, tenant, artifact_id)
    if existing.artifact_type != artifact_type:
        raise BadUserInput(f"artifact {artifact_id} is a {existing.artifact_type}")
    if "name" in values and values["name"] != existing.name:
        raise BadUserInput("names are immutable after create")
    changes = {k: v for k, v in values.items() if k != "name"}
    row = await update_entity(connection, ARTIFACT, tenant, artifact_id, changes, properties)
    if artifact_type == "metric" and existing.parent_kind == "run":
        await record_metric(connection, tenant, existing.parent_id, row)
    return row


async def record_metric(
    connection: AsyncConnection, tenant: str, run_id: int, artifact: Row[Any]
) -> None:
    """Keep each logged value of a run's metric by step: the run's metric history."""
    if artifact.metric_value is None:
        return
    table = metric_history
    step = artifact.metric_step if artifact.metric_step is not None else 0
    stamp = artifact.metric_timestamp if artifact.metric_timestamp is not None else now_ms()
    key = (
        table.c.tenant_id == tenant,
        table.c.experiment_run_id == run_id,
        table.c.name == artifact.name,
        table.c.step == step,
    )
    result = await connection.execute(
        update(table).where(*key).values(value=artifact.metric_value, timestamp=stamp)
    )
    if result.rowcount == 0:
        await connection.execute(
            insert(table).values(
                tenant_id=tenant,
                experiment_run_id=run_id,
                name=artifact.name,
                step=step,
                value=artifact.metric_value,
                timestamp=stamp,
            )
        )
