"""Evaluation suites (metrics, thresholds, directions) and the results recorded against versions."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from common.errors import BadUserInput, Conflict, NotFound
from common.tenancy import Caller
from subgraphs.registry.entities import MODEL_VERSION
from subgraphs.registry.governance import audit
from subgraphs.registry.repository import writes
from subgraphs.registry.tables import evaluation_results, evaluation_suites

KINDS = ("TASK", "BIAS", "SAFETY", "ROBUSTNESS")
DIRECTIONS = ("higher", "lower")


@dataclass(frozen=True, slots=True)
class MetricSpec:
    name: str
    threshold: float
    direction: str = "higher"

    def passes(self, value: float) -> bool:
        return value >= self.threshold if self.direction == "higher" else value <= self.threshold


def _now() -> int:
    return time.time_ns() // 1_000_000


def check_suite(kind: str, metrics: list[MetricSpec]) -> None:
    if kind not in KINDS:
        raise BadUserInput(f"kind must be one of {', '.join(KINDS)}")
    if not metrics:
        raise BadUserInput("a suite needs at least one metric")
    for metric in metrics:
        if metric.direction not in DIRECTIONS:
            raise BadUserInput(f"metric {metric.name}: direction must be higher or lower")
    if len({m.name for m in metrics}) != len(metrics):
        raise BadUserInput("metric names in a suite must be unique")


async def define_suite(
    connection: AsyncConnection, caller: Caller, name: str, kind: str, metrics: list[MetricSpec]
) -> dict[str, Any]:
    check_suite(kind, metrics)
    existing = await connection.scalar(
        select(evaluation_suites.c.id).where(
            evaluation_suites.c.tenant_id == caller.tenant, evaluation_suites.c.name == name
        )
    )
    if existing is not None:
        raise Conflict(f"evaluation suite {name!r} already exists")
    values = {
        "tenant_id": caller.tenant,
        "name": name,
        "kind": kind,
        "metrics": [
            {"name": m.name, "threshold": m.threshold, "direction": m.direction} for m in metrics
        ],
        "created_at": _now(),
    }
    row = (
        await connection.execute(
            evaluation_suites.insert().values(**values).returning(*evaluation_suites.c)
        )
    ).one()
    await audit.append_event(
        connection,
        tenant=caller.tenant,
        actor=caller.user or "anonymous",
        action="evaluation_suite.create",
        entity_type="evaluation_suite",
        entity_id=row.id,
        after={k: v for k, v in values.items() if k != "created_at"},
    )
    return dict(row._mapping)


async def fetch_suites(connection: AsyncConnection, tenant: str) -> list[dict[str, Any]]:
    rows = await connection.execute(
        select(evaluation_suites)
        .where(evaluation_suites.c.tenant_id == tenant)
        .order_by(evaluation_suites.c.name)
    )
    return [dict(row._mapping) for row in rows]


async def record_evaluation(
    connection: AsyncConnection,
    caller: Caller,
    version_id: int,
    suite_name: str,
    values: dict[str, float],
    run: str | None,
) -> list[dict[str, Any]]:
    """Stores one result per metric of the suite, each judged against its threshold."""
    await writes.require_row(connection, MODEL_VERSION, caller.tenant, version_id)
    suite = (
        await connection.execute(
            select(evaluation_suites).where(
                evaluation_suites.c.tenant_id == caller.tenant,
                evaluation_suites.c.name == suite_name,
            )
        )
    ).first()
    if suite is None:
        raise NotFound(f"evaluation suite {suite_name!r} does not exist")
    specs = [MetricSpec(**metric) for metric in suite.metrics]
    missing = sorted({s.name for s in specs} - set(values))
    unknown = sorted(set(values) - {s.name for s in specs})
    if missing or unknown:
        raise BadUserInput(
            f"suite {suite_name!r} measures {', '.join(s.name for s in specs)}; "
            f"missing: {', '.join(missing) or 'none'}, unknown: {', '.join(unknown) or 'none'}"
        )
    stamp = _now()
    records = []
    for spec in specs:
        values_row = {
            "tenant_id": caller.tenant,
            "model_version_id": version_id,
            "suite": suite_name,
            "kind": suite.kind,
            "metric": spec.name,
            "value": float(values[spec.name]),
            "threshold": spec.threshold,
            "direction": spec.direction,
            "passed": spec.passes(float(values[spec.name])),
            "run": run,
            "evaluated_at": stamp,
        }
        row = (
            await connection.execute(
                evaluation_results.insert().values(**values_row).returning(*evaluation_results.c)
            )
        ).one()
        records.append(dict(row._mapping))
    await audit.append_event(
        connection,
        tenant=caller.tenant,
        actor=caller.user or "anonymous",
        action="evaluation.record",
        entity_type="model_version",
        entity_id=version_id,
        after={
            "suite": suite_name,
            "run": run,
            "results": {r["metric"]: {"value": r["value"], "passed": r["passed"]} for r in records},
        },
    )
    return records


async def fetch_results(
    connection: AsyncConnection, tenant: str, version_id: int
) -> list[dict[str, Any]]:
    rows = await connection.execute(
        select(evaluation_results)
        .where(
            evaluation_results.c.tenant_id == tenant,
            evaluation_results.c.model_version_id == version_id,
        )
        .order_by(evaluation_results.c.id)
    )
    return [dict(row._mapping) for row in rows]
