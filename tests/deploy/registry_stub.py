"""A registry with fixed model versions, for tests that exercise deploy on its own.

It keeps what deploy asks of the real registry (subgraphs/deploy/registry_lookup.py): the
version's stage, the moves to PRODUCTION and the deployment events, so tests can check them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable

from common.errors import FailedPrecondition, NotFound, Unavailable
from common.tenancy import Caller
from subgraphs.deploy.records import DeploymentEvent, ModelSource

# What the real registry allows (subgraphs/registry/governance/stages.py): PRODUCTION is
# reached from APPROVED_PROD, or again from DEPRECATED.
MOVES_TO_PRODUCTION = ("APPROVED_PROD", "DEPRECATED")


def fraud_version(
    version_id: str, *, tenant_model: str = "fraud-detector", stage: str = "DRAFT"
) -> ModelSource:
    return ModelSource(
        model_version_id=version_id,
        model_version_name=f"v{version_id}",
        registered_model_id="7",
        registered_model_name=tenant_model,
        artifact_id=f"10{version_id}",
        uri=f"s3://models/fraud/{version_id}",
        format_name="sklearn",
        format_version="1",
        stage=stage,
    )


class StaticRegistry:
    """Answers with the sources it holds; `before_lookup` runs first (to simulate outages);
    `refuse_production` makes the move to PRODUCTION fail as a failing policy would;
    `after_move` runs once a move to PRODUCTION is made (to break the cluster right then);
    `events_down` makes recording deployment events fail as an unreachable registry would."""

    def __init__(self, *sources: ModelSource) -> None:
        self.sources = {s.model_version_id: s for s in sources}
        self.before_lookup: Callable[[], Awaitable[None]] | None = None
        self.lookups = 0
        self.moves: list[tuple[str, str, str]] = []  # (caller, version, reason)
        self.events: list[tuple[str, DeploymentEvent]] = []  # (caller, event)
        self.refuse_production: str | None = None
        self.after_move: Callable[[], Awaitable[None]] | None = None
        self.events_down = False

    async def find_model_source(self, caller: Caller, model_version_id: str) -> ModelSource:
        self.lookups += 1
        if self.before_lookup is not None:
            await self.before_lookup()
        source = self.sources.get(model_version_id)
        if source is None:
            raise NotFound(f"model version {model_version_id} not found")
        return source

    def set_stage(self, version_id: str, stage: str) -> None:
        self.sources[version_id] = dataclasses.replace(self.sources[version_id], stage=stage)

    def stage(self, version_id: str) -> str | None:
        return self.sources[version_id].stage

    async def move_to_production(self, caller: Caller, model_version_id: str, reason: str) -> str:
        source = await self.find_model_source(caller, model_version_id)
        if self.refuse_production is not None:
            raise FailedPrecondition(
                f"registry: {self.refuse_production}", failedPolicies=[self.refuse_production]
            )
        if source.stage not in MOVES_TO_PRODUCTION:
            raise FailedPrecondition(f"registry: cannot move from {source.stage} to PRODUCTION")
        self.set_stage(model_version_id, "PRODUCTION")
        self.moves.append((caller.user, model_version_id, reason))
        if self.after_move is not None:
            await self.after_move()
        return "PRODUCTION"

    async def record_deployment_event(self, caller: Caller, event: DeploymentEvent) -> None:
        if self.events_down:
            raise Unavailable("the registry at http://registry/graphql could not be reached")
        self.events.append((caller.user, event))

    def actions(self) -> list[tuple[str, str]]:
        """(action, version) of every recorded event, in order."""
        return [(event.action, event.model_version_id) for _, event in self.events]

    async def close(self) -> None:
        return None
