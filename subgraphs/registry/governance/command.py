"""`modelplane audit verify`, `modelplane audit export` and `modelplane outbox prune`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from common import settings
from common.errors import ModelplaneError
from subgraphs.registry.database import Database, default_database_url
from subgraphs.registry.governance.audit import ChainReport, verify_chain
from subgraphs.registry.governance.bundle import build_bundle, verify_bundle
from subgraphs.registry.governance.outbox import (
    NATS_COLUMNS,
    WEBHOOK_COLUMNS,
    SinkColumns,
    prune,
)
from subgraphs.registry.settings import NATS_URL, RETENTION_DAYS, WEBHOOK_URL
from subgraphs.registry.validation import parse_id


def _tenant(args: argparse.Namespace) -> str:
    return getattr(args, "tenant", None) or settings.DEFAULT_TENANT.get_str()


async def _verify_database(url: str, tenant: str) -> ChainReport:
    database = Database(url)
    try:
        async with database.read() as connection:
            return await verify_chain(connection, tenant)
    finally:
        await database.dispose()


async def _export(url: str, tenant: str, version_id: int) -> bytes:
    database = Database(url)
    try:
        async with database.read() as connection:
            return await build_bundle(connection, tenant, version_id)
    finally:
        await database.dispose()


def _reports_errors(
    command: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """A missing version or file is a message and exit status 2, never a stack trace."""

    @wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except ModelplaneError as error:
            print(f"error: {error.message}", file=sys.stderr)
        except OSError as error:
            print(f"error: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return 2

    return run


@_reports_errors
def verify_command(args: argparse.Namespace) -> int:
    """Exit 0 when the chain (or the bundle) verifies, 1 when it does not."""
    bundle = getattr(args, "bundle", None)
    if bundle:
        report = verify_bundle(Path(bundle).read_bytes())
        for problem in report.problems:
            print(f"FAIL {problem}")
        if report.ok:
            print(f"OK bundle {bundle}: {len(report.files)} files match the manifest")
        return 0 if report.ok else 1
    url = getattr(args, "database_url", None) or default_database_url()
    tenant = _tenant(args)
    chain = asyncio.run(_verify_database(url, tenant))
    if chain.ok:
        print(f"OK tenant {tenant}: {chain.checked} audit events, chain intact")
        return 0
    print(
        f"FAIL tenant {tenant}: first broken link at seq {chain.broken_seq} "
        f"(event id {chain.broken_event_id}): {chain.reason}"
    )
    return 1


@_reports_errors
def export_command(args: argparse.Namespace) -> int:
    version_id = parse_id(args.version_id)
    url = getattr(args, "database_url", None) or default_database_url()
    data = asyncio.run(_export(url, _tenant(args), version_id))
    output = Path(getattr(args, "output", None) or f"evidence-version-{version_id}.tar.gz")
    output.write_bytes(data)
    print(f"wrote {output} ({len(data)} bytes)")
    return 0


async def _prune(url: str, configured: list[SinkColumns], days: int) -> int:
    database = Database(url)
    try:
        return await prune(database, configured, days)
    finally:
        await database.dispose()


def prune_command(args: argparse.Namespace) -> int:
    """Deletes the outbox rows delivered to every configured sink more than N days ago (N:
    --older-than-days, else MODELPLANE_OUTBOX_RETENTION_DAYS), exactly as the relay does."""
    configured: list[SinkColumns] = []
    if WEBHOOK_URL.get():
        configured.append(WEBHOOK_COLUMNS)
    if NATS_URL.get():
        configured.append(NATS_COLUMNS)
    if not configured:
        print(
            f"error: no notification sink is configured ({WEBHOOK_URL.name}, {NATS_URL.name}), "
            "so no row counts as delivered: run this with the registry's settings",
            file=sys.stderr,
        )
        return 2
    days = getattr(args, "older_than_days", None)
    if days is None:
        try:
            days = RETENTION_DAYS.get_int()
        except RuntimeError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        if days < 0:
            print(f"error: {RETENTION_DAYS.name} cannot be negative, got {days}", file=sys.stderr)
            return 2
        if days == 0:
            print(f"{RETENTION_DAYS.name} is 0 (keep forever): deleted 0 outbox rows")
            return 0
    url = getattr(args, "database_url", None) or default_database_url()
    try:
        deleted = asyncio.run(_prune(url, configured, days))
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        print(
            f"error: the database refused the prune ({reason}); is it migrated "
            "(`modelplane db upgrade`)?",
            file=sys.stderr,
        )
        return 2
    except OSError as error:
        print(f"error: cannot reach the database: {error}", file=sys.stderr)
        return 2
    print(f"deleted {deleted} outbox rows delivered more than {days} days ago")
    return 0
