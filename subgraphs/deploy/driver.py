"""The boundary between rollout logic and where InferenceServices live (a cluster, or a file)."""

from __future__ import annotations

from typing import Any, Protocol

from subgraphs.deploy.records import Environment, ServingRuntime, StoredObject


class DeployDriver(Protocol):
    """Stores and reads KServe objects for one tenant at a time.

    Implementations raise `common.errors` exceptions: NotFound, Conflict (duplicate or stale
    resourceVersion), BadUserInput (rejected by validation), Forbidden, Unavailable.
    """

    mode: str  # "kubernetes" or "manifest"

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    def is_ready(self) -> bool: ...

    async def create_environment(self, environment: Environment) -> Environment: ...

    async def get_environment(self, tenant: str, name: str) -> Environment | None: ...

    async def list_environments(self, tenant: str) -> list[Environment]: ...

    async def create_service(self, tenant: str, body: dict[str, Any]) -> StoredObject: ...

    async def get_service(self, tenant: str, namespace: str, name: str) -> StoredObject | None: ...

    async def list_services(
        self, tenant: str, *, namespace: str | None = None, labels: dict[str, str] | None = None
    ) -> list[StoredObject]: ...

    async def patch_service(
        self, tenant: str, namespace: str, name: str, patch: dict[str, Any]
    ) -> StoredObject:
        """Merge-patch (RFC 7386); a `metadata.resourceVersion` in `patch` is a precondition."""
        ...

    async def delete_service(self, tenant: str, namespace: str, name: str) -> None: ...

    async def list_serving_runtimes(self, tenant: str, namespace: str) -> list[ServingRuntime]: ...
