"""Rollout logic: deploy, update, canary, promote, roll back, undeploy — as patches to a driver."""

from __future__ import annotations

from typing import Any

from common.errors import (
    BadUserInput,
    Conflict,
    FailedPrecondition,
    ModelplaneError,
    NotFound,
    Unavailable,
)
from common.tenancy import Caller
from subgraphs.deploy.driver import DeployDriver
from subgraphs.deploy.records import (
    DeploymentEvent,
    Environment,
    ModelSource,
    Serving,
    ServingRuntime,
    StoredObject,
)
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
PRODUCTION_STAGE = "PRODUCTION"
# The stages a version must be in to serve in a production environment.
PRODUCTION_READY_STAGES = ("APPROVED_PROD", PRODUCTION_STAGE)


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

    # Mutations. Each one that serves a version in a production environment passes the
    # production gate first; each one that leaves a version with all of a production
    # environment's traffic moves that version to PRODUCTION in the registry *before* the
    # cluster is changed (so a refused move changes nothing); each successful one is then
    # recorded in the version's audit trail (`_record`).

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
        env = await self._environment(caller, environment)
        source = await self.registry.find_model_source(caller, model_version_id)
        name = name or default_service_name(source)
        if not is_dns_label(name, max_length=45):
            raise BadUserInput(f"inference service name {name!r} must be a DNS label of ≤45 characters")
        check_labels(source)
        if env.production:
            require_production_stage(source, env.name)
        body = render_inference_service(
            tenant=caller.tenant, namespace=environment, name=name, source=source, serving=serving
        )
        existing = await self.driver.get_service(caller.tenant, environment, name)
        if existing is not None:
            require_same_version(ServiceView(existing), source)
        # A first deploy has all the traffic; so has a service that is not mid-canary.
        moves = env.production and (
            existing is None or ServiceView(existing).predictor.get("canaryTrafficPercent") is None
        )
        moved = False
        if moves:
            moved = await self._move_to_production(
                caller, source, f"deployed to production environment {env.name} as {environment}/{name}"
            )
        try:
            view = await self._create_or_adopt(caller, body, existing, source)
        except ModelplaneError as error:
            if moved:
                raise _after_move(error, source) from error
            raise
        await self._record(caller, "create", view, env, moved_to_production=moved)
        return view

    async def _create_or_adopt(
        self, caller: Caller, body: dict[str, Any], existing: StoredObject | None, source: ModelSource
    ) -> ServiceView:
        namespace, name = body["metadata"]["namespace"], body["metadata"]["name"]
        if existing is None:
            try:
                return ServiceView(await self.driver.create_service(caller.tenant, body))
            except Conflict:
                # Created by an earlier attempt whose answer was lost: adopt it if it matches.
                existing = await self.driver.get_service(caller.tenant, namespace, name)
                if existing is None:
                    raise
        view = ServiceView(existing)
        require_same_version(view, source)
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
        updated = await self._patch(caller, view, {"spec": {"predictor": predictor}}, resource_version)
        await self._record(caller, "update", updated, await self._environment_of(caller, view))
        return updated

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
        env = await self._environment_of(caller, view)
        source = await self.registry.find_model_source(caller, model_version_id)
        check_labels(source)
        if env.production:
            require_production_stage(source, env.name)
        current = view.labels.get(MODEL_VERSION_ID)
        if current == source.model_version_id:
            # Already rolled out (a retry): only the traffic split may still differ.
            patch: dict[str, Any] = {
                "spec": {"predictor": {"canaryTrafficPercent": _canary_value(canary_percent)}}
            }
        else:
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
        moved = False
        if env.production and _canary_value(canary_percent) is None:
            require_fresh(view, resource_version)
            moved = await self._move_to_production(
                caller, source, f"rolled out to all traffic of {view.id} in production environment {env.name}"
            )
        if current == source.model_version_id and view.predictor.get(
            "canaryTrafficPercent"
        ) == _canary_value(canary_percent):
            updated = view
        else:
            try:
                updated = await self._patch(caller, view, patch, resource_version)
            except ModelplaneError as error:
                if moved:
                    raise _after_move(error, source) from error
                raise
        await self._record(caller, "rollout", updated, env, moved_to_production=moved)
        return updated

    async def set_canary(
        self, caller: Caller, service_id: str, percent: int, resource_version: str | None
    ) -> ServiceView:
        check_percent(percent)
        view = await self.require(caller, service_id)
        require_previous(view, "change the canary traffic")
        env = await self._environment_of(caller, view)
        moved = False
        source: ModelSource | None = None
        if env.production:
            source = await self._serving_source(caller, view)
            require_production_stage(source, env.name)
            if _canary_value(percent) is None:
                require_fresh(view, resource_version)
                moved = await self._move_to_production(
                    caller, source, f"given all traffic of {view.id} in production environment {env.name}"
                )
        patch = {
            "metadata": {"annotations": {ROLLED_BACK: None}},
            "spec": {"predictor": {"canaryTrafficPercent": _canary_value(percent)}},
        }
        try:
            updated = await self._patch(caller, view, patch, resource_version)
        except ModelplaneError as error:
            if moved and source is not None:
                raise _after_move(error, source) from error
            raise
        await self._record(caller, "set_traffic", updated, env, moved_to_production=moved)
        return updated

    async def promote(self, caller: Caller, service_id: str, resource_version: str | None) -> ServiceView:
        """All traffic to the latest rolled-out version. In a production environment that
        version moves to PRODUCTION first: if the registry refuses (a policy fails, the
        stage changed), nothing is patched and the canary split stays as it was."""
        view = await self.require(caller, service_id)
        env = await self._environment_of(caller, view)
        moved = False
        source: ModelSource | None = None
        if env.production:
            source = await self._serving_source(caller, view)
            require_production_stage(source, env.name)
            require_fresh(view, resource_version)
            moved = await self._move_to_production(
                caller, source, f"promoted {view.id} in production environment {env.name}"
            )
        patch = {
            "metadata": {"annotations": {ROLLED_BACK: None}},
            "spec": {"predictor": {"canaryTrafficPercent": None}},
        }
        try:
            updated = await self._patch(caller, view, patch, resource_version)
        except ModelplaneError as error:
            if moved and source is not None:
                raise _after_move(error, source) from error
            raise
        await self._record(caller, "promote", updated, env, moved_to_production=moved)
        return updated

    async def rollback(self, caller: Caller, service_id: str, resource_version: str | None) -> ServiceView:
        """All traffic to the previous rolled-out revision, as KServe does for a canary at 0%.
        Never gated: going back to what served before must always be possible."""
        view = await self.require(caller, service_id)
        require_previous(view, "roll back")
        patch = {
            "metadata": {"annotations": {ROLLED_BACK: "true"}},
            "spec": {"predictor": {"canaryTrafficPercent": 0}},
        }
        updated = await self._patch(caller, view, patch, resource_version)
        await self._record(caller, "rollback", updated, await self._environment_of(caller, view))
        return updated

    async def undeploy(self, caller: Caller, service_id: str, resource_version: str | None) -> ServiceView:
        """Stops serving but keeps the resource, so its link to the registry stays visible."""
        view = await self.require(caller, service_id)
        patch = {"metadata": {"annotations": {DESIRED_STATE: "UNDEPLOYED", STOP_ANNOTATION: "true"}}}
        updated = await self._patch(caller, view, patch, resource_version)
        await self._record(caller, "undeploy", updated, await self._environment_of(caller, view))
        return updated

    async def delete(self, caller: Caller, service_id: str) -> bool:
        """Removes the resource; False when it was already gone (a retried delete)."""
        namespace, name = parse_service_id(service_id)
        stored = await self.driver.get_service(caller.tenant, namespace, name)
        if stored is None:
            return False
        view = ServiceView(stored)
        env = await self._environment_of(caller, view)
        try:
            await self.driver.delete_service(caller.tenant, namespace, name)
        except NotFound:
            return False
        await self._record(caller, "delete", view, env)
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

    # Governance: the production gate, the move to PRODUCTION, the audit trail.

    async def _environment(self, caller: Caller, name: str) -> Environment:
        env = await self.driver.get_environment(caller.tenant, name)
        if env is None:
            raise NotFound(
                f"serving environment {name!r} not found",
                suggestion="create it first (createServingEnvironment)",
            )
        return env

    async def _environment_of(self, caller: Caller, view: ServiceView) -> Environment:
        """The service's environment; a namespace Modelplane does not manage (no record) is
        not marked production."""
        env = await self.driver.get_environment(caller.tenant, view.namespace)
        if env is None:
            return Environment(name=view.namespace, description="", production=False, tenant=caller.tenant)
        return env

    async def _serving_source(self, caller: Caller, view: ServiceView) -> ModelSource:
        """The registry's view of the version the service's latest revision serves."""
        version = view.labels.get(MODEL_VERSION_ID)
        if not version:
            raise FailedPrecondition(f"inference service {view.id!r} is not linked to a model version")
        return await self.registry.find_model_source(caller, version)

    async def _move_to_production(self, caller: Caller, source: ModelSource, reason: str) -> bool:
        """Moves the version to PRODUCTION; False when it already was. The registry checks
        the move (legal from the current stage, policies for PRODUCTION pass) and records
        it; a refusal reaches the caller with the registry's code and extensions."""
        if source.stage == PRODUCTION_STAGE:
            return False
        try:
            await self.registry.move_to_production(caller, source.model_version_id, reason)
        except FailedPrecondition:
            # Moved meanwhile by a concurrent promotion? Then there is nothing left to do.
            again = await self.registry.find_model_source(caller, source.model_version_id)
            if again.stage == PRODUCTION_STAGE:
                return False
            raise
        return True

    async def _record(
        self,
        caller: Caller,
        action: str,
        view: ServiceView,
        env: Environment,
        *,
        moved_to_production: bool = False,
    ) -> None:
        """Appends `deployment.<action>` to the served version's audit trail. The action has
        taken effect by now: when the registry cannot record it, the caller is told so, and
        retrying the same mutation (which changes nothing more) records it."""
        version = view.labels.get(MODEL_VERSION_ID)
        if not version:
            return  # not one of ours: no version to attach the event to
        event = DeploymentEvent(
            model_version_id=version,
            action=action,
            environment=env.name,
            deployment=view.id,
            production=env.production,
            details=event_details(view, self.driver.mode, moved_to_production),
        )
        try:
            await self.registry.record_deployment_event(caller, event)
        except ModelplaneError as error:
            retry = (
                "retry the same mutation: it changes nothing more and records the event"
                if action != "delete"
                else "the inference service is gone; record the deletion by hand"
            )
            raise Unavailable(
                f"{action} of inference service {view.id!r} took effect, but the registry did not "
                f"record its audit event: {error.message}",
                suggestion=retry,
                actionApplied=True,
            ) from None


