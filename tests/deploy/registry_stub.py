"""A registry lookup with fixed model versions, for tests that exercise deploy on its own."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from common.errors import NotFound
from common.tenancy import Caller
from subgraphs.deploy.records import ModelSource


def fraud_version(version_id: str, *, tenant_model: str = "fraud-detector") -> ModelSource:
    return ModelSource(
        model_version_id=version_id,
        model_version_name=f"v{version_id}",
        registered_model_id="7",
        registered_model_name=tenant_model,
        artifact_id=f"10{version_id}",
        uri=f"s3://models/fraud/{version_id}",
        format_name="sklearn",
        format_version="1",
    )


class StaticRegistry:
    """Answers with the sources it holds; `before_lookup` runs first (to simulate outages)."""

    def __init__(self, *sources: ModelSource) -> None:
        self.sources = {s.model_version_id: s for s in sources}
        self.before_lookup: Callable[[], Awaitable[None]] | None = None
        self.lookups = 0

    async def find_model_source(self, caller: Caller, model_version_id: str) -> ModelSource:
        self.lookups += 1
        if self.before_lookup is not None:
            await self.before_lookup()
        source = self.sources.get(model_version_id)
        if source is None:
            raise NotFound(f"model version {model_version_id} not found")
        return source

    async def close(self) -> None:
        return None
