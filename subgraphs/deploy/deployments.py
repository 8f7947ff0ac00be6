"""Rollout logic: deploy, update, canary, promote, roll back, undeploy — as patches to a driver."""

from __future__ import annotations

from typing import Any

from common.errors import BadUserInput, Conflict, FailedPrecondition, NotFound
from common.tenancy import Caller
from subgraphs.deploy.driver import DeployDriver
from subgraphs.deploy.records import Environment, ModelSource, Serving, ServingRuntime
from subgraphs.deploy.registry_lookup import RegistryLookup
from subgraphs.deploy.resource import (
    DESIRED_STATE,
    MODEL_VERSION_ID,
    PREVIOUS_MODEL_VERSION_ID,
    ROLLED_BACK,
    ServiceView,
    default_service_name,
    is_dns_label,
    is_label_value,
    parse_service_id,
    render_inference_service,
    render_resources,
    render_scaling,
    source_annotations,
    source_labels,
)

STOP_ANNOTATION = "serving.kserve.io/stop"


class Deployments:
    """What the GraphQL mutations do, for one driver and one registry."""

    def __init__(self, driver: DeployDriver, registry: RegistryLookup) -> None:
        self.driver = driver
        self.registry = registry

    # Environments.

    async def create_environment(
        self, caller: Caller, name: str, description: str, production: bool
    ) -> Environment:
        if not is_dns_label(name):
            raise BadUserInput(
                f"environment name {name!r} must be a DNS label (lowercase letters, digits, '-')"
            )
        check_tenant(caller)
        existing = await self.driver.get_environment(caller.tenant, name)
        if existing is not None:
            if (existing.description, existing.production) == (description, production):
                return existing  # a retried create
            raise Conflict(f"serving environment {name!r} already exists")
        return await self.driver.create_environment(
            Environment(name=name, description=description, production=production, tenant=caller.tenant)
        )

    async def list_runtimes(self, caller: Caller, environment: str) -> list[ServingRuntime]:
        return await self.driver.list_serving_runtimes(caller.tenant, environment)

    # Reads.

    async def get(self, caller: Caller, service_id: str) -> ServiceView | None:
        namespace, name = parse_service_id(service_id)
        stored = await self.driver.get_service(caller.tenant, namespace, name)
        return None if stored is None else ServiceView(stored)

    async def require(self, caller: Caller, service_id: str) -> ServiceView:
        view = await self.get(caller, service_id)
        if view is None:
            raise NotFound(f"inference service {service_id!r} not found")
        return view

    async def list(
        self, caller: Caller, *, environment: str | None = None, model_version_id: str | None = None
    ) -> list[ServiceView]:
        labels = {MODEL_VERSION_ID: model_version_id} if model_version_id is not None else None
        if model_version_id is not None and not is_label_value(model_version_id):
            return []
        found = await self.driver.list_services(caller.tenant, namespace=environment, labels=labels)
        return [ServiceView(stored) for stored in found]

    # Mutations.

    async def deploy(
        self,
        caller: Caller,
        *,
        model_version_id: str,
        environment: str,
        name: str | None,
        serving: Serving,
    ) -> ServiceView:
        check_tenant(caller)
        check_serving(serving)
        source = await self.registry.find_model_source(caller, model_version_id)
        name = name or default_service_name(source)
        if not is_dns_label(name, max_length=45):
            raise BadUserInput(f"inference service name {name!r} must be a DNS label of ≤45 characters")
        check_labels(source)
        body = render_inference_service(
            tenant=caller.tenant, namespace=environment, name=name, source=source, serving=serving
        )
        existing = await self.driver.get_service(caller.tenant, environment, name)
        if existing is None:
            try:
                return ServiceView(await self.driver.create_service(caller.tenant, body))
            except Conflict:
                # Created by an earlier attempt whose answer was lost: adopt it if it matches.
                existing = await self.driver.get_service(caller.tenant, environment, name)
                if existing is None:
                    raise
        view = ServiceView(existing)
        if view.labels.get(MODEL_VERSION_ID) != source.model_version_id:
            raise Conflict(
                f"inference service {view.id!r} already exists and serves model version "
                f"{view.labels.get(MODEL_VERSION_ID)}",
                suggestion="use rolloutModelVersion to move it to another version",
            )
        if view.annotations.get(DESIRED_STATE) == "UNDEPLOYED":
            return await self._patch(
                caller, view, {"metadata": {"annotations": {DESIRED_STATE: "DEPLOYED", STOP_ANNOTATION: None}}}
            )
        return view

    async def update(
        self, caller: Caller, service_id: str, serving: Serving, resource_version: str | None
    ) -> ServiceView:
        check_serving(serving)
        view = await self.require(caller, service_id)
        predictor: dict[str, Any] = dict(render_scaling(serving))
        model: dict[str, Any] = {}
        if serving.runtime is not None:
            model["runtime"] = serving.runtime or None
        resources = render_resources(serving.resources)
        if resources:
            # Replace, not merge: a limit left out of the input is meant to go away.
            model["resources"] = {"requests": None, "limits": None, **resources}
        if model:
            predictor["model"] = model
        return await self._patch(caller, view, {"spec": {"predictor": predictor}}, resource_version)

    async def rollout(
        self,
        caller: Caller,
        service_id: str,
        model_version_id: str,
        canary_percent: int | None,
        resource_version: str | None,
    ) -> ServiceView:
        check_percent(canary_percent)
        view = await self.require(caller, service_id)
        source = await self.registry.find_model_source(caller, model_version_id)
        check_labels(source)
        current = view.labels.get(MODEL_VERSION_ID)
        if current == source.model_version_id:
            # Already rolled out (a retry): only the traffic split may still differ.
            if view.predictor.get("canaryTrafficPercent") == _canary_value(canary_percent):
                return view
            return await self._patch(
                caller, view, {"spec": {"predictor": {"canaryTrafficPercent": _canary_value(canary_percent)}}},
                resource_version,
            )
        patch = {
            "metadata": {
                "labels": {**source_labels(source), PREVIOUS_MODEL_VERSION_ID: current},
                "annotations": {**source_annotations(source), ROLLED_BACK: None},
            },
            "spec": {
                "predictor": {
                    "canaryTrafficPercent": _canary_value(canary_percent),
                    "model": _model_source_patch(source),
                }
            },
        }
        return await self._patch(caller, view, patch, resource_version)

    async def set_canary(
        self, caller: Caller, service_id: str, percent: int, resource_version: str | None
    ) -> ServiceView:
        check_percent(percent)
        view = await self.require(caller, service_id)
        require_previous(view, "change the canary traffic")
        patch = {
            "metadata": {"annotations": {ROLLED_BACK: None}},
            "spec": {"predictor": {"canaryTrafficPercent": _canary_value(percent)}},
        }
        return await self._patch(caller, view, patch, resource_version)

    async def promote(self, caller: Caller, service_id: str, resource_version: str | None) -> ServiceView:
        view = await self.require(caller, service_id)
        patch = {
            "metadata": {"annotations": {ROLLED_BACK: None}},
            "spec": {"predictor": {"canaryTrafficPercent": None}},
        }
        return await self._patch(caller, view, patch, resource_version)

    async def rollback(self, caller: Caller, service_id: str, resource_version: str | None) -> ServiceView:
        """All traffic to the previous rolled-out revision, as KServe does for a canary at 0%."""
        view = await self.require(caller, service_id)
        require_previous(view, "roll back")
        patch = {
            "metadata": {"annotations": {ROLLED_BACK: "true"}},
            "spec": {"predictor": {"canaryTrafficPercent": 0}},
        }
        return await self._patch(caller, view, patch, resource_version)

    async def undeploy(self, caller: Caller, service_id: str, resource_version: str | None) -> ServiceView:
        """Stops serving but keeps the resource, so its link to the registry stays visible."""
        view = await self.require(caller, service_id)
        patch = {"metadata": {"annotations": {DESIRED_STATE: "UNDEPLOYED", STOP_ANNOTATION: "true"}}}
        return await self._patch(caller, view, patch, resource_version)

    async def delete(self, caller: Caller, service_id: str) -> bool:
        """Removes the resource; False when it was already gone (a retried delete)."""
        namespace, name = parse_service_id(service_id)
        try:
            await self.driver.delete_service(caller.tenant, namespace, name)
        except NotFound:
            return False
        return True

    async def _patch(
        self,
        caller: Caller,
        view: ServiceView,
        patch: dict[str, Any],
        resource_version: str | None = None,
    ) -> ServiceView:
        if resource_version is not None:
            patch = {**patch, "metadata": {**patch.get("metadata", {}), "resourceVersion": resource_version}}
        stored = await self.driver.patch_service(caller.tenant, view.namespace, view.name, patch)
        return ServiceView(stored)