def event_details(view: ServiceView, driver_mode: str, moved_to_production: bool) -> dict[str, Any]:
    """What the audit event says about the service after the action."""
    canary = view.predictor.get("canaryTrafficPercent")
    details: dict[str, Any] = {
        "modelVersionId": view.labels.get(MODEL_VERSION_ID),
        "previousModelVersionId": view.labels.get(PREVIOUS_MODEL_VERSION_ID),
        "trafficPercent": 100 if canary is None else canary,
        "rolledBack": view.annotations.get(ROLLED_BACK) == "true",
        "desiredState": view.annotations.get(DESIRED_STATE, "DEPLOYED"),
        "storageUri": view.model.get("storageUri"),
        "resourceVersion": view.metadata.get("resourceVersion"),
        "generation": view.metadata.get("generation"),
        "applied": view.stored.applied,
        "driver": driver_mode,
        "movedToProduction": moved_to_production,
    }
    return {key: value for key, value in details.items() if value is not None}


def _after_move(error: ModelplaneError, source: ModelSource) -> ModelplaneError:
    """The cluster refused after the registry moved the version to PRODUCTION: say so, keep
    the code; a retry finds the version in PRODUCTION and only patches."""
    return type(error)(
        f"{error.message} (model version {source.model_version_id} was already moved to PRODUCTION; "
        "retry to finish the change)",
        suggestion=error.suggestion,
        **error.extra,
    )


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


