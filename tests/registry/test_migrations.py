"""Migrations: `modelplane db upgrade` on both backends, the standalone default, tenant columns."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

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
