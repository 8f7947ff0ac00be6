"""Fixtures for governance tests: one registry app, and a signed client per person."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from starlette.applications import Starlette

from common.tenancy import Caller, sign_caller
from subgraphs.registry.app import create_app
from tests.registry.client import GraphQLClient
from tests.registry.governance.sinks import StreamNames, delete_stream, unique_stream

SECRET = "governance-test-secret"
TENANT = "acme"


class PersonClient(GraphQLClient):
    """Signs every call as one person of the test tenant, the way the gateway does."""

    def __init__(self, app: Starlette, caller: Caller) -> None:
        super().__init__(app)
        self.caller = caller

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        signed = {**sign_caller(self.caller, SECRET), **(headers or {})}
        return await super().request(method, path, body, signed)


@pytest.fixture
async def governed_app(database_url: str) -> AsyncIterator[Starlette]:
    app = create_app(database_url=database_url, secret=SECRET)
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
def person(governed_app: Starlette) -> Callable[..., PersonClient]:
    def make(user: str, *roles: str, tenant: str = TENANT) -> PersonClient:
        caller = Caller(user=user, tenant=tenant, roles=roles or ("contributor",))
        return PersonClient(governed_app, caller)

    return make


NATS_PORT = 4222


@pytest.fixture
def nats_url() -> str:
    from tests.conftest import require_service

    require_service("NATS", NATS_PORT)
    return f"nats://127.0.0.1:{NATS_PORT}"


@pytest.fixture
async def jetstream(nats_url: str) -> AsyncIterator[StreamNames]:
    """A stream name and subject prefix of this test's own; the stream is deleted after."""
    names = unique_stream(nats_url)
    yield names
    await delete_stream(names)
