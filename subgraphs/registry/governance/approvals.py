"""Approval requests and decisions on a version's move to an APPROVED_* stage."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from common.errors import BadUserInput, FailedPrecondition, Forbidden, NotFound
from common.tenancy import Caller
from subgraphs.registry.entities import MODEL_VERSION
from subgraphs.registry.governance import audit, outbox
from subgraphs.registry.governance.stages import APPROVAL_STAGES, TRANSITIONS, Stage
from subgraphs.registry.repository import writes
from subgraphs.registry.tables import approvals, stage_transitions

APPROVER_ROLES = ("approver", "admin")
APPROVE_SCOPE = "governance:approve"


def is_approver(caller: Caller) -> bool:
    return any(role in caller.roles for role in APPROVER_ROLES) or APPROVE_SCOPE in caller.scopes


def _actor(caller: Caller) -> str:
    return caller.user or "anonymous"


def _now() -> int:
    return time.time_ns() // 1_000_000


async def find_submitter(connection: AsyncConnection, tenant: str, version_id: int) -> str | None:
    """Who last moved the version to SUBMITTED."""
    table = stage_transitions
    return await connection.scalar(
        select(table.c.actor)
        .where(
            table.c.tenant_id == tenant,
            table.c.model_version_id == version_id,
            table.c.to_stage == Stage.SUBMITTED.value,
        )
        .order_by(table.c.id.desc())
        .limit(1)
    )


async def count_valid_approvals(
    connection: AsyncConnection, tenant: str, version_id: int, target: Stage, submitter: str | None
) -> int:
    statement = select(func.count(func.distinct(approvals.c.actor))).where(
        approvals.c.tenant_id == tenant,
        approvals.c.model_version_id == version_id,
        approvals.c.target_stage == target.value,
        approvals.c.decision == "APPROVED",
        approvals.c.valid.is_(True),
    )
    if submitter is not None:
        statement = statement.where(approvals.c.actor != submitter)
    return int((await connection.scalar(statement)) or 0)


async def _require_reviewable(
    connection: AsyncConnection, tenant: str, version_id: int, target: Stage
) -> Any:
    if target not in APPROVAL_STAGES:
        raise BadUserInput(f"approvals are for {', '.join(s.value for s in APPROVAL_STAGES)}")
    version = await writes.require_row(connection, MODEL_VERSION, tenant, version_id)
    if target not in TRANSITIONS[Stage(version.stage)]:
        raise FailedPrecondition(
            f"a version in {version.stage} cannot move to {target.value}, so it cannot be "
            "approved for it"
        )
    return version


async def request_approval(
    connection: AsyncConnection, caller: Caller, version_id: int, target: Stage, comment: str | None
) -> dict[str, Any]:
    await _require_reviewable(connection, caller.tenant, version_id, target)
    await outbox.enqueue(
        connection,
        caller.tenant,
        "approval.requested",
        {
            "modelVersionId": str(version_id),
            "targetStage": target.value,
            "requestedBy": _actor(caller),
            "comment": comment,
        },
    )
    return await _insert_decision(connection, caller, version_id, target, "REQUESTED", comment)


async def _insert_decision(
    connection: AsyncConnection,
    caller: Caller,
    version_id: int,
    target: Stage,
    decision: str,
    comment: str | None,
) -> dict[str, Any]:
    stamp = _now()
    values = {
        "tenant_id": caller.tenant,
        "model_version_id": version_id,
        "target_stage": target.value,
        "actor": _actor(caller),
        "decision": decision,
        "comment": comment,
        "valid": True,
        "created_at": stamp,
        "updated_at": stamp,
    }
    row = (
        await connection.execute(approvals.insert().values(**values).returning(*approvals.c))
    ).one()
    await audit.append_event(
        connection,
        tenant=caller.tenant,
        actor=_actor(caller),
        action=f"approval.{decision.lower()}",
        entity_type="model_version",
        entity_id=version_id,
        after={"target_stage": target.value, "decision": decision, "comment": comment},
    )
    return dict(row._mapping)


async def _own_decision(
    connection: AsyncConnection, caller: Caller, version_id: int, target: Stage
) -> Any:
    return (
        await connection.execute(
            select(approvals).where(
                approvals.c.tenant_id == caller.tenant,
                approvals.c.model_version_id == version_id,
                approvals.c.target_stage == target.value,
                approvals.c.actor == _actor(caller),
                approvals.c.decision.in_(("APPROVED", "REFUSED")),
                approvals.c.valid.is_(True),
            )
        )
    ).first()


async def decide_approval(
    connection: AsyncConnection,
    caller: Caller,
    version_id: int,
    target: Stage,
    decision: str,
    comment: str | None,
) -> dict[str, Any]:
    """Approves or refuses; an approver's newer decision replaces their earlier one."""
    if not is_approver(caller):
        raise Forbidden("only users with the approver role may approve or refuse")
    await _require_reviewable(connection, caller.tenant, version_id, target)
    if decision == "REFUSED" and not (comment or "").strip():
        raise BadUserInput("a refusal needs a comment saying what to change")
    submitter = await find_submitter(connection, caller.tenant, version_id)
    if submitter is not None and submitter == _actor(caller):
        raise Forbidden("nobody may approve or refuse their own submission")
    earlier = await _own_decision(connection, caller, version_id, target)
    if earlier is not None:
        await connection.execute(
            update(approvals).where(approvals.c.id == earlier.id).values(valid=False)
        )
    return await _insert_decision(connection, caller, version_id, target, decision, comment)


async def withdraw_approval(
    connection: AsyncConnection, caller: Caller, version_id: int, target: Stage
) -> dict[str, Any]:
    earlier = await _own_decision(connection, caller, version_id, target)
    if earlier is None:
        raise NotFound(f"you have no standing decision on version {version_id} for {target.value}")
    await connection.execute(
        update(approvals).where(approvals.c.id == earlier.id).values(valid=False)
    )
    return await _insert_decision(connection, caller, version_id, target, "WITHDRAWN", None)


async def invalidate_approvals(
    connection: AsyncConnection, caller: Caller, version_id: int, cause: str
) -> int:
    """Marks every standing approval of the version stale; audited when there were any."""
    result = await connection.execute(
        update(approvals)
        .where(
            approvals.c.tenant_id == caller.tenant,
            approvals.c.model_version_id == version_id,
            approvals.c.decision == "APPROVED",
            approvals.c.valid.is_(True),
        )
        .values(valid=False, updated_at=_now())
    )
    if result.rowcount:
        await audit.append_event(
            connection,
            tenant=caller.tenant,
            actor=_actor(caller),
            action="approval.invalidate",
            entity_type="model_version",
            entity_id=version_id,
            after={"invalidated": result.rowcount, "cause": cause},
        )
    return int(result.rowcount or 0)


async def fetch_approvals(
    connection: AsyncConnection, tenant: str, version_id: int
) -> list[dict[str, Any]]:
    rows = await connection.execute(
        select(approvals)
        .where(approvals.c.tenant_id == tenant, approvals.c.model_version_id == version_id)
        .order_by(approvals.c.id)
    )
    return [dict(row._mapping) for row in rows]
