"""Fixtures shared by every test: real PostgreSQL and Redis servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

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


KUBE_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "kube-apiserver"
KUBE_START_TIMEOUT = 1800  # a first build on a loaded machine takes long


def _kube_env(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


@pytest.fixture(scope="session")
def kube_apiserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One loopback kube-apiserver + etcd (RBAC, KServe CRDs) for the whole test session,
    shared by the deploy, auth and ship tests: MODELPLANE_KUBE_HOST, MODELPLANE_KUBE_TOKEN….
    Runs whenever its binaries are built, and always under CI=true (which builds them)."""
    if os.environ.get("MODELPLANE_KUBE_STATE_DIR"):
        # A server the developer started for repeated runs: use it, leave it running.
        running = subprocess.run([str(KUBE_SCRIPT), "env"], capture_output=True, text=True)
        if running.returncode == 0:
            yield _kube_env(running.stdout)
            return
    built = subprocess.run([str(KUBE_SCRIPT), "available"], capture_output=True).returncode == 0
    if not built and not IN_CI:
        pytest.skip("kube-apiserver is not built (run scripts/kube-apiserver build); CI=true builds it")
    state = {**os.environ, "MODELPLANE_KUBE_STATE_DIR": str(tmp_path_factory.mktemp("kube-state"))}
    started = subprocess.run(
        [str(KUBE_SCRIPT), "start"], capture_output=True, text=True, env=state,
        timeout=KUBE_START_TIMEOUT,
    )
    if started.returncode != 0:
        pytest.fail(f"scripts/kube-apiserver start failed:\n{started.stderr[-4000:]}")
    try:
        yield _kube_env(started.stdout)
    finally:
        subprocess.run([str(KUBE_SCRIPT), "stop"], env=state, capture_output=True, timeout=120)
