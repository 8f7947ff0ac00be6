"""The outbox relay: started by the registry app from its settings, one delivery state per
sink (webhook, NATS JetStream), leased claims across replicas, and a clean stop."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select
from starlette.applications import Starlette

from common.tenancy import Caller
from subgraphs.registry.app import create_app
from subgraphs.registry.database import Database
from subgraphs.registry.governance import outbox as outbox_module
from subgraphs.registry.governance.outbox import (
    Sink,
    WebhookSink,
    claim_due,
    deliver_round,
    run_relay,
)
from subgraphs.registry.governance.relay import RelaySettings
from subgraphs.registry.governance.stream import MSG_ID_HEADER, JetStreamSink
from subgraphs.registry.migrations import upgrade_database
from subgraphs.registry.tables import outbox
from tests.registry.governance.conftest import SECRET as CALLER_SECRET
from tests.registry.governance.conftest import TENANT, PersonClient
from tests.registry.governance.journey import REQUEST, moved, registered_version
from tests.registry.governance.sinks import (
    SECRET,
    StreamNames,
    WebhookReceiver,
    clear_outbox_settings,
    read_stream,
    serve_webhook,
    stream_count,
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_outbox_settings(monkeypatch)


@pytest.fixture
async def receiver() -> AsyncIterator[WebhookReceiver]:
    async with serve_webhook(WebhookReceiver()) as target:
        yield target


@pytest.fixture
async def migrated(database_url: str) -> AsyncIterator[Database]:
    await upgrade_database(database_url)
    database = Database(database_url)
    yield database
    await database.dispose()


async def rows(database: Database) -> list[Any]:
    async with database.read() as connection:
        return list(await connection.execute(select(outbox).order_by(outbox.c.id)))


async def enqueue_rows(database: Database, count: int) -> None:
    async with database.write() as connection:
        for number in range(count):
            await outbox_module.enqueue(
                connection, TENANT, "version.stage_changed", {"modelVersionId": str(number)}
            )


async def eventually(check: Callable[[], Any], seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out waiting for the outbox")


# --- settings --------------------------------------------------------------------------


def test_a_webhook_url_without_a_secret_refuses_to_start(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODELPLANE_OUTBOX_WEBHOOK_URL", "https://hooks.example/modelplane")
    with pytest.raises(RuntimeError) as raised:
        create_app(database_url=sqlite_url)
    message = str(raised.value)
    assert "MODELPLANE_OUTBOX_WEBHOOK_URL is set but MODELPLANE_OUTBOX_WEBHOOK_SECRET is not" in (
        message
    )


@pytest.mark.parametrize(
    ("variables", "complaint"),
    [
        ({"MODELPLANE_OUTBOX_WEBHOOK_URL": "ftp://x/y"}, "http:// or https://"),
        (
            {"MODELPLANE_NATS_URL": "nats://127.0.0.1:4222", "MODELPLANE_NATS_STREAM": "a.b"},
            "not a JetStream stream name",
        ),
        (
            {"MODELPLANE_NATS_URL": "nats://127.0.0.1:4222", "MODELPLANE_NATS_SUBJECT": "a.>"},
            "not a NATS subject prefix",
        ),
        (
            {"MODELPLANE_NATS_URL": "nats://x:4222", "MODELPLANE_OUTBOX_LEASE_SECONDS": "5"},
            "at least twice",
        ),
        (
            {"MODELPLANE_NATS_URL": "nats://x:4222", "MODELPLANE_OUTBOX_POLL_SECONDS": "soon"},
            "must be a number",
        ),
    ],
)
def test_bad_relay_settings_refuse_to_start(
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    variables: dict[str, str],
    complaint: str,
) -> None:
    monkeypatch.setenv("MODELPLANE_OUTBOX_WEBHOOK_SECRET", "s")
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(RuntimeError, match=complaint):
        create_app(database_url=sqlite_url)


async def test_without_a_webhook_or_nats_no_relay_runs(governed_app: Starlette) -> None:
    assert governed_app.state.outbox_relay is None
    assert not RelaySettings.from_env().enabled


# --- the app's relay, to both sinks --------------------------------------------------


async def test_the_app_relays_to_the_webhook_and_the_stream_then_stops(
    database_url: str,
    receiver: WebhookReceiver,
    jetstream: StreamNames,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MODELPLANE_OUTBOX_WEBHOOK_URL", receiver.url)
    monkeypatch.setenv("MODELPLANE_OUTBOX_WEBHOOK_SECRET", SECRET)
    monkeypatch.setenv("MODELPLANE_OUTBOX_POLL_SECONDS", "0.05")
    monkeypatch.setenv("MODELPLANE_NATS_URL", jetstream.url)
    monkeypatch.setenv("MODELPLANE_NATS_STREAM", jetstream.stream)
    monkeypatch.setenv("MODELPLANE_NATS_SUBJECT", jetstream.subject)
    app = create_app(database_url=database_url, secret=CALLER_SECRET)
    relay = app.state.outbox_relay
    async with app.router.lifespan_context(app):
        assert relay.running
        alice = PersonClient(app, Caller(user="alice", tenant=TENANT, roles=("contributor",)))
        _, version_id = await registered_version(alice, "relayed")
        await moved(alice, version_id, "SUBMITTED")
        await alice.data(REQUEST, {"id": version_id, "to": "APPROVED_STAGING"})

        async def both_delivered_and_released() -> bool:
            # The round records each delivery, then gives back its leases in one statement
            # at its end: rows seen between the two are delivered but still leased.
            stored = await rows(app.state.database)
            return len(stored) == 2 and all(
                row.delivered_at is not None
                and row.nats_published_at is not None
                and row.lease_owner is None
                and row.lease_until is None
                for row in stored
            )

        await eventually(both_delivered_and_released)
        stored = await rows(app.state.database)
    assert not relay.running
    ids = [str(row.id) for row in stored]
    # The webhook: each row once, signed, its body the stored payload.
    assert receiver.attempts == ids and receiver.bad_signatures == 0
    assert [receiver.accepted[i] for i in ids] == [json.loads(row.payload) for row in stored]
    assert [m["topic"] for m in receiver.accepted.values()] == [
        "version.stage_changed",
        "approval.requested",
    ]
    # The stream: the same rows, on <subject>.<topic>, with the outbox id as the message id.
    messages = await read_stream(jetstream, expect_at_least=2)
    assert [m.subject for m in messages] == [
        f"{jetstream.subject}.version.stage_changed",
        f"{jetstream.subject}.approval.requested",
    ]
    assert [m.headers[MSG_ID_HEADER] for m in messages] == ids
    assert [m.body for m in messages] == [json.loads(row.payload) for row in stored]
    first = messages[0].body
    assert (first["modelVersionId"], first["from"], first["to"], first["tenant"]) == (
        version_id,
        "DRAFT",
        "SUBMITTED",
        TENANT,
    )
    assert [(row.attempts, row.nats_attempts) for row in stored] == [(1, 1), (1, 1)]


# --- one delivery state per sink -----------------------------------------------------


async def test_a_failing_webhook_does_not_republish_to_the_stream(
    migrated: Database, receiver: WebhookReceiver, jetstream: StreamNames
) -> None:
    await enqueue_rows(migrated, 1)
    stream = JetStreamSink(jetstream.url, jetstream.stream, jetstream.subject, timeout=5)
    receiver.failures = 2
    try:
        async with aiohttp.ClientSession() as session:
            sinks: list[Sink] = [WebhookSink(session, receiver.url, SECRET), stream]
            first = await deliver_round(migrated, sinks)
            assert (first.delivered, first.failed) == (1, 1)
            for _ in range(2):
                row = (await rows(migrated))[0]
                await deliver_round(migrated, sinks, now=row.next_attempt_at)
    finally:
        await stream.close()
    row = (await rows(migrated))[0]
    assert row.delivered_at is not None and row.attempts == 3 and row.last_error is None
    assert row.nats_published_at is not None and row.nats_attempts == 1
    assert receiver.attempts == [str(row.id)] * 3
    assert await stream_count(jetstream) == 1


async def test_a_failing_stream_does_not_repost_the_webhook(
    migrated: Database, receiver: WebhookReceiver, jetstream: StreamNames
) -> None:
    await enqueue_rows(migrated, 1)
    away = JetStreamSink("nats://127.0.0.1:1", jetstream.stream, jetstream.subject, timeout=2)
    back = JetStreamSink(jetstream.url, jetstream.stream, jetstream.subject, timeout=5)
    try:
        async with aiohttp.ClientSession() as session:
            webhook = WebhookSink(session, receiver.url, SECRET)
            first = await deliver_round(migrated, [webhook, away])
            assert (first.delivered, first.failed) == (1, 1)
            row = (await rows(migrated))[0]
            assert row.nats_last_error and row.nats_published_at is None
            second = await deliver_round(migrated, [webhook, away], now=row.nats_next_attempt_at)
            assert (second.delivered, second.failed) == (0, 1)
            row = (await rows(migrated))[0]
            assert row.nats_next_attempt_at - row.created_at >= 2000  # backing off: 1 s, 2 s
            third = await deliver_round(migrated, [webhook, back], now=row.nats_next_attempt_at)
            assert (third.delivered, third.failed) == (1, 0)
    finally:
        await away.close()
        await back.close()
    row = (await rows(migrated))[0]
    assert receiver.attempts == [str(row.id)]
    assert row.attempts == 1 and row.nats_attempts == 3 and row.nats_published_at is not None
    messages = await read_stream(jetstream, expect_at_least=1)
    assert [m.headers[MSG_ID_HEADER] for m in messages] == [str(row.id)]


async def test_jetstream_drops_a_republished_row(
    migrated: Database, jetstream: StreamNames
) -> None:
    """A relay that dies after publishing but before recording it publishes the row again:
    the message id makes JetStream keep one copy."""
    await enqueue_rows(migrated, 2)
    stored = await rows(migrated)
    sink = JetStreamSink(jetstream.url, jetstream.stream, jetstream.subject, timeout=5)
    try:
        assert await sink.deliver(stored[0]) is None
        assert await sink.deliver(stored[0]) is None
        assert await sink.deliver(stored[1]) is None
    finally:
        await sink.close()
    messages = await read_stream(jetstream, expect_at_least=2)
    assert [m.headers[MSG_ID_HEADER] for m in messages] == [str(r.id) for r in stored]
    assert [m.body["modelVersionId"] for m in messages] == ["0", "1"]


# --- replicas and leases -------------------------------------------------------------


async def test_concurrent_claims_never_share_a_row(migrated: Database, database_url: str) -> None:
    await enqueue_rows(migrated, 20)
    engines = [Database(database_url) for _ in range(4)]
    sink = WebhookSink(None, "http://unused", SECRET)  # type: ignore[arg-type]
    try:
        moment = outbox_module._now()
        claims = await asyncio.gather(
            *(
                claim_due(engine, [sink], f"relay-{n}", moment, 60_000, limit=5)
                for n, engine in enumerate(engines)
            )
        )
    finally:
        for engine in engines:
            await engine.dispose()
    ids = [row.id for claim in claims for row in claim]
    assert len(ids) == len(set(ids)) == 20
    stored = await rows(migrated)
    owners = {row.id: row.lease_owner for row in stored}
    for n, claim in enumerate(claims):
        assert all(owners[row.id] == f"relay-{n}" for row in claim)


async def test_two_relays_on_one_database_deliver_each_row_once(
    migrated: Database, database_url: str, receiver: WebhookReceiver
) -> None:
    await enqueue_rows(migrated, 30)
    receiver.delay = 0.01
    stop = asyncio.Event()
    replicas = [Database(database_url) for _ in range(2)]
    try:
        async with aiohttp.ClientSession() as session:
            relays = [
                asyncio.create_task(
                    run_relay(replica, [WebhookSink(session, receiver.url, SECRET)], stop,
                              interval=0.02)
                )
                for replica in replicas
            ]

            async def all_delivered() -> bool:
                return len(receiver.accepted) == 30

            await eventually(all_delivered)
            stop.set()
            await asyncio.wait_for(asyncio.gather(*relays), timeout=10)
    finally:
        for replica in replicas:
            await replica.dispose()
    assert receiver.duplicates == 0 and receiver.overlaps == 0
    stored = await rows(migrated)
    assert sorted(receiver.attempts, key=int) == [str(row.id) for row in stored]
    assert all(row.attempts == 1 and row.delivered_at is not None for row in stored)


async def test_a_dead_relays_rows_wait_for_its_lease_to_expire(
    migrated: Database, receiver: WebhookReceiver
) -> None:
    await enqueue_rows(migrated, 2)
    moment = outbox_module._now()
    async with aiohttp.ClientSession() as session:
        sink = WebhookSink(session, receiver.url, SECRET)
        # A relay claims both rows, then dies without delivering or releasing them.
        dead = await claim_due(migrated, [sink], "dead-relay", moment, 60_000)
        assert len(dead) == 2
        during = await deliver_round(migrated, [sink], now=moment + 30_000)
        assert during.claimed == 0 and receiver.attempts == []
        after = await deliver_round(migrated, [sink], now=moment + 60_001)
        assert (after.claimed, after.delivered) == (2, 2)
    assert receiver.attempts == [str(row.id) for row in dead]


async def test_stopping_lets_the_delivery_in_flight_finish_and_releases_the_rest(
    migrated: Database, receiver: WebhookReceiver
) -> None:
    await enqueue_rows(migrated, 3)
    receiver.delay = 0.5
    stop = asyncio.Event()
    async with aiohttp.ClientSession() as session:
        task = asyncio.create_task(
            run_relay(migrated, [WebhookSink(session, receiver.url, SECRET)], stop,
                            interval=0.05)
        )

        async def first_in_flight() -> bool:
            return len(receiver.attempts) == 1

        await eventually(first_in_flight)
        stop.set()
        await asyncio.wait_for(task, timeout=5)
    stored = await rows(migrated)
    assert receiver.attempts == [str(stored[0].id)]
    assert stored[0].delivered_at is not None
    assert [row.delivered_at for row in stored[1:]] == [None, None]
    assert all(row.lease_owner is None for row in stored)  # free for the next relay


async def test_a_relay_sends_nothing_its_lease_could_run_out_on(
    migrated: Database, receiver: WebhookReceiver
) -> None:
    """A row goes out only while a whole timeout of the lease is left, so no other relay can
    take the row over while it is on the wire; what is not sent is released at once."""
    await enqueue_rows(migrated, 2)
    async with aiohttp.ClientSession() as session:
        sink = WebhookSink(session, receiver.url, SECRET)
        short = await deliver_round(migrated, [sink], lease_seconds=1, timeout_seconds=1)
        assert (short.claimed, short.delivered, short.failed) == (2, 0, 0)
        assert receiver.attempts == []
        assert all(row.lease_owner is None for row in await rows(migrated))
        enough = await deliver_round(migrated, [sink], lease_seconds=3, timeout_seconds=1)
        assert (enough.claimed, enough.delivered) == (2, 2)
