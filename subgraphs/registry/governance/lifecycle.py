"""Moving a version between stages, and the governance fields of a registered model."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from common.errors import BadUserInput, FailedPrecondition
from common.tenancy import Caller
from subgraphs.registry.entities import MODEL_VERSION, REGISTERED_MODEL
from subgraphs.registry.governance import audit, outbox
from subgraphs.registry.governance.approvals import (
    count_valid_approvals,
    find_submitter,
    invalidate_approvals,
)
from subgraphs.registry.governance.config import RISK_TIERS, GovernanceConfig
from subgraphs.registry.governance.policies import evaluate_policies, require_passing
from subgraphs.registry.governance.stages import (
    APPROVAL_STAGES,
    Stage,
    check_transition,
)
from subgraphs.registry.inputs import name_list
from subgraphs.registry.repository import writes
from subgraphs.registry.tables import model_versions, registered_models, stage_transitions
from subgraphs.registry.validation import check_name


def actor_of(caller: Caller) -> str:
    return caller.user or "anonymous"


def now_millis() -> int:
    return time.time_ns() // 1_000_000


async def require_approvals(
    connection: AsyncConnection,
    tenant: str,
    version: Any,
    target: Stage,
    config: GovernanceConfig,
) -> None:
    model = await writes.require_row(
        connection, REGISTERED_MODEL, tenant, version.registered_model_id
    )
    needed = config.approvals_needed(model.risk_tier)
    submitter = await find_submitter(connection, tenant, version.id)
    given = await count_valid_approvals(connection, tenant, version.id, target, submitter)
    if given < needed:
        raise FailedPrecondition(
            f"{target.value} needs {needed} approval(s) for a {model.risk_tier or 'LOW'} risk "
            f"model; {given} valid approval(s) given",
            approvalsNeeded=needed,
            approvalsGiven=given,
        )


async def transition_version(
    connection: AsyncConnection,
    caller: Caller,
    version_id: int,
    target: Stage,
    reason: str | None,
    config: GovernanceConfig,
) -> Any:
    """Checks the move (legal, approved) and records it with an audit event; returns the row."""
    tenant = caller.tenant
    version = await writes.require_row(connection, MODEL_VERSION, tenant, version_id)
    current = Stage(version.stage)
    check_transition(current, target)
    if target in APPROVAL_STAGES:
        await require_approvals(connection, tenant, version, target, config)
    if config.policies:
        results = await evaluate_policies(connection, tenant, version_id, target, config)
        require_passing(results, target, config.version)
        await audit.append_event(
            connection,
            tenant=tenant,
            actor=actor_of(caller),
            action="policy.evaluate",
            entity_type="model_version",
            entity_id=version_id,
            after={
                "target_stage": target.value,
                "policy_version": config.version,
                "results": [result.to_json() for result in results],
            },
        )
    if target in (Stage.SUBMITTED, Stage.CHANGES_REQUESTED):
        # A new round of review: decisions about the previous submission no longer count.
        await invalidate_approvals(connection, caller, version_id, f"moved to {target.value}")
    stamp = now_millis()
    row = (
        await connection.execute(
            update(model_versions)
            .where(model_versions.c.tenant_id == tenant, model_versions.c.id == version_id)
            .values(stage=target.value, updated_at=stamp)
            .returning(*model_versions.c)
        )
    ).one()
    await connection.execute(
        stage_transitions.insert().values(
            tenant_id=tenant,
            model_version_id=version_id,
            from_stage=current.value,
            to_stage=target.value,
            actor=actor_of(caller),
            reason=reason,
            created_at=stamp,
        )
    )
    await outbox.enqueue(
        connection,
        tenant,
        "version.stage_changed",
        {
            "modelVersionId": str(version_id),
            "from": current.value,
            "to": target.value,
            "actor": actor_of(caller),
            "reason": reason,
        },
    )
    await audit.append_event(
        connection,
        tenant=tenant,
        actor=actor_of(caller),
        action="version.transition",
        entity_type="model_version",
        entity_id=version_id,
        before={"stage": current.value},
        after={"stage": target.value, "reason": reason},
    )
    return row


async def fetch_transitions(
    connection: AsyncConnection, tenant: str, version_id: int
) -> list[dict[str, Any]]:
    rows = await connection.execute(
        select(stage_transitions)
        .where(
            stage_transitions.c.tenant_id == tenant,
            stage_transitions.c.model_version_id == version_id,
        )
        .order_by(stage_transitions.c.id)
    )
    return [dict(row._mapping) for row in rows]


def governance_values(
    risk_tier: str | None, owners: list[str] | None, group: str | None, tags: list[str] | None
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if risk_tier is not None:
        if risk_tier not in RISK_TIERS:
            raise BadUserInput(f"riskTier must be one of {', '.join(RISK_TIERS)}")
        values["risk_tier"] = risk_tier
    if owners is not None:
        values["owners"] = name_list("owners", owners)
    if group is not None:
        values["group_name"] = check_name("group", group)
    if tags is not None:
        values["tags"] = name_list("tags", tags)
    return values


async def set_model_governance(
    connection: AsyncConnection, caller: Caller, model_id: int, values: dict[str, Any]
) -> Any:
    tenant = caller.tenant
    before = await writes.require_row(connection, REGISTERED_MODEL, tenant, model_id)
    row = (
        await connection.execute(
            update(registered_models)
            .where(registered_models.c.tenant_id == tenant, registered_models.c.id == model_id)
            .values(**values, updated_at=now_millis())
            .returning(*registered_models.c)
        )
    ).one()
    keys = ("risk_tier", "owners", "group_name", "tags")
    await audit.append_event(
        connection,
        tenant=tenant,
        actor=actor_of(caller),
        action="model.governance",
        entity_type="registered_model",
        entity_id=model_id,
        before={k: getattr(before, k) for k in keys},
        after={k: getattr(row, k) for k in keys},
    )
    return row
