"""Fixtures for the registry tests: a migrated app per test, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from starlette.applications import Starlette

from subgraphs.registry.app import create_app
from tests.registry.client import GraphQLClient


@pytest.fixture
async def registry_app(database_url: str) -> AsyncIterator[Starlette]:
    app = create_app(database_url=database_url)
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
def client(registry_app: Starlette) -> GraphQLClient:
    return GraphQLClient(registry_app)
