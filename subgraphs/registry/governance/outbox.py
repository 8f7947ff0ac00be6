"""The notification outbox: rows written with the change, delivered to a webhook with retries."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from subgraphs.registry.database import Database
from subgraphs.registry.tables import outbox

SIGNATURE_HEADER = "X-Modelplane-Signature"
MAX_BACKOFF_MS = 300_000
BATCH = 50


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
        )
    )


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def backoff_millis(attempts: int) -> int:
    return int(min(MAX_BACKOFF_MS, 1000 * 2 ** max(attempts - 1, 0)))


@dataclass(frozen=True, slots=True)
class DeliveryRound:
    delivered: int
    failed: int


async def deliver_due(
    database: Database,
    session: aiohttp.ClientSession,
    url: str,
    secret: str,
    *,
    now: int | None = None,
) -> DeliveryRound:
    """Posts every due, undelivered notification once; failures wait with exponential backoff.

    Delivery is at least once: a receiver dedupes on the `X-Modelplane-Delivery` id."""
    moment = _now() if now is None else now
    async with database.read() as connection:
        rows = (
            await connection.execute(
                select(outbox)
                .where(outbox.c.delivered_at.is_(None), outbox.c.next_attempt_at <= moment)
                .order_by(outbox.c.id)
                .limit(BATCH)
            )
        ).all()
    delivered = failed = 0
    for row in rows:
        body = row.payload.encode()
        headers = {
            "content-type": "application/json",
            SIGNATURE_HEADER: sign(secret, body),
            "X-Modelplane-Delivery": str(row.id),
        }
        error = None
        try:
            async with session.post(url, data=body, headers=headers) as response:
                if response.status >= 300:
                    error = f"HTTP {response.status}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        attempts = row.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "last_error": error}
        if error is None:
            values["delivered_at"] = _now()
            delivered += 1
        else:
            values["next_attempt_at"] = moment + backoff_millis(attempts)
            failed += 1
        async with database.write() as connection:
            await connection.execute(update(outbox).where(outbox.c.id == row.id).values(**values))
    return DeliveryRound(delivered, failed)


async def relay_outbox(
    database: Database, url: str, secret: str, stop: asyncio.Event, interval: float = 1.0
) -> None:
    """Delivers due notifications every `interval` seconds until `stop` is set (the app that
    runs it reads the webhook URL and HMAC secret from its settings)."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        while not stop.is_set():
            await deliver_due(database, session, url, secret)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)