def require_production_stage(source: ModelSource, environment: str) -> None:
    """The production gate: only APPROVED_PROD or PRODUCTION versions serve in production."""
    if source.stage in PRODUCTION_READY_STAGES:
        return
    stage = source.stage or "unknown"
    raise FailedPrecondition(
        f"model version {source.model_version_id} is in stage {stage}; the production "
        f"environment {environment!r} serves only versions in APPROVED_PROD or PRODUCTION",
        suggestion=(
            "have it approved for production first: approvals for APPROVED_PROD, then "
            "transitionModelVersion(to: APPROVED_PROD); or deploy to a non-production environment"
        ),
        stage=stage,
        requiredStages=list(PRODUCTION_READY_STAGES),
        environment=environment,
    )


def require_same_version(view: ServiceView, source: ModelSource) -> None:
    if view.labels.get(MODEL_VERSION_ID) != source.model_version_id:
        raise Conflict(
            f"inference service {view.id!r} already exists and serves model version "
            f"{view.labels.get(MODEL_VERSION_ID)}",
            suggestion="use rolloutModelVersion to move it to another version",
        )


def require_fresh(view: ServiceView, resource_version: str | None) -> None:
    """A stale resourceVersion is refused before the registry is asked to move anything."""
    current = view.metadata.get("resourceVersion")
    if resource_version is not None and current is not None and resource_version != current:
        raise Conflict(
            f"inference service {view.id!r} changed concurrently (resourceVersion "
            f"{resource_version} is not the current {current})",
            suggestion="read the latest resourceVersion and retry",
        )
