"""Audit events for the registry's own mutations (create, update, archive, register, artifacts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from common.tenancy import Caller
from subgraphs.registry.governance import audit
from subgraphs.registry.governance.approvals import invalidate_approvals

ENTITY_TYPES = {
    "model": "registered_model",
    "version": "model_version",
    "experiment": "experiment",
    "run": "experiment_run",
    "artifact": "artifact",
}
# Bookkeeping columns every update touches: noise in a diff.
IGNORED_COLUMNS = ("updated_at",)


def _values(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    return {k: v for k, v in row._mapping.items() if k not in IGNORED_COLUMNS}


def _action(kind: str, before: Any, after: Any) -> str:
    if before is None:
        return f"{kind}.create"
    if before.state != after.state and after.state in ("ARCHIVED", "LIVE"):
        return f"{kind}.{'archive' if after.state == 'ARCHIVED' else 'restore'}"
    return f"{kind}.update"


async def record_change(
    connection: AsyncConnection, caller: Caller, kind: str, before: Any, after: Any
) -> None:
    entity_type = ENTITY_TYPES.get(kind, kind)
    await audit.append_event(
        connection,
        tenant=caller.tenant,
        actor=caller.user or "anonymous",
        action=_action(entity_type, before, after),
        entity_type=entity_type,
        entity_id=after.id,
        before=_values(before),
        after=_values(after),
    )


async def record_registration(
    connection: AsyncConnection, caller: Caller, model: Any, version: Any, artifact: Any
) -> None:
    for kind, row in (("model", model), ("version", version), ("artifact", artifact)):
        await audit.append_event(
            connection,
            tenant=caller.tenant,
            actor=caller.user or "anonymous",
            action=f"{ENTITY_TYPES[kind]}.register",
            entity_type=ENTITY_TYPES[kind],
            entity_id=row.id,
            after=_values(row),
        )


async def record_artifact(
    connection: AsyncConnection, caller: Caller, parent_kind: str, parent_id: int, row: Any
) -> None:
    """An artifact change on a version makes the approvals already given stale."""
    await audit.append_event(
        connection,
        tenant=caller.tenant,
        actor=caller.user or "anonymous",
        action="artifact.upsert",
        entity_type="artifact",
        entity_id=row.id,
        after={**(_values(row) or {}), "parent": f"{parent_kind}:{parent_id}"},
    )
    if parent_kind == "version":
        await invalidate_approvals(
            connection, caller, parent_id, f"artifact {row.id} added or changed"
        )
