"""The approvals inbox: approval requests across versions, open or closed, in id order.

A request is OPEN while it is the newest request for its (version, target stage) and the
version can still move to that stage; otherwise it is CLOSED (the version moved on, was
sent back, or someone asked again).
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from subgraphs.registry.governance.approvals import find_submitter
from subgraphs.registry.governance.stages import APPROVAL_STAGES, TRANSITIONS, Stage
from subgraphs.registry.tables import approvals, model_versions, registered_models


class RequestState(enum.Enum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


@dataclass(frozen=True, slots=True)
class InboxQuery:
    state: RequestState | None = RequestState.OPEN
    target: Stage | None = None
    after_id: int = 0
    limit: int = 20


# (current stage, approval stage) pairs where a request can still be decided.
REVIEWABLE = tuple(
    (stage, target) for stage, moves in TRANSITIONS.items() for target in moves
    if target in APPROVAL_STAGES
)


def _reviewable() -> ColumnElement[bool]:
    if not REVIEWABLE:
        return false()
    return or_(
        *(
            and_(model_versions.c.stage == stage.value, approvals.c.target_stage == target.value)
            for stage, target in REVIEWABLE
        )
    )


def _newest_request() -> ColumnElement[bool]:
    newer = approvals.alias("newer")
    return ~exists().where(
        newer.c.tenant_id == approvals.c.tenant_id,
        newer.c.model_version_id == approvals.c.model_version_id,
        newer.c.target_stage == approvals.c.target_stage,
        newer.c.decision == "REQUESTED",
        newer.c.id > approvals.c.id,
    )


def _open() -> ColumnElement[bool]:
    return and_(_reviewable(), _newest_request())


def _conditions(tenant: str, query: InboxQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        approvals.c.tenant_id == tenant,
        approvals.c.decision == "REQUESTED",
    ]
    if query.target is not None:
        conditions.append(approvals.c.target_stage == query.target.value)
    if query.state is RequestState.OPEN:
        conditions.append(_open())
    elif query.state is RequestState.CLOSED:
        conditions.append(~_open())
    return conditions


def _joined() -> Any:
    return approvals.join(
        model_versions,
        and_(
            model_versions.c.id == approvals.c.model_version_id,
            model_versions.c.tenant_id == approvals.c.tenant_id,
        ),
    ).join(
        registered_models,
        and_(
            registered_models.c.id == model_versions.c.registered_model_id,
            registered_models.c.tenant_id == model_versions.c.tenant_id,
        ),
    )


async def fetch_requests(
    connection: AsyncConnection, tenant: str, query: InboxQuery
) -> list[dict[str, Any]]:
    """One page in id order, `limit` + 1 rows so the caller knows whether more follow."""
    statement = (
        select(
            approvals,
            model_versions.c.stage.label("version_stage"),
            registered_models.c.risk_tier.label("risk_tier"),
            _open().label("is_open"),
        )
        .select_from(_joined())
        .where(*_conditions(tenant, query), approvals.c.id > query.after_id)
        .order_by(approvals.c.id)
        .limit(query.limit + 1)
    )
    return [dict(row._mapping) for row in await connection.execute(statement)]


async def count_requests(connection: AsyncConnection, tenant: str, query: InboxQuery) -> int:
    statement = select(func.count()).select_from(_joined()).where(*_conditions(tenant, query))
    return int((await connection.scalar(statement)) or 0)


@dataclass(frozen=True, slots=True)
class Decisions:
    """The standing decisions on one (version, target stage), the submitter's excluded."""

    approvers: tuple[str, ...]
    refusers: tuple[str, ...]
    records: tuple[dict[str, Any], ...]


async def standing_decisions(
    connection: AsyncConnection, tenant: str, keys: Sequence[tuple[int, str]]
) -> dict[tuple[int, str], Decisions]:
    """Valid APPROVED and REFUSED decisions for each (version id, target stage), in one query."""
    if not keys:
        return {}
    version_ids = sorted({version_id for version_id, _ in keys})
    rows = await connection.execute(
        select(approvals)
        .where(
            approvals.c.tenant_id == tenant,
            approvals.c.model_version_id.in_(version_ids),
            approvals.c.decision.in_(("APPROVED", "REFUSED")),
            approvals.c.valid.is_(True),
        )
        .order_by(approvals.c.id)
    )
    grouped: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        record = dict(row._mapping)
        grouped[(record["model_version_id"], record["target_stage"])].append(record)
    submitters = {
        version_id: await find_submitter(connection, tenant, version_id)
        for version_id in version_ids
    }
    found: dict[tuple[int, str], Decisions] = {}
    for key in keys:
        records = grouped.get(key, [])
        submitter = submitters[key[0]]
        counted = [r for r in records if r["actor"] != submitter]
        found[key] = Decisions(
            approvers=tuple(sorted({r["actor"] for r in counted if r["decision"] == "APPROVED"})),
            refusers=tuple(sorted({r["actor"] for r in counted if r["decision"] == "REFUSED"})),
            records=tuple(records),
        )
    return found
