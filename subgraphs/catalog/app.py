"""The catalog subgraph as a Starlette app: GraphQL, health, and the reload machinery's lifespan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request

from common.http_app import build_subgraph_app
from common.settings import DEFAULT_TENANT
from common.tenancy import Caller
from subgraphs.catalog.catalog import Catalog
from subgraphs.catalog.schema import build_schema
from subgraphs.catalog.settings import CATALOG_RELOAD_DEBOUNCE_MS, CATALOG_SOURCES
from subgraphs.catalog.watcher import CatalogWatcher

# The sample catalog, when this package runs from a checkout of the repository.
SAMPLE_SOURCES = Path(__file__).resolve().parents[2] / "examples" / "catalog" / "sources.yaml"


def default_sources_files() -> list[Path]:
    configured = CATALOG_SOURCES.get()
    if configured:
        return [Path(p.strip()) for p in configured.split(",") if p.strip()]
    return [SAMPLE_SOURCES] if SAMPLE_SOURCES.is_file() else []


def create_app(
    *,
    sources: Sequence[str | Path] | None = None,
    secret: str | None = None,
    watch: bool = True,
    hub_timeout: float | None = None,
    redis_url: str | None = None,
    debounce_ms: int | None = None,
) -> Starlette:
    """`sources`: sources files, later overriding earlier; default from MODELPLANE_CATALOG_SOURCES."""
    from subgraphs.catalog.cache import build_cache

    files = list(sources) if sources is not None else default_sources_files()
    catalog = Catalog(files, cache=build_cache(redis_url=redis_url), hub_timeout=hub_timeout)
    watcher = CatalogWatcher(
        catalog,
        debounce_ms=debounce_ms
        if debounce_ms is not None
        else CATALOG_RELOAD_DEBOUNCE_MS.get_int(),
    )
    started = False

    async def start() -> None:
        nonlocal started
        await catalog.start()
        if watch:
            await watcher.start()
        started = True

    async def stop() -> None:
        await watcher.stop()
        await catalog.stop()

    async def context(_: Request, __: Caller) -> Mapping[str, Any]:
        return {"catalog": catalog}

    app = build_subgraph_app(
        build_schema(),
        secret=secret,
        default_caller=Caller(tenant=DEFAULT_TENANT.get_str()),
        context_factory=context,
        is_ready=lambda: started,
        on_startup=[start],
        on_shutdown=[stop],
    )
    app.state.catalog = catalog
    return app
