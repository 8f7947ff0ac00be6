"""Outbox retention: rows delivered to every configured sink go once older than the
retention, in bounded batches, by the app's relay and by `modelplane outbox prune`; rows
still due or retrying on any sink stay whatever their age, and the audit trail is untouched."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, update

from common.tenancy import Caller
from modelplane.cli import main
from subgraphs.registry.app import create_app
from subgraphs.registry.database import Database
from subgraphs.registry.governance import outbox as outbox_module
from subgraphs.registry.governance.audit import verify_chain
from subgraphs.registry.governance.outbox import (
    DAY_MILLIS,
    NATS_COLUMNS,
    WEBHOOK_COLUMNS,
    SinkColumns,
    prune,
    run_pruner,
)
from subgraphs.registry.governance.relay import RelaySettings
from subgraphs.registry.migrations import upgrade_database
from subgraphs.registry.tables import audit_events, outbox
from tests.registry.governance.conftest import SECRET as CALLER_SECRET
from tests.registry.governance.conftest import TENANT, PersonClient
from tests.registry.governance.journey import REQUEST, moved, registered_version
from tests.registry.governance.sinks import (
    SECRET,
    WebhookReceiver,
    clear_outbox_settings,
    serve_webhook,
)

WEBHOOK_ONLY: list[SinkColumns] = [WEBHOOK_COLUMNS]
BOTH: list[SinkColumns] = [WEBHOOK_COLUMNS, NATS_COLUMNS]
NOW = outbox_module._now()
OLD = NOW - 30 * DAY_MILLIS  # a month ago
RECENT = NOW - DAY_MILLIS  # yesterday


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_outbox_settings(monkeypatch)


@pytest.fixture
async def migrated(database_url: str) -> AsyncIterator[Database]:
    await upgrade_database(database_url)
    database = Database(database_url)
    yield database
    await database.dispose()


async def add_row(
    database: Database,
    label: str,
    *,
    created: int = OLD,
    webhook: int | None = None,
    webhook_attempts: int | None = None,
    webhook_error: str | None = None,
    nats: int | None = None,
    nats_attempts: int | None = None,
    nats_error: str | None = None,
    lease_until: int | None = None,
) -> int:
    """An outbox row as the relay would have left it; `webhook` / `nats`: delivered at."""
    async with database.write() as connection:
        await outbox_module.enqueue(connection, TENANT, "version.stage_changed", {"label": label})
        row_id = (await connection.execute(select(func.max(outbox.c.id)))).scalar_one()
        await connection.execute(
            update(outbox)
            .where(outbox.c.id == row_id)
            .values(
                payload=f'{{"label":"{label}"}}',
                created_at=created,
                next_attempt_at=created,
                nats_next_attempt_at=created,
                delivered_at=webhook,
                attempts=webhook_attempts
                if webhook_attempts is not None
                else (1 if webhook is not None else 0),
                last_error=webhook_error,
                nats_published_at=nats,
                nats_attempts=nats_attempts
                if nats_attempts is not None
                else (1 if nats is not None else 0),
                nats_last_error=nats_error,
                lease_owner="another-relay" if lease_until is not None else None,
                lease_until=lease_until,
            )
        )
    return int(row_id)


async def labels(database: Database) -> list[str]:
    async with database.read() as connection:
        payloads = (await connection.execute(select(outbox.c.payload).order_by(outbox.c.id))).all()
    return [payload.split('"')[3] for (payload,) in payloads]


async def count(database: Database, table: Any) -> int:
    async with database.read() as connection:
        return int((await connection.execute(select(func.count()).select_from(table))).scalar_one())


# --- what goes and what stays ---------------------------------------------------------


async def test_old_delivered_rows_go_and_recent_or_undelivered_rows_stay(
    migrated: Database,
) -> None:
    await add_row(migrated, "old-delivered", webhook=OLD + 1000)
    await add_row(migrated, "delivered-yesterday", created=OLD, webhook=RECENT)
    await add_row(migrated, "recent-delivered", created=RECENT, webhook=RECENT + 1000)
    await add_row(migrated, "old-never-tried")
    await add_row(migrated, "old-retrying", webhook_attempts=12, webhook_error="HTTP 503")
    await add_row(migrated, "another-old-delivered", webhook=OLD + 2000)
    deleted = await prune(migrated, WEBHOOK_ONLY, 7, now=NOW)
    assert deleted == 2
    assert await labels(migrated) == [
        "delivered-yesterday",
        "recent-delivered",
        "old-never-tried",
        "old-retrying",
    ]
    # Idempotent: a second run (another replica, say) finds nothing left to delete.
    assert await prune(migrated, WEBHOOK_ONLY, 7, now=NOW) == 0
    # And the rows still due go once delivered and old enough.
    assert await prune(migrated, WEBHOOK_ONLY, 1, now=NOW + DAY_MILLIS) == 2
    assert await labels(migrated) == ["old-never-tried", "old-retrying"]


async def test_with_both_sinks_a_row_goes_only_once_delivered_to_both(
    migrated: Database,
) -> None:
    await add_row(migrated, "both", webhook=OLD + 1000, nats=OLD + 500)
    await add_row(migrated, "webhook-only-yet", webhook=OLD + 1000)
    await add_row(
        migrated, "nats-retrying", webhook=OLD + 1000, nats_attempts=40, nats_error="timeout"
    )
    await add_row(
        migrated, "webhook-retrying", nats=OLD + 500, webhook_attempts=3, webhook_error="HTTP 500"
    )
    await add_row(migrated, "nats-recent", webhook=OLD + 1000, nats=RECENT)
    assert await prune(migrated, BOTH, 7, now=NOW) == 1
    assert await labels(migrated) == [
        "webhook-only-yet",
        "nats-retrying",
        "webhook-retrying",
        "nats-recent",
    ]
    # With NATS alone configured, what the webhook never had is no obstacle, but a row the
    # webhook failed on waits for it (should the webhook be configured again).
    assert await prune(migrated, [NATS_COLUMNS], 7, now=NOW) == 0
    await add_row(migrated, "nats-only-delivered", nats=OLD + 500)
    assert await prune(migrated, [NATS_COLUMNS], 7, now=NOW) == 1
    assert "nats-only-delivered" not in await labels(migrated)
    assert "webhook-retrying" in await labels(migrated)


async def test_a_row_leased_to_a_relay_right_now_stays(migrated: Database) -> None:
    await add_row(migrated, "leased", webhook=OLD + 1000, lease_until=NOW + 60_000)
    await add_row(migrated, "lease-expired", webhook=OLD + 1000, lease_until=NOW - 60_000)
    assert await prune(migrated, WEBHOOK_ONLY, 7, now=NOW) == 1
    assert await labels(migrated) == ["leased"]


async def test_retention_zero_or_no_sink_keeps_everything(migrated: Database) -> None:
    await add_row(migrated, "ancient", created=1, webhook=2, nats=3)
    assert await prune(migrated, BOTH, 0, now=NOW) == 0
    assert await prune(migrated, [], 7, now=NOW) == 0
    stop = asyncio.Event()
    # The pruner of a relay with retention 0 ends at once, without waiting or deleting.
    await asyncio.wait_for(
        run_pruner(migrated, BOTH, stop, retention_days=0, delay=0, interval=0.01), timeout=5
    )
    assert await labels(migrated) == ["ancient"]
    with pytest.raises(ValueError):
        await prune(migrated, BOTH, -1, now=NOW)


async def test_pruning_deletes_in_bounded_batches(migrated: Database) -> None:
    for number in range(25):
        await add_row(migrated, f"delivered-{number}", webhook=OLD + number)
    await add_row(migrated, "pending")
    deletes: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("DELETE"):
            deletes.append(statement)

    engine = migrated.engine.sync_engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert await prune(migrated, WEBHOOK_ONLY, 7, now=NOW, batch=10) == 25
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert len(deletes) == 3  # 10 + 10 + 5 rows, one short transaction each
    assert await labels(migrated) == ["pending"]


async def test_replicas_pruning_at_once_delete_each_row_once(database_url: str) -> None:
    await upgrade_database(database_url)
    replicas = [Database(database_url) for _ in range(3)]
    try:
        for number in range(60):
            await add_row(replicas[0], f"delivered-{number}", webhook=OLD + number)
        await add_row(replicas[0], "retrying", webhook_attempts=2, webhook_error="HTTP 502")
        results = await asyncio.gather(
            *(prune(replica, WEBHOOK_ONLY, 7, now=NOW, batch=7) for replica in replicas)
        )
        assert sum(results) == 60
        assert await labels(replicas[0]) == ["retrying"]
    finally:
        for replica in replicas:
            await replica.dispose()


# --- the app's relay prunes ------------------------------------------------------------


@pytest.fixture
async def receiver() -> AsyncIterator[WebhookReceiver]:
    async with serve_webhook(WebhookReceiver()) as target:
        yield target


async def eventually(check: Callable[[], Any], seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out waiting for the outbox pruner")


async def test_the_app_relay_prunes_after_start_and_then_periodically(
    database_url: str, receiver: WebhookReceiver
) -> None:
    await upgrade_database(database_url)
    setup = Database(database_url)
    try:
        await add_row(setup, "old-delivered", webhook=OLD + 1000)
        await add_row(setup, "old-failing", webhook_attempts=9, webhook_error="HTTP 500")
    finally:
        await setup.dispose()
    config = RelaySettings(
        webhook_url=receiver.url,
        webhook_secret=SECRET,
        poll_seconds=0.05,
        retention_days=7,
        prune_delay_seconds=0.2,
        prune_interval_seconds=0.3,
    )
    app = create_app(database_url=database_url, secret=CALLER_SECRET, outbox=config)
    database: Database = app.state.database
    async with app.router.lifespan_context(app):
        # Shortly after the start: the old delivered row is gone. The old failing row is
        # retried (it was due), so it is delivered now: recent, it stays.
        async def first_pruned() -> bool:
            return await labels(database) == ["old-failing"]

        await eventually(first_pruned)
        alice = PersonClient(app, Caller(user="alice", tenant=TENANT, roles=("contributor",)))
        _, version_id = await registered_version(alice, "pruned")
        await moved(alice, version_id, "SUBMITTED")
        await alice.data(REQUEST, {"id": version_id, "to": "APPROVED_STAGING"})

        async def all_delivered() -> bool:
            async with database.read() as connection:
                undelivered = await connection.execute(
                    select(func.count()).where(outbox.c.delivered_at.is_(None))
                )
                return undelivered.scalar_one() == 0 and await count(database, outbox) == 3

        await eventually(all_delivered)
        audited = await count(database, audit_events)
        assert audited > 0
        # Later rounds: once the journey's rows are a month old, they go too.
        async with database.write() as connection:
            await connection.execute(
                update(outbox)
                .where(outbox.c.payload.like("%approval.requested%"))
                .values(created_at=OLD, delivered_at=OLD + 1000)
            )

        async def second_pruned() -> bool:
            return await count(database, outbox) == 2

        await eventually(second_pruned)
        async with database.read() as connection:
            topics = (await connection.execute(select(outbox.c.topic))).scalars().all()
            chain = await verify_chain(connection, TENANT)
        assert sorted(topics) == ["version.stage_changed", "version.stage_changed"]
        # The audit trail is another table, and pruning never touches it.
        assert await count(database, audit_events) == audited
        assert chain.ok
    assert app.state.outbox_relay is not None and not app.state.outbox_relay.running


# --- settings ---------------------------------------------------------------------------


def test_the_retention_defaults_to_seven_days() -> None:
    assert RelaySettings.from_env().retention_days == 7


@pytest.mark.parametrize(
    ("value", "complaint"),
    [("-1", "must be a whole number of days, 0 or more"), ("a week", "must be an integer")],
)
def test_a_bad_retention_refuses_to_start(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, value: str, complaint: str
) -> None:
    monkeypatch.setenv("MODELPLANE_OUTBOX_RETENTION_DAYS", value)
    with pytest.raises(RuntimeError, match=complaint) as raised:
        create_app(database_url=sqlite_url)
    assert "MODELPLANE_OUTBOX_RETENTION_DAYS" in str(raised.value)


# --- modelplane outbox prune -------------------------------------------------------------


async def test_the_cli_prunes_with_the_configured_sinks(
    migrated: Database,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = outbox_module._now()
    await add_row(
        migrated,
        "ten-days",
        created=now - 10 * DAY_MILLIS,
        webhook=now - 9 * DAY_MILLIS,
        nats=now - 9 * DAY_MILLIS,
    )
    await add_row(migrated, "webhook-only", webhook=OLD + 1000)
    await add_row(
        migrated,
        "two-days",
        created=now - 2 * DAY_MILLIS,
        webhook=now - 2 * DAY_MILLIS,
        nats=now - 2 * DAY_MILLIS,
    )
    await add_row(migrated, "retrying", nats=OLD, webhook_attempts=5, webhook_error="HTTP 500")
    monkeypatch.setenv("MODELPLANE_OUTBOX_WEBHOOK_URL", "https://hooks.example/modelplane")
    monkeypatch.setenv("MODELPLANE_NATS_URL", "nats://127.0.0.1:4222")
    prune_args = ["outbox", "prune", "--database-url", database_url]

    # The setting's retention (default 7 days): the ten-day-old row, delivered to both.
    assert await asyncio.to_thread(main, prune_args) == 0
    assert "deleted 1 outbox rows delivered more than 7 days ago" in capsys.readouterr().out
    assert await labels(migrated) == ["webhook-only", "two-days", "retrying"]

    # --older-than-days overrides it.
    assert await asyncio.to_thread(main, [*prune_args, "--older-than-days", "1"]) == 0
    assert "deleted 1 outbox rows delivered more than 1 days ago" in capsys.readouterr().out
    assert await labels(migrated) == ["webhook-only", "retrying"]

    # Retention 0 in the settings: nothing goes.
    monkeypatch.setenv("MODELPLANE_OUTBOX_RETENTION_DAYS", "0")
    assert await asyncio.to_thread(main, prune_args) == 0
    assert "keep forever" in capsys.readouterr().out
    assert await labels(migrated) == ["webhook-only", "retrying"]

    # With the webhook alone configured, the row it had goes; the retrying one never.
    monkeypatch.delenv("MODELPLANE_NATS_URL")
    assert await asyncio.to_thread(main, [*prune_args, "--older-than-days", "1"]) == 0
    assert "deleted 1 outbox rows" in capsys.readouterr().out
    assert await labels(migrated) == ["retrying"]


async def test_the_cli_refuses_without_a_sink_or_with_bad_days(
    migrated: Database,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await add_row(migrated, "never-tried")
    prune_args = ["outbox", "prune", "--database-url", database_url]
    # No sink configured: no row counts as delivered, and the command says so.
    assert await asyncio.to_thread(main, [*prune_args, "--older-than-days", "1"]) == 2
    assert "no notification sink is configured" in capsys.readouterr().err
    monkeypatch.setenv("MODELPLANE_OUTBOX_WEBHOOK_URL", "https://hooks.example/modelplane")
    for days in ("0", "-3", "soon"):
        with pytest.raises(SystemExit) as exited:
            main([*prune_args, "--older-than-days", days])
        assert exited.value.code == 2
        assert "--older-than-days" in capsys.readouterr().err
    monkeypatch.setenv("MODELPLANE_OUTBOX_RETENTION_DAYS", "-2")
    assert await asyncio.to_thread(main, prune_args) == 2
    assert "cannot be negative" in capsys.readouterr().err
    assert await labels(migrated) == ["never-tried"]
    # A database that was never migrated: a message, not a stack trace.
    monkeypatch.delenv("MODELPLANE_OUTBOX_RETENTION_DAYS")
    empty = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    assert await asyncio.to_thread(main, ["outbox", "prune", "--database-url", empty]) == 2
    assert "is it migrated (`modelplane db upgrade`)?" in capsys.readouterr().err