def _canary_value(percent: int | None) -> int | None:
    # 100% is a finished rollout; KServe expresses that by leaving the field out.
    return None if percent is None or percent == 100 else percent


def _model_source_patch(source: ModelSource) -> dict[str, Any]:
    model: dict[str, Any] = {
        "modelFormat": None,
        "storageUri": source.uri if not source.storage_key else None,
        "storage": None,
    }
    if source.format_name:
        model["modelFormat"] = {"name": source.format_name, "version": source.format_version}
    if source.storage_key:
        model["storage"] = {"key": source.storage_key, "path": source.storage_path}
    return model


def check_percent(percent: int | None) -> None:
    if percent is not None and not 0 <= percent <= 100:
        raise BadUserInput(f"canaryTrafficPercent must be between 0 and 100, got {percent}")


def check_serving(serving: Serving) -> None:
    for label, value in (("minReplicas", serving.min_replicas), ("maxReplicas", serving.max_replicas)):
        if value is not None and value < 0:
            raise BadUserInput(f"{label} must not be negative, got {value}")
    if (
        serving.min_replicas is not None
        and serving.max_replicas is not None
        and serving.max_replicas < serving.min_replicas
    ):
        raise BadUserInput("maxReplicas must not be less than minReplicas")


def check_tenant(caller: Caller) -> None:
    if not is_label_value(caller.tenant):
        raise BadUserInput(f"tenant {caller.tenant!r} cannot be used as a Kubernetes label value")


def check_labels(source: ModelSource) -> None:
    for value in (source.model_version_id, source.registered_model_id, source.artifact_id):
        if not is_label_value(value):
            raise FailedPrecondition(f"registry id {value!r} cannot be used as a Kubernetes label value")


def require_previous(view: ServiceView, action: str) -> None:
    if not view.labels.get(PREVIOUS_MODEL_VERSION_ID):
        raise FailedPrecondition(
            f"inference service {view.id!r} has no previous revision; cannot {action}",
            suggestion="roll out a new model version first (rolloutModelVersion)",
        )
