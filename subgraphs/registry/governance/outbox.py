"""The notification outbox: rows written with the change, then delivered by a relay to each
configured sink (a signed webhook, a NATS JetStream stream) with retries.

Each sink keeps its own delivery state on the row, so a failing webhook never republishes to
the stream and the other way round. A relay claims a batch of due rows with a lease (the
claim takes row locks with SKIP LOCKED on PostgreSQL; SQLite serialises writers), so
replicas sharing one database never deliver the same row at the same time; a relay that dies
leaves its lease to expire, and another relay (or the restarted one) delivers the rows.

Rows delivered to every configured sink are pruned once older than the retention (`prune`),
in short batches; a row still due or retrying on any sink is never deleted."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp
from sqlalchemy import ColumnElement, and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from subgraphs.registry.database import Database
from subgraphs.registry.tables import outbox

log = logging.getLogger("modelplane.registry.outbox")

SIGNATURE_HEADER = "X-Modelplane-Signature"
DELIVERY_HEADER = "X-Modelplane-Delivery"
MAX_BACKOFF_MS = 300_000
BATCH = 50
DEFAULT_TIMEOUT_SECONDS = 10.0
DEFAULT_LEASE_SECONDS = 60.0
PRUNE_BATCH = 1000
DAY_MILLIS = 86_400_000


def _now() -> int:
    return time.time_ns() // 1_000_000


async def enqueue(
    connection: AsyncConnection, tenant: str, topic: str, payload: Mapping[str, Any]
) -> None:
    """Adds a notification in the caller's transaction: it exists exactly when the change does."""
    stamp = _now()
    body = {"topic": topic, "tenant": tenant, "occurredAt": stamp, **payload}
    await connection.execute(
        outbox.insert().values(
            tenant_id=tenant,
            topic=topic,
            payload=json.dumps(body, sort_keys=True, separators=(",", ":")),
            created_at=stamp,
            attempts=0,
            next_attempt_at=stamp,
            nats_attempts=0,
            nats_next_attempt_at=stamp,
        )
    )


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def backoff_millis(attempts: int) -> int:
    return int(min(MAX_BACKOFF_MS, 1000 * 2 ** max(attempts - 1, 0)))


@dataclass(frozen=True, slots=True)
class SinkColumns:
    """Where one sink keeps its delivery state on an outbox row."""

    attempts: str
    next_attempt_at: str
    delivered_at: str
    last_error: str


WEBHOOK_COLUMNS = SinkColumns("attempts", "next_attempt_at", "delivered_at", "last_error")
NATS_COLUMNS = SinkColumns(
    "nats_attempts", "nats_next_attempt_at", "nats_published_at", "nats_last_error"
)


ALL_SINK_COLUMNS = (WEBHOOK_COLUMNS, NATS_COLUMNS)


class Sink(Protocol):
    """Something the relay delivers rows to. `deliver` returns None on success, else why not."""

    name: str
    columns: SinkColumns

    async def deliver(self, row: Any) -> str | None: ...


class WebhookSink:
    """POSTs the payload, signed with HMAC-SHA256 of the body; any 2xx is a delivery."""

    name = "webhook"
    columns = WEBHOOK_COLUMNS

    def __init__(self, session: aiohttp.ClientSession, url: str, secret: str) -> None:
        self.session = session
        self.url = url
        self.secret = secret

    async def deliver(self, row: Any) -> str | None:
        body = row.payload.encode()
        headers = {
            "content-type": "application/json",
            SIGNATURE_HEADER: sign(self.secret, body),
            DELIVERY_HEADER: str(row.id),
        }
        try:
            async with self.session.post(self.url, data=body, headers=headers) as response:
                if response.status >= 300:
                    return f"HTTP {response.status}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            return f"{type(exc).__name__}: {exc}".rstrip(": ")
        return None


def _due(sink: Sink, moment: int) -> ColumnElement[bool]:
    return and_(
        outbox.c[sink.columns.delivered_at].is_(None),
        outbox.c[sink.columns.next_attempt_at] <= moment,
    )


def _is_due(row: Any, sink: Sink, moment: int) -> bool:
    columns = sink.columns
    return getattr(row, columns.delivered_at) is None and (
        getattr(row, columns.next_attempt_at) <= moment
    )


