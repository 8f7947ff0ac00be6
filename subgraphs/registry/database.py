"""The registry's database engine: URL defaults, SQLite pragmas, read and write transactions."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from common import settings
from common.filtering import like_to_regex

SQLITE_BUSY_TIMEOUT_SECONDS = 30


def default_database_url() -> str:
    """The configured URL, or a SQLite file in the data directory (standalone)."""
    configured = settings.DATABASE_URL.get()
    if configured:
        return configured
    return f"sqlite+aiosqlite:///{settings.data_dir().resolve() / 'registry.db'}"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


@functools.lru_cache(maxsize=512)
def _compiled_like(pattern: str, case_insensitive: bool) -> Any:
    return like_to_regex(pattern, case_insensitive=case_insensitive)


def _sqlite_like(value: str | None, pattern: str | None) -> bool | None:
    if value is None or pattern is None:
        return None
    return _compiled_like(pattern, False).match(value) is not None


def _sqlite_ilike(value: str | None, pattern: str | None) -> bool | None:
    if value is None or pattern is None:
        return None
    return _compiled_like(pattern, True).match(value) is not None


def _prepare_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _: Any) -> None:
        # We issue BEGIN ourselves (below) so that writers take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # SQLite's own LIKE ignores case; the filter grammar's LIKE must not.
        dbapi_connection.create_function("mp_like", 2, _sqlite_like, deterministic=True)
        dbapi_connection.create_function("mp_ilike", 2, _sqlite_ilike, deterministic=True)

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Connection) -> None:
        # Readers run each statement on its own (autocommit, one consistent snapshot per
        # statement), which saves two round trips to the driver's thread per read.
        if connection.get_execution_options().get("registry_write", False):
            connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """An engine plus the one rule SQLite needs: a single writer at a time in this process."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.sqlite = is_sqlite(url)
        options: dict[str, Any] = {"echo": echo}
        if self.sqlite:
            options["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_SECONDS}
            # Connection.close() already rolls back an open transaction; a second
            # rollback on return to the pool is one more trip to the driver's thread.
            options["pool_reset_on_return"] = None
        else:
            options.update(pool_size=10, max_overflow=20, pool_pre_ping=False)
        self.engine = create_async_engine(url, **options)
        if self.sqlite:
            _prepare_sqlite(self.engine)
        self._write_lock = asyncio.Lock() if self.sqlite else None
        # Reads are single statements: on PostgreSQL, autocommit spares each one the
        # BEGIN and ROLLBACK round trips (SQLite reads already skip BEGIN, see above).
        self._reader = (
            self.engine
            if self.sqlite
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        async with self._reader.connect() as connection:
            yield connection

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncConnection]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        if self._write_lock is None:
            async with self.engine.begin() as connection:
                yield connection
            return
        async with self._write_lock, self.engine.connect() as connection:
            await connection.execution_options(registry_write=True)
            async with connection.begin():
                yield connection

    async def dispose(self) -> None:
        await self.engine.dispose()
