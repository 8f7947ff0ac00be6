"""registerModel: reuse or create the model, then create its version and model artifact."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from common.errors import Conflict
from subgraphs.registry.entities import ARTIFACT, MODEL_VERSION, REGISTERED_MODEL
from subgraphs.registry.properties import PropertyValue
from subgraphs.registry.repository.reads import fetch_one
from subgraphs.registry.repository.writes import insert_entity


@dataclass(frozen=True, slots=True)
class Registration:
    registered_model: Row[Any]
    model_version: Row[Any]
    model_artifact: Row[Any]


@dataclass(frozen=True, slots=True)
class RegistrationDraft:
    model: Mapping[str, Any]
    model_properties: list[PropertyValue] | None
    version: Mapping[str, Any]
    version_properties: list[PropertyValue] | None
    artifact: Mapping[str, Any]
    artifact_properties: list[PropertyValue] | None


async def find_or_create_model(
    connection: AsyncConnection,
    tenant: str,
    values: Mapping[str, Any],
    properties: list[PropertyValue] | None,
) -> Row[Any]:
    existing = await fetch_one(connection, REGISTERED_MODEL, tenant, name=values["name"])
    if existing is not None:
        return existing
    try:
        # A savepoint, so that losing the race to create the model leaves our
        # transaction usable (PostgreSQL aborts a transaction on any error).
        async with connection.begin_nested():
            return await insert_entity(connection, REGISTERED_MODEL, tenant, values, properties)
    except Conflict:
        winner = await fetch_one(connection, REGISTERED_MODEL, tenant, name=values["name"])
        if winner is None:
            raise
        return winner


async def register_model(
    connection: AsyncConnection, tenant: str, draft: RegistrationDraft
) -> Registration:
    model = await find_or_create_model(connection, tenant, draft.model, draft.model_properties)
    version = await insert_entity(
        connection,
        MODEL_VERSION,
        tenant,
        {"state": "LIVE", **draft.version, "registered_model_id": model.id},
        draft.version_properties,
    )
    # The version is new, so its artifact is too: insert it without an upsert's lookups.
    artifact = await insert_entity(
        connection,
        ARTIFACT,
        tenant,
        {
            "state": "UNKNOWN",
            **draft.artifact,
            "artifact_type": "model-artifact",
            "parent_kind": "version",
            "parent_id": version.id,
        },
        draft.artifact_properties,
    )
    return Registration(model, version, artifact)
