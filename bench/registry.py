"""Registry benchmark: register N model versions through GraphQL, then page through them.

Runs in-process through the registry's GraphQL layer (Strawberry schema.execute with the
same per-request context and DataLoaders the HTTP app uses; no network, no HTTP parsing)
against SQLite and PostgreSQL, and prints per-operation latency percentiles.

    .venv/bin/python bench/registry.py                 # 10,000 versions on both backends
    .venv/bin/python bench/registry.py --quick         # 500 versions
    .venv/bin/python bench/registry.py --backend sqlite

PostgreSQL: --postgres-url (or MODELPLANE_BENCH_POSTGRES_URL) names a server and a database
to connect to for administration; the benchmark creates its own database there and drops it.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy.engine import make_url

from common.settings import declare
from common.tenancy import Caller
from subgraphs.registry.app import request_context
from subgraphs.registry.database import Database
from subgraphs.registry.migrations import upgrade_database
from subgraphs.registry.schema import build_schema

BENCH_POSTGRES_URL = declare(
    "MODELPLANE_BENCH_POSTGRES_URL",
    "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres",
    "Benchmark only: PostgreSQL server (and a database to administer it from) for bench/registry.py.",
)

REGISTER = """mutation($input: RegisterModelInput!) { registerModel(input: $input) {
  modelVersion { id name } modelArtifact { id } } }"""
PAGE_VERSIONS = """query($after: String, $first: Int) { modelVersions(first: $first, after: $after) {
  pageInfo { hasNextPage endCursor } nodes { id name author createdAt
    customProperties { name intValue } } } }"""
PAGE_MODELS = """query($after: String) { registeredModels(first: 20, after: $after, orderBy: NAME) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id name
    versions(first: 10, sortOrder: DESC) { totalCount nodes { id name
      artifacts { nodes { id uri ... on ModelArtifact { modelFormatName } } } } } } } }"""
LOOKUP = """query($id: ID!) { modelVersion(id: $id) { id name registeredModel { name }
  artifacts { nodes { uri } } } }"""
FILTER = """query($f: String!) { modelVersions(first: 50, filterQuery: $f) { totalCount nodes { id } } }"""


class Runner:
    def __init__(self, database: Database) -> None:
        self.schema = build_schema()
        self.database = database
        self.caller = Caller()
        self.timings: dict[str, list[float]] = defaultdict(list)

    async def run(self, operation: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
        started = time.perf_counter()
        result = await self.schema.execute(
            document,
            variable_values=variables,
            context_value=request_context(self.database, self.caller),
        )
        self.timings[operation].append(time.perf_counter() - started)
        if result.errors:
            raise RuntimeError(f"{operation}: {result.errors[0].message}")
        assert result.data is not None
        return result.data


async def run_workload(runner: Runner, versions: int, models: int) -> None:
    for index in range(versions):
        await runner.run(
            "registerModel",
            REGISTER,
            {
                "input": {
                    "name": f"bench-model-{index % models:04d}",
                    "versionName": f"v{index // models:05d}",
                    "uri": f"s3://bench/{index}",
                    "modelFormatName": "onnx",
                    "author": f"author-{index % 7}",
                    "versionCustomProperties": [{"name": "index", "intValue": str(index)}],
                }
            },
        )
    # Fresh statistics, as autovacuum (or SQLite's optimizer) would have them after a bulk
    # load; without them PostgreSQL plans the custom-property filter as a nested loop.
    async with runner.database.write() as connection:
        await connection.exec_driver_sql("ANALYZE")
    version_ids = await page_through(
        runner, "page modelVersions (first 100)", PAGE_VERSIONS, {"first": 100}
    )
    assert len(version_ids) == versions, (len(version_ids), versions)
    await page_through(
        runner, "page registeredModels+versions+artifacts (first 20)", PAGE_MODELS, {}
    )
    for version_id in random.Random(7).sample(version_ids, min(1000, len(version_ids))):
        await runner.run("modelVersion by id", LOOKUP, {"id": version_id})
    for index in range(200):
        await runner.run(
            "filterQuery author = ... (first 50)", FILTER, {"f": f"author = 'author-{index % 7}'"}
        )
        await runner.run(
            "filterQuery custom int (first 50)", FILTER, {"f": f"index.int_value >= {index * 40}"}
        )


async def page_through(
    runner: Runner, operation: str, document: str, variables: dict[str, Any]
) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        data = await runner.run(operation, document, {**variables, "after": after})
        connection = next(iter(data.values()))
        ids += [node["id"] for node in connection["nodes"]]
        if not connection["pageInfo"]["hasNextPage"]:
            return ids
        after = connection["pageInfo"]["endCursor"]


async def bench_backend(url: str, versions: int, models: int) -> Runner:
    await upgrade_database(url)
    database = Database(url)
    try:
        runner = Runner(database)
        await run_workload(runner, versions, models)
        return runner
    finally:
        await database.dispose()


async def with_postgres_database(
    admin_url: str, body: Callable[[str], Awaitable[Runner]]
) -> Runner:
    import asyncpg

    admin = make_url(admin_url)
    name = f"mp_bench_{uuid.uuid4().hex[:10]}"
    connect = {
        "host": admin.host or "127.0.0.1",
        "port": admin.port or 5432,
        "user": admin.username or "postgres",
        "password": admin.password,
        "database": admin.database or "postgres",
    }
    connection = await asyncpg.connect(**connect)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    try:
        return await body(admin.set(database=name).render_as_string(hide_password=False))
    finally:
        connection = await asyncpg.connect(**connect)
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()


def print_report(backend: str, runner: Runner, elapsed: float) -> None:
    print(f"\n{backend}  (total {elapsed:.1f} s)")
    print(f"  {'operation':<52} {'count':>6} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for operation, samples in runner.timings.items():
        ordered = sorted(samples)
        p50 = ordered[len(ordered) // 2] * 1000
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
        mean = statistics.fmean(ordered) * 1000
        print(f"  {operation:<52} {len(ordered):>6} {p50:>8.2f} {p99:>8.2f} {mean:>8.2f}")


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 versions instead of 10,000")
    parser.add_argument("--versions", type=int, help="how many versions to register")
    parser.add_argument(
        "--models", type=int, default=100, help="spread versions over this many models"
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--postgres-url",
        default=BENCH_POSTGRES_URL.get(),
        help="administrative PostgreSQL URL (env MODELPLANE_BENCH_POSTGRES_URL)",
    )
    args = parser.parse_args()
    versions = args.versions or (500 if args.quick else 10_000)
    models = min(args.models, versions)
    print(f"registry benchmark: {versions} versions over {models} models, in-process GraphQL")

    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as directory:
            started = time.perf_counter()
            url = f"sqlite+aiosqlite:///{Path(directory) / 'bench.db'}"
            runner = await bench_backend(url, versions, models)
            print_report(
                "SQLite (aiosqlite, WAL, file in a temporary directory)",
                runner,
                time.perf_counter() - started,
            )
    if args.backend in ("postgresql", "both"):
        started = time.perf_counter()
        runner = await with_postgres_database(
            args.postgres_url, lambda url: bench_backend(url, versions, models)
        )
        print_report("PostgreSQL (asyncpg)", runner, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
