"""The registry subgraph as a Starlette app: GraphQL, health, and readiness once migrated."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request

from common import settings
from common.http_app import build_subgraph_app
from common.tenancy import Caller
from subgraphs.registry.database import Database, default_database_url
from subgraphs.registry.governance.relay import OutboxRelay, RelaySettings
from subgraphs.registry.loaders import RegistryLoaders
from subgraphs.registry.migrations import upgrade_database
from subgraphs.registry.schema import build_schema

log = logging.getLogger("modelplane.registry")


def request_context(database: Database, caller: Caller) -> dict[str, Any]:
    """What resolvers find in info.context besides the caller: fresh DataLoaders per request."""
    return {
        "caller": caller,
        "database": database,
        "loaders": RegistryLoaders(database, caller.tenant),
    }


def create_app(
    *,
    database_url: str | None = None,
    secret: str | None = None,
    migrate: bool = True,
    outbox: RelaySettings | None = None,
) -> Starlette:
    """The registry app. `outbox` configures the notification relay (default: from the
    MODELPLANE_OUTBOX_* and MODELPLANE_NATS_* settings; a bad combination raises here, before
    anything starts); with neither a webhook nor NATS configured, no relay runs."""
    url = database_url or default_database_url()
    database = Database(url)
    ready = {"value": False}
    relay_settings = outbox if outbox is not None else RelaySettings.from_env()
    relay_settings.check()
    relay = OutboxRelay(database, relay_settings) if relay_settings.enabled else None

    async def start() -> None:
        if migrate:
            await upgrade_database(url)
        if relay is not None:
            await relay.start()
        ready["value"] = True

    async def stop() -> None:
        ready["value"] = False
        if relay is not None:
            await relay.stop()
        await database.dispose()

    async def build_context(_: Request, caller: Caller) -> Mapping[str, Any]:
        return request_context(database, caller)

    app = build_subgraph_app(
        build_schema(),
        secret=secret,
        default_caller=Caller(tenant=settings.DEFAULT_TENANT.get_str()),
        context_factory=build_context,
        is_ready=lambda: ready["value"],
        on_startup=[start],
        on_shutdown=[stop],
    )
    app.state.database = database
    app.state.outbox_relay = relay
    return app
