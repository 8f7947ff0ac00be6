"""Alembic migrations of the registry database, applied programmatically (no alembic.ini)."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Connection

from subgraphs.registry.database import Database, default_database_url

MIGRATIONS_DIR = Path(__file__).resolve().parent


def build_alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection, revision: str) -> None:
    command.upgrade(build_alembic_config(connection), revision)


MIGRATION_LOCK = 0x6D706C616E65  # "mplane": one key for every Modelplane migration


async def upgrade_database(url: str | None = None, revision: str = "head") -> None:
    """Apply migrations up to `revision` on the database at `url` (default: the standalone one)."""
    database = Database(url or default_database_url())
    try:
        async with database.write() as connection:
            if connection.dialect.name == "postgresql":
                # Replicas starting together, and the release's migration Job, take turns:
                # the lock lasts until this transaction (DDL included) commits.
                await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            await connection.run_sync(_upgrade, revision)
    finally:
        await database.dispose()


def upgrade_command(args: argparse.Namespace) -> int:
    """`modelplane db upgrade [--database-url URL] [--revision REV]`."""
    url = getattr(args, "database_url", None) or default_database_url()
    revision = getattr(args, "revision", None) or "head"
    asyncio.run(upgrade_database(url, revision))
    print(f"registry database at {_redact(url)} is at revision {revision}")
    return 0


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
