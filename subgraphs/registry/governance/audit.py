"""The append-only audit trail: events hashed into a SHA-256 chain per tenant, and its check."""

from __future__ import annotations

import hashlib
import json
import time
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from subgraphs.registry.tables import audit_events

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def event_content(event: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the hash covers (everything but the row id and the hash itself)."""
    return {
        "tenant": event["tenant_id"],
        "seq": int(event["seq"]),
        "actor": event["actor"],
        "action": event["action"],
        "entity_type": event["entity_type"],
        "entity_id": event["entity_id"],
        "occurred_at": int(event["occurred_at"]),
        "diff": event["diff"],
        "prev_hash": event["prev_hash"],
    }


def hash_event(event: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(event_content(event)).encode()).hexdigest()


def build_diff(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> str:
    """Only the keys whose values changed, as {"before": {...}, "after": {...}}."""
    old, new = dict(before or {}), dict(after or {})
    keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    return canonical_json(
        {
            "before": {k: old[k] for k in keys if k in old} if before is not None else None,
            "after": {k: new[k] for k in keys if k in new} if after is not None else None,
        }
    )


def row_mapping(row: Any) -> dict[str, Any] | None:
    return dict(row._mapping) if row is not None else None


async def _lock_tenant_chain(connection: AsyncConnection, tenant: str) -> None:
    # SQLite writers are already serialised; PostgreSQL writers of one tenant take turns so
    # that two transactions never link to the same previous event.
    if connection.dialect.name == "postgresql":
        key = zlib.crc32(f"audit:{tenant}".encode())
        await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


async def append_event(
    connection: AsyncConnection,
    *,
    tenant: str,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: object,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Appends one event in the caller's transaction, linked to the tenant's latest event."""
    await _lock_tenant_chain(connection, tenant)
    last = (
        await connection.execute(
            select(audit_events.c.seq, audit_events.c.hash)
            .where(audit_events.c.tenant_id == tenant)
            .order_by(audit_events.c.seq.desc())
            .limit(1)
        )
    ).first()
    event: dict[str, Any] = {
        "tenant_id": tenant,
        "seq": (last.seq + 1) if last is not None else 1,
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "occurred_at": time.time_ns() // 1_000_000,
        "diff": build_diff(before, after),
        "prev_hash": last.hash if last is not None else GENESIS_HASH,
    }
    event["hash"] = hash_event(event)
    result = await connection.execute(audit_events.insert().values(**event))
    key = result.inserted_primary_key
    return {"id": key[0] if key else None, **event}


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    checked: int
    broken_seq: int | None = None
    broken_event_id: str | None = None
    reason: str | None = None


def verify_events(events: Sequence[Mapping[str, Any]]) -> ChainReport:
    """Recomputes each hash and link in seq order; reports the first event that fails."""
    previous = GENESIS_HASH
    expected_seq = 1
    for count, event in enumerate(events):
        reason = None
        if int(event["seq"]) != expected_seq:
            reason = f"expected seq {expected_seq}, found {event['seq']} (an event is missing)"
        elif event["prev_hash"] != previous:
            reason = "prev_hash does not match the hash of the event before it"
        elif hash_event(event) != event["hash"]:
            reason = "the content does not match its hash (the event was altered)"
        if reason is not None:
            return ChainReport(
                ok=False,
                checked=count,
                broken_seq=int(event["seq"]),
                broken_event_id=str(event.get("id", "")),
                reason=reason,
            )
        previous = event["hash"]
        expected_seq += 1
    return ChainReport(ok=True, checked=len(events))


async def verify_chain(connection: AsyncConnection, tenant: str) -> ChainReport:
    rows = await connection.execute(
        select(audit_events).where(audit_events.c.tenant_id == tenant).order_by(audit_events.c.seq)
    )
    return verify_events([dict(row._mapping) for row in rows])


@dataclass(frozen=True, slots=True)
class EventQuery:
    entity_type: str | None = None
    entity_id: str | None = None
    actor: str | None = None
    since: int | None = None
    until: int | None = None
    after_seq: int = 0
    limit: int = 50


async def fetch_events(
    connection: AsyncConnection, tenant: str, query: EventQuery
) -> list[dict[str, Any]]:
    """One page in seq order, `limit` + 1 rows so the caller knows whether more follow."""
    table = audit_events
    statement = select(table).where(table.c.tenant_id == tenant, table.c.seq > query.after_seq)
    if query.entity_type is not None:
        statement = statement.where(table.c.entity_type == query.entity_type)
    if query.entity_id is not None:
        statement = statement.where(table.c.entity_id == query.entity_id)
    if query.actor is not None:
        statement = statement.where(table.c.actor == query.actor)
    if query.since is not None:
        statement = statement.where(table.c.occurred_at >= query.since)
    if query.until is not None:
        statement = statement.where(table.c.occurred_at < query.until)
    rows = await connection.execute(statement.order_by(table.c.seq).limit(query.limit + 1))
    return [dict(row._mapping) for row in rows]


async def count_events(connection: AsyncConnection, tenant: str) -> int:
    statement = select(func.count()).select_from(audit_events)
    return int((await connection.scalar(statement.where(audit_events.c.tenant_id == tenant))) or 0)
