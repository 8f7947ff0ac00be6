"""Standalone wiring: the gateway and the three subgraphs in one process, on one port."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import secrets
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount

from common import settings
from common.errors import ModelplaneError
from common.logs import configure_logging
from gateway.app import GatewayApp
from gateway.guard import RequestGuard
from gateway.http.server import CoalescingHttpToolsProtocol

log = logging.getLogger("modelplane")

SUBGRAPHS = ("registry", "catalog", "deploy")
REPO_SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"


def subgraph_sdl(name: str) -> str:
    """The SDL a subgraph's code produces (what `_service { sdl }` answers)."""
    module = __import__(f"subgraphs.{name}.schema", fromlist=["build_schema"])
    schema = module.build_schema()
    return str(schema.as_str())


def compose_own_supergraph(base_url: str) -> str:
    from gateway.composition import SubgraphSource, compose

    sources = [
        SubgraphSource(name=name, url=f"{base_url}/subgraphs/{name}/graphql", sdl=subgraph_sdl(name))
        for name in SUBGRAPHS
    ]
    return compose(sources)


def build_standalone_app(base_url: str, *, secret: str | None = None, seed: bool = True) -> Starlette:
    from subgraphs.catalog.app import create_app as create_catalog
    from subgraphs.deploy.app import create_app as create_deploy
    from subgraphs.registry.app import create_app as create_registry

    secret = secret or settings.INTERNAL_SECRET.get() or secrets.token_hex(32)
    registry = create_registry(secret=secret)
    catalog = create_catalog(secret=secret)
    deploy = create_deploy(secret=secret, registry_url=f"{base_url}/subgraphs/registry/graphql")
    gateway = GatewayApp(
        compose_own_supergraph(base_url),
        guard=RequestGuard.from_env(secret),
        web=True,
    )
    children: list[Any] = [registry, catalog, deploy, gateway.router]

    @asynccontextmanager
    async def lifespan(_: Starlette) -> Any:
        async with AsyncExitStack() as stack:
            for child in children:
                await stack.enter_async_context(child.router.lifespan_context(child))
            # The server listens only once start-up is over: seed from a task that waits.
            seeding = asyncio.create_task(_seed_sample_data(base_url)) if seed else None
            try:
                yield
            finally:
                if seeding is not None and not seeding.done():
                    seeding.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await seeding

    app = Starlette(
        routes=[
            Mount("/subgraphs/registry", app=registry),
            Mount("/subgraphs/catalog", app=catalog),
            Mount("/subgraphs/deploy", app=deploy),
            Mount("/", app=gateway),  # type: ignore[arg-type]
        ],
        lifespan=lifespan,
    )
    return app


async def _seed_sample_data(base_url: str) -> None:
    from modelplane.seed import seed_over_http

    for _ in range(100):
        try:
            await seed_over_http(f"{base_url}/graphql")
            return
        except ModelplaneError:
            await asyncio.sleep(0.1)
    log.warning("sample data not loaded: %s/graphql did not answer", base_url)


def serve_command(args: argparse.Namespace) -> int:
    configure_logging()
    base_url = f"http://{args.host}:{args.port}"
    if args.component == "all":
        # The gateway reaches the subgraphs over loopback, whatever address it listens on.
        internal = "127.0.0.1" if args.host in ("0.0.0.0", "::", "") else args.host
        app: Any = build_standalone_app(f"http://{internal}:{args.port}", seed=not args.no_seed)
    elif args.component == "gateway":
        from gateway.supergraph import load_supergraph_sdl

        location = args.supergraph or str(REPO_SCHEMA_DIR / "supergraph.graphql")
        app = GatewayApp(
            load_supergraph_sdl(location),
            guard=RequestGuard.from_env(settings.INTERNAL_SECRET.get()),
        )
    else:
        module = __import__(f"subgraphs.{args.component}.app", fromlist=["create_app"])
        app = module.create_app(secret=settings.INTERNAL_SECRET.get())
    log.info("Modelplane (%s) on %s — GraphiQL at %s/graphql", args.component, base_url, base_url)
    uvicorn.run(
        app, host=args.host, port=args.port, log_level="warning", access_log=False,
        http=CoalescingHttpToolsProtocol,
    )
    return 0


def supergraph_from_arguments(args: argparse.Namespace) -> str:
    from gateway.supergraph import load_supergraph_sdl

    if args.supergraph:
        return load_supergraph_sdl(args.supergraph)
    from gateway.composition import compose
    from gateway.composition.source import load_subgraph_sources, parse_subgraph_argument

    locations = [parse_subgraph_argument(argument) for argument in args.subgraph]
    sources = asyncio.run(load_subgraph_sources(locations))
    log.info("composed the supergraph from %s", ", ".join(s.name for s in sources))
    return compose(sources)


def gateway_command(args: argparse.Namespace) -> int:
    configure_logging()
    guard = None if args.no_guard else RequestGuard.from_env(settings.INTERNAL_SECRET.get())
    if guard is None:
        log.warning("--no-guard: no identity, authorization or request limits (benchmarks only)")
    follow = (args.supergraph, args.poll_seconds) if args.supergraph and args.poll_seconds > 0 else None
    app = GatewayApp(supergraph_from_arguments(args), guard=guard, follow=follow)
    log.info("gateway on http://%s:%d/graphql", args.host, args.port)
    # Everything loaded so far lives as long as the process: keep it out of the collector's
    # way, and collect the young generation less often (responses allocate many objects).
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    uvicorn.run(
        app, host=args.host, port=args.port, log_level="warning", access_log=False,
        loop="uvloop", http=CoalescingHttpToolsProtocol, workers=None,
    )
    return 0
