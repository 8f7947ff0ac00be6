"""Fixtures shared by every test: real PostgreSQL and Redis servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest

POSTGRES_HOST = os.environ.get("MODELPLANE_TEST_PG_HOST", "127.0.0.1")
POSTGRES_PORT = int(os.environ.get("MODELPLANE_TEST_PG_PORT", "5432"))
POSTGRES_USER = os.environ.get("MODELPLANE_TEST_PG_USER", "postgres")
REDIS_PORT = int(os.environ.get("MODELPLANE_TEST_REDIS_PORT", "6379"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def _port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, port: int, host: str = "127.0.0.1") -> None:
    """Fail under CI, skip elsewhere, when a real service the test needs is not running."""
    if _port_open(port, host):
        return
    message = f"{name} is not running on {host}:{port} (run scripts/services)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


async def _admin_execute(statement: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(
        host=POSTGRES_HOST, port=POSTGRES_PORT, user=POSTGRES_USER, database="postgres"
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    require_service("PostgreSQL", POSTGRES_PORT, POSTGRES_HOST)
    name = f"mp_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin_execute(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+asyncpg://{POSTGRES_USER}@{POSTGRES_HOST}:{POSTGRES_PORT}/{name}"
    finally:
        asyncio.run(_admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def sqlite_url(tmp_path: os.PathLike[str]) -> str:
    return f"sqlite+aiosqlite:///{os.path.join(tmp_path, 'registry.db')}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """The same test against SQLite and PostgreSQL."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    """A Redis database number of its own, flushed before and after."""
    require_service("Redis", REDIS_PORT)
    import redis.asyncio as redis

    db = 9
    url = f"redis://127.0.0.1:{REDIS_PORT}/{db}"
    client = redis.Redis.from_url(url)
    await client.flushdb()
    try:
        yield url
    finally:
        await client.flushdb()
        await client.aclose()
