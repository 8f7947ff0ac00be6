"""Migrations: `modelplane db upgrade` on both backends, the standalone default, tenant columns."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect

from subgraphs.registry.database import Database
from subgraphs.registry.migrations import upgrade_command


def table_columns(url: str) -> dict[str, list[str]]:
    async def read() -> dict[str, list[str]]:
        database = Database(url)
        try:
            async with database.read() as connection:
                return await connection.run_sync(
                    lambda sync: {
                        table: [c["name"] for c in inspect(sync).get_columns(table)]
                        for table in inspect(sync).get_table_names()
                    }
                )
        finally:
            await database.dispose()

    return asyncio.run(read())


def test_upgrade_command_is_idempotent_and_every_table_has_a_tenant(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = argparse.Namespace(database_url=database_url, revision="head")
    assert upgrade_command(args) == 0
    assert upgrade_command(args) == 0
    assert "head" in capsys.readouterr().out
    columns = table_columns(database_url)
    registry_tables = {name: cols for name, cols in columns.items() if name != "alembic_version"}
    assert {
        "registered_models",
        "model_versions",
        "artifacts",
        "experiments",
        "experiment_runs",
        "custom_properties",
        "metric_history",
    } <= set(registry_tables)
    assert all("tenant_id" in cols for cols in registry_tables.values())


def test_standalone_default_is_a_sqlite_file_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODELPLANE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MODELPLANE_DATABASE_URL", raising=False)
    assert upgrade_command(argparse.Namespace(database_url=None, revision="head")) == 0
    database_file = tmp_path / "data" / "registry.db"
    assert database_file.exists()
    assert "registered_models" in table_columns(f"sqlite+aiosqlite:///{database_file}")


async def test_concurrent_upgrades_take_turns(postgres_url: str) -> None:
    """Several replicas (and the release Job) may start at once: one migrates, the rest wait."""
    import asyncio

    from subgraphs.registry.migrations import upgrade_database

    await asyncio.gather(*(upgrade_database(postgres_url) for _ in range(4)))
    import asyncpg

    dsn = postgres_url.replace("postgresql+asyncpg://", "postgresql://")
    connection = await asyncpg.connect(dsn)
    try:
        versions = await connection.fetch("SELECT version_num FROM alembic_version")
    finally:
        await connection.close()
    assert len(versions) == 1


async def test_0005_gives_each_sink_its_delivery_state_and_keeps_the_rows(database_url: str) -> None:
    """Rows written before 0005 keep their webhook state and are due on the stream; the
    downgrade takes the new columns away again."""
    from alembic import command
    from sqlalchemy import text

    from subgraphs.registry.migrations import build_alembic_config, upgrade_database

    await upgrade_database(database_url, "0004")
    database = Database(database_url)
    try:
        async with database.write() as connection:
            await connection.execute(
                text(
                    "INSERT INTO outbox (tenant_id, topic, payload, created_at, attempts, "
                    "next_attempt_at, delivered_at, last_error) VALUES "
                    "('t', 'version.stage_changed', '{}', 5, 1, 6, 7, NULL), "
                    "('t', 'approval.requested', '{}', 8, 2, 9, NULL, 'HTTP 503')"
                )
            )
        await upgrade_database(database_url)
        async with database.read() as connection:
            rows = (
                await connection.execute(
                    text(
                        "SELECT attempts, next_attempt_at, delivered_at, last_error, "
                        "nats_attempts, nats_next_attempt_at, nats_published_at, "
                        "nats_last_error, lease_owner, lease_until FROM outbox ORDER BY id"
                    )
                )
            ).all()
        assert [tuple(row) for row in rows] == [
            (1, 6, 7, None, 0, 0, None, None, None, None),
            (2, 9, None, "HTTP 503", 0, 0, None, None, None, None),
        ]

        def downgrade(sync: Any) -> None:
            command.downgrade(build_alembic_config(sync), "0004")

        async with database.write() as connection:
            await connection.run_sync(downgrade)
        async with database.read() as connection:
            columns = await connection.run_sync(
                lambda sync: [c["name"] for c in inspect(sync).get_columns("outbox")]
            )
    finally:
        await database.dispose()
    assert "nats_attempts" not in columns and "lease_until" not in columns
    assert {"delivered_at", "attempts", "next_attempt_at", "last_error"} <= set(columns)