@dataclass(frozen=True, slots=True)
class DeliveryRound:
    delivered: int
    failed: int
    claimed: int = 0


async def claim_due(
    database: Database, sinks: Sequence[Sink], owner: str, moment: int, lease_millis: int,
    limit: int = BATCH,
) -> list[Any]:
    """Leases up to `limit` rows due on any sink to `owner`, oldest first.

    On PostgreSQL the claim locks the rows it picks and skips rows another relay is claiming
    right now (FOR UPDATE SKIP LOCKED); a committed claim then shows as an unexpired lease.
    On SQLite the write transaction (BEGIN IMMEDIATE) already admits one claimer at a time."""
    if not sinks:
        return []
    due = or_(*(_due(sink, moment) for sink in sinks))
    free = or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < moment)
    candidates = (
        select(outbox.c.id)
        .where(due, free)
        .order_by(outbox.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    async with database.write() as connection:
        ids = list((await connection.execute(candidates)).scalars())
        if not ids:
            return []
        rows = (
            await connection.execute(
                update(outbox)
                .where(outbox.c.id.in_(ids))
                .values(lease_owner=owner, lease_until=moment + lease_millis)
                .returning(*outbox.c)
            )
        ).all()
    return sorted(rows, key=lambda row: row.id)


async def _record(
    database: Database, row: Any, sink: Sink, error: str | None, moment: int
) -> None:
    columns = sink.columns
    attempts = getattr(row, columns.attempts) + 1
    values: dict[str, Any] = {columns.attempts: attempts, columns.last_error: error}
    if error is None:
        values[columns.delivered_at] = _now()
    else:
        values[columns.next_attempt_at] = moment + backoff_millis(attempts)
    async with database.write() as connection:
        await connection.execute(update(outbox).where(outbox.c.id == row.id).values(**values))


async def release(database: Database, owner: str, ids: Sequence[int]) -> None:
    """Gives claimed rows back (their lease ends now) unless another relay holds them."""
    if not ids:
        return
    async with database.write() as connection:
        await connection.execute(
            update(outbox)
            .where(outbox.c.id.in_(list(ids)), outbox.c.lease_owner == owner)
            .values(lease_owner=None, lease_until=None)
        )


async def deliver_round(
    database: Database,
    sinks: Sequence[Sink],
    *,
    owner: str | None = None,
    now: int | None = None,
    lease_seconds: float = DEFAULT_LEASE_SECONDS,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    stop: asyncio.Event | None = None,
) -> DeliveryRound:
    """Claims the due rows, delivers each to every sink it is due on, in id order, and records
    each outcome; failures wait with exponential backoff. A row is only sent while at least
    `timeout_seconds` of its lease remain, so no other relay can have taken it over meanwhile.
    Delivery is at least once: receivers dedupe on the outbox id."""
    owner = owner or uuid.uuid4().hex
    started = _now()
    moment = started if now is None else now
    lease_millis = int(lease_seconds * 1000)
    claimed = await claim_due(database, sinks, owner, moment, lease_millis)
    # The lease written ends at moment + lease; on our clock it surely lasts until this.
    lease_end = min(started, moment) + lease_millis
    delivered = failed = 0
    pending = [(row, sink) for row in claimed for sink in sinks if _is_due(row, sink, moment)]
    try:
        for row, sink in pending:
            if stop is not None and stop.is_set():
                break  # shutting down: what is left goes back to the next relay
            if _now() + timeout_seconds * 1000 >= lease_end:
                break  # the lease might run out mid-delivery: claim afresh next round
            error = await sink.deliver(row)
            await _record(database, row, sink, error, moment)
            if error is None:
                delivered += 1
            else:
                failed += 1
                log.warning("outbox %s: %s delivery failed: %s", row.id, sink.name, error)
    finally:
        # Delivered and undelivered rows alike: the next round decides from the sink columns.
        with contextlib.suppress(Exception):
            await release(database, owner, [row.id for row in claimed])
    return DeliveryRound(delivered, failed, len(claimed))


async def deliver_due(
    database: Database,
    session: aiohttp.ClientSession,
    url: str,
    secret: str,
    *,
    now: int | None = None,
) -> DeliveryRound:
    """One round for the webhook alone: posts every due, undelivered notification once."""
    return await deliver_round(database, [WebhookSink(session, url, secret)], now=now)


def prunable(configured: Sequence[SinkColumns], cutoff: int, moment: int) -> ColumnElement[bool]:
    """Rows that may go: delivered to every configured sink before `cutoff`, and on every
    other sink either delivered or never tried (a row that failed on a sink since removed
    from the settings waits for it to come back), and not leased to a relay right now."""
    conditions: list[ColumnElement[bool]] = [
        outbox.c.created_at < cutoff,
        or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < moment),
    ]
    for columns in ALL_SINK_COLUMNS:
        delivered_at = outbox.c[columns.delivered_at]
        if columns in configured:
            conditions.append(delivered_at.is_not(None))
            conditions.append(delivered_at < cutoff)
        else:
            conditions.append(or_(delivered_at.is_not(None), outbox.c[columns.attempts] == 0))
    return and_(*conditions)


async def prune(
    database: Database,
    configured: Sequence[SinkColumns],
    older_than_days: int,
    *,
    now: int | None = None,
    batch: int = PRUNE_BATCH,
    stop: asyncio.Event | None = None,
) -> int:
    """Deletes the rows delivered to every sink in `configured` more than `older_than_days`
    days ago, `batch` rows per transaction (so a large backlog never holds a long lock), and
    returns how many it deleted. Safe to run on several replicas at once: each batch picks
    ids (on PostgreSQL skipping rows another transaction has locked) and deletes them only
    if they still qualify, so a row is deleted once and a row being claimed is left alone.
    0 days keeps everything; with no sink configured nothing counts as delivered."""
    if older_than_days < 0:
        raise ValueError("the retention cannot be negative")
    if older_than_days == 0 or not configured:
        return 0
    moment = _now() if now is None else now
    condition = prunable(configured, moment - older_than_days * DAY_MILLIS, moment)
    deleted = 0
    while stop is None or not stop.is_set():
        picked = (
            select(outbox.c.id)
            .where(condition)
            .order_by(outbox.c.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
        async with database.write() as connection:
            ids = list((await connection.execute(picked)).scalars())
            if ids:
                result = await connection.execute(
                    delete(outbox).where(outbox.c.id.in_(ids), condition)
                )
                deleted += max(result.rowcount or 0, 0)
        if len(ids) < batch:
            break
        await asyncio.sleep(0)  # let deliveries and requests have the database in between
    return deleted


async def run_pruner(
    database: Database,
    configured: Sequence[SinkColumns],
    stop: asyncio.Event,
    *,
    retention_days: int,
    delay: float,
    interval: float,
) -> None:
    """Prunes `delay` seconds after the start, then every `interval` seconds, until `stop`."""
    if retention_days <= 0 or not configured:
        return
    wait = delay
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=wait)
        if stop.is_set():
            return
        wait = interval
        try:
            deleted = await prune(database, configured, retention_days, stop=stop)
        except Exception:  # the next round tries again
            log.exception("outbox pruning failed; trying again in %.0f s", interval)
            continue
        if deleted:
            log.info(
                "outbox: deleted %d delivered rows older than %d days", deleted, retention_days
            )


async def run_relay(
    database: Database,
    sinks: Sequence[Sink],
    stop: asyncio.Event,
    *,
    interval: float = 1.0,
    lease_seconds: float = DEFAULT_LEASE_SECONDS,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
) -> None:
    """Delivers due rows every `interval` seconds (at once again after a full batch) until
    `stop` is set. A delivery in flight when `stop` is set finishes; rows not reached are
    released for the next relay. Errors (the database away, say) are logged, then retried."""
    owner = uuid.uuid4().hex
    while not stop.is_set():
        claimed = 0
        try:
            result = await deliver_round(
                database,
                sinks,
                owner=owner,
                lease_seconds=lease_seconds,
                timeout_seconds=timeout_seconds,
                stop=stop,
            )
            claimed = result.claimed
        except Exception:  # the relay must outlive a bad round
            log.exception("outbox relay round failed; retrying in %.1f s", interval)
        if claimed >= BATCH:
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)


async def relay_outbox(
    database: Database, url: str, secret: str, stop: asyncio.Event, interval: float = 1.0
) -> None:
    """The relay for a webhook alone (see `run_relay`)."""
    timeout = aiohttp.ClientTimeout(total=DEFAULT_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await run_relay(database, [WebhookSink(session, url, secret)], stop, interval=interval)
