"""The deploy subgraph's ASGI app, with the driver chosen from the settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request

from common.errors import FailedPrecondition
from common.http_app import build_subgraph_app
from common.settings import data_dir
from common.tenancy import Caller
from subgraphs.deploy import settings
from subgraphs.deploy.deployments import Deployments
from subgraphs.deploy.driver import DeployDriver
from subgraphs.deploy.kube_config import ClusterSettings, load_configuration
from subgraphs.deploy.kubernetes_driver import KubernetesDriver
from subgraphs.deploy.manifest_driver import ManifestDriver
from subgraphs.deploy.records import DeploymentEvent
from subgraphs.deploy.registry_lookup import HttpRegistryLookup, RegistryLookup
from subgraphs.deploy.schema import build_schema


class _LazyKubernetesDriver(KubernetesDriver):
    """Loads its kubeconfig on startup, where the event loop runs (loading is async)."""

    def __init__(self, cluster: ClusterSettings) -> None:
        super().__init__(configuration=None)  # type: ignore[arg-type]
        self.cluster = cluster

    async def start(self) -> None:
        if self.configuration is None:
            self.configuration = await load_configuration(self.cluster)
        await super().start()


def choose_driver(cluster: ClusterSettings | None = None, store: Path | None = None) -> DeployDriver:
    """Kubernetes when a cluster is configured, else the manifest-only driver."""
    cluster = cluster if cluster is not None else ClusterSettings.from_environment()
    if cluster.configured:
        return _LazyKubernetesDriver(cluster)
    path = store or Path(settings.DEPLOY_STORE.get() or data_dir() / "deploy-manifests.json")
    return ManifestDriver(path)


class _NoRegistry:
    """Used when no registry URL is configured: deploying needs one, reading does not."""

    async def find_model_source(self, caller: Caller, model_version_id: str) -> Any:
        raise self._missing("read model versions")

    async def move_to_production(self, caller: Caller, model_version_id: str, reason: str) -> str:
        raise self._missing("move model versions to PRODUCTION")

    async def record_deployment_event(self, caller: Caller, event: DeploymentEvent) -> None:
        # Only undeploy and delete of existing services get this far without a registry:
        # they are reported as failing to be audited (Deployments._record), never silently.
        raise self._missing("record deployment audit events")

    @staticmethod
    def _missing(what: str) -> FailedPrecondition:
        return FailedPrecondition(
            f"deploy cannot {what}: no registry URL is configured",
            suggestion="set MODELPLANE_REGISTRY_URL to the registry subgraph's /graphql URL",
        )

    async def close(self) -> None:
        return None


def create_app(
    *,
    secret: str | None = None,
    driver: DeployDriver | None = None,
    registry_url: str | None = None,
    registry: RegistryLookup | None = None,
    default_caller: Caller | None = None,
) -> Starlette:
    """The deploy subgraph; `registry` (a lookup object) wins over `registry_url`."""
    chosen_driver = driver if driver is not None else choose_driver()
    url = registry_url or settings.REGISTRY_URL.get()
    lookup: RegistryLookup
    if registry is not None:
        lookup = registry
    elif url:
        lookup = HttpRegistryLookup(url, secret=secret)
    else:
        lookup = _NoRegistry()
    deployments = Deployments(chosen_driver, lookup)

    async def context(_: Request, __: Caller) -> dict[str, Any]:
        return {"deployments": deployments}

    async def start() -> None:
        await chosen_driver.start()

    async def stop() -> None:
        await chosen_driver.close()
        await lookup.close()

    app = build_subgraph_app(
        build_schema(),
        secret=secret,
        default_caller=default_caller or Caller(),
        context_factory=context,
        is_ready=chosen_driver.is_ready,
        on_startup=[start],
        on_shutdown=[stop],
    )
    app.state.deployments = deployments
    return app
