"""The outbox: written with the change, delivered signed, retried, and durable across restarts."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import select
from starlette.applications import Starlette

from subgraphs.registry.database import Database
from subgraphs.registry.governance.outbox import SIGNATURE_HEADER, deliver_due, relay_outbox
from subgraphs.registry.tables import outbox
from tests.registry.client import error_codes
from tests.registry.governance.conftest import PersonClient
from tests.registry.governance.journey import REQUEST, move, moved, registered_version

SECRET = "webhook-secret"


class Receiver:
    """A real HTTP server on 127.0.0.1 that fails the first `failures` posts."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.received: list[dict[str, Any]] = []
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        if request.headers.get(SIGNATURE_HEADER) != expected:
            return web.Response(status=401)
        if self.failures > 0:
            self.failures -= 1
            return web.Response(status=503)
        self.received.append(json.loads(body))
        return web.Response(status=204)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    target = Receiver()
    app = web.Application()
    app.router.add_post("/hook", target.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    target.url = f"http://127.0.0.1:{port}/hook"
    yield target
    await runner.cleanup()


async def rows(database: Database) -> list[Any]:
    async with database.read() as connection:
        return list(await connection.execute(select(outbox).order_by(outbox.c.id)))


async def test_notifications_exist_exactly_when_the_change_does(
    person: Callable[..., PersonClient], governed_app: Starlette
) -> None:
    alice = person("alice")
    _, version_id = await registered_version(alice, "notified")
    assert error_codes(await move(alice, version_id, "PRODUCTION")) == ["FAILED_PRECONDITION"]
    database: Database = governed_app.state.database
    assert await rows(database) == []
    await moved(alice, version_id, "SUBMITTED")
    await alice.data(REQUEST, {"id": version_id, "to": "APPROVED_STAGING"})
    topics = [row.topic for row in await rows(database)]
    assert topics == ["version.stage_changed", "approval.requested"]


async def test_delivery_is_signed_retried_and_survives_a_restart(
    person: Callable[..., PersonClient],
    governed_app: Starlette,
    database_url: str,
    receiver: Receiver,
) -> None:
    alice = person("alice")
    _, version_id = await registered_version(alice, "delivered")
    await moved(alice, version_id, "SUBMITTED")
    # A second engine on the same database: what a restarted process would see.
    restarted = Database(database_url)
    receiver.failures = 1
    try:
        async with aiohttp.ClientSession() as session:
            first = await deliver_due(restarted, session, receiver.url, SECRET)
            assert (first.delivered, first.failed) == (0, 1)
            pending = (await rows(restarted))[0]
            assert pending.delivered_at is None and pending.last_error == "HTTP 503"
            not_yet = await deliver_due(restarted, session, receiver.url, SECRET)
            assert (not_yet.delivered, not_yet.failed) == (0, 0)  # backing off
            later = pending.next_attempt_at
            second = await deliver_due(restarted, session, receiver.url, SECRET, now=later)
            assert (second.delivered, second.failed) == (1, 0)
            again = await deliver_due(restarted, session, receiver.url, SECRET, now=later)
            assert (again.delivered, again.failed) == (0, 0)
            wrong = await deliver_due(restarted, session, receiver.url, "other", now=later)
            assert wrong.delivered == 0
    finally:
        await restarted.dispose()
    assert len(receiver.received) == 1
    message = receiver.received[0]
    assert message["topic"] == "version.stage_changed"
    assert (message["modelVersionId"], message["from"], message["to"]) == (
        version_id,
        "DRAFT",
        "SUBMITTED",
    )
    row = (await rows(governed_app.state.database))[0]
    assert row.attempts == 2 and row.delivered_at is not None


async def test_the_relay_delivers_until_stopped(
    person: Callable[..., PersonClient], governed_app: Starlette, receiver: Receiver
) -> None:
    alice = person("alice")
    _, version_id = await registered_version(alice, "relayed")
    await moved(alice, version_id, "SUBMITTED")
    stop = asyncio.Event()
    database: Database = governed_app.state.database
    relay = asyncio.create_task(relay_outbox(database, receiver.url, SECRET, stop, interval=0.05))
    for _ in range(100):
        if receiver.received:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(relay, timeout=5)
    assert [m["to"] for m in receiver.received] == ["SUBMITTED"]
