"""The deploy subgraph's GraphQL schema: thin types over `Deployments` and the driver."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from common.authorization import DEPLOY_READ, DEPLOY_WRITE, require_scopes
from common.graphql_errors import ErrorCodes
from common.tenancy import Caller
from subgraphs.deploy.deployments import STOP_ANNOTATION, Deployments
from subgraphs.deploy.records import Environment, Resources, Serving, ServingRuntime
from subgraphs.deploy.resource import (
    DESIRED_STATE,
    MODEL_ARTIFACT_ID,
    MODEL_VERSION_ID,
    PREVIOUS_MODEL_VERSION_ID,
    REGISTERED_MODEL_ID,
    ROLLED_BACK,
    ServiceView,
    render_yaml,
)


def _deployments(info: Info) -> Deployments:
    return info.context["deployments"]  # type: ignore[no-any-return]


def _caller(info: Info) -> Caller:
    return info.context["caller"]  # type: ignore[no-any-return]


@strawberry.enum
class DesiredState(Enum):
    DEPLOYED = "DEPLOYED"
    UNDEPLOYED = "UNDEPLOYED"


@strawberry.enum
class ServingState(Enum):
    NOT_APPLIED = "NOT_APPLIED"
    PENDING = "PENDING"
    READY = "READY"
    NOT_READY = "NOT_READY"
    STOPPED = "STOPPED"


@strawberry.enum
class DriverMode(Enum):
    KUBERNETES = "kubernetes"
    MANIFEST = "manifest"


@strawberry.type(description="Where deployments go: a Kubernetes cluster, or rendered manifests only.")
class DeployDriverInfo:
    mode: DriverMode
    applies_to_cluster: bool
    description: str


@strawberry.type
class ModelFormat:
    name: str
    version: str | None


@strawberry.type
class ResourceRequirements:
    cpu_request: str | None
    memory_request: str | None
    cpu_limit: str | None
    memory_limit: str | None
    gpu_limit: str | None


@strawberry.type
class StatusCondition:
    type: str
    status: str
    reason: str | None
    message: str | None
    last_transition_time: str | None


@strawberry.type
class TrafficTarget:
    revision_name: str | None
    percent: int | None
    latest_revision: bool | None
    tag: str | None


@strawberry.type(description="Live status, read from the InferenceService's status subresource.")
class InferenceServiceStatus:
    state: ServingState
    ready: bool
    url: str | None
    conditions: list[StatusCondition]
    traffic: list[TrafficTarget]
    latest_ready_revision: str | None
    previous_rolled_out_revision: str | None
    last_error: str | None
    observed_generation: int | None


@strawberry.type(name="ServingRuntime")
class ServingRuntimeType:
    name: str
    environment: str
    model_formats: list[str]
    disabled: bool
    multi_model: bool


@strawberry.type(name="ServingEnvironment")
class ServingEnvironment:
    name: str
    description: str
    production: bool
    created_at: str | None

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="The Kubernetes namespace this environment is."
    )
    def namespace(self) -> str:
        return self.name

    @strawberry.field
    async def inference_services(self, info: Info) -> list[InferenceService]:
        found = await _deployments(info).list(_caller(info), environment=self.name)
        return [InferenceService.from_view(v) for v in found]

    @strawberry.field
    async def serving_runtimes(self, info: Info) -> list[ServingRuntimeType]:
        found = await _deployments(info).list_runtimes(_caller(info), self.name)
        return [_runtime(r) for r in found]

    @classmethod
    def from_record(cls, env: Environment) -> ServingEnvironment:
        return cls(name=env.name, description=env.description, production=env.production, created_at=env.created_at)


@strawberry.federation.type(keys=["id"], description="A registry model version, seen from deploy.")
class ModelVersion:
    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> ModelVersion:
        return cls(id=id)

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="Inference services whose current spec serves this version."
    )
    async def deployments(self, info: Info) -> list[InferenceService]:
        found = await _deployments(info).list(_caller(info), model_version_id=str(self.id))
        return [InferenceService.from_view(v) for v in found]


@strawberry.federation.type(keys=["id"], description="A KServe InferenceService (serving.kserve.io/v1beta1).")
class InferenceService:
    id: strawberry.ID
    view: strawberry.Private[ServiceView]

    @classmethod
    def from_view(cls, view: ServiceView) -> InferenceService:
        return cls(id=strawberry.ID(view.id), view=view)

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> InferenceService | None:
        view = await _deployments(info).get(_caller(info), str(id))
        return None if view is None else cls.from_view(view)

    @strawberry.field
    def name(self) -> str:
        return self.view.name

    @strawberry.field
    async def environment(self, info: Info) -> ServingEnvironment | None:
        env = await _deployments(info).driver.get_environment(_caller(info).tenant, self.view.namespace)
        return None if env is None else ServingEnvironment.from_record(env)

    @strawberry.field
    def environment_name(self) -> str:
        return self.view.namespace

    @strawberry.field
    def model_version(self) -> ModelVersion | None:
        version = self.view.labels.get(MODEL_VERSION_ID)
        return None if version is None else ModelVersion(id=strawberry.ID(version))

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="The version the canary replaces (traffic goes back to it on rollback)."
    )
    def previous_model_version(self) -> ModelVersion | None:
        version = self.view.labels.get(PREVIOUS_MODEL_VERSION_ID)
        return None if version is None else ModelVersion(id=strawberry.ID(version))

    @strawberry.field
    def registered_model_id(self) -> strawberry.ID | None:
        value = self.view.labels.get(REGISTERED_MODEL_ID)
        return None if value is None else strawberry.ID(value)

    @strawberry.field
    def model_artifact_id(self) -> strawberry.ID | None:
        value = self.view.labels.get(MODEL_ARTIFACT_ID)
        return None if value is None else strawberry.ID(value)

    @strawberry.field
    def runtime(self) -> str | None:
        return self.view.model.get("runtime")

    @strawberry.field
    def model_format(self) -> ModelFormat | None:
        fmt = self.view.model.get("modelFormat")
        if not isinstance(fmt, dict) or not fmt.get("name"):
            return None
        return ModelFormat(name=str(fmt["name"]), version=fmt.get("version"))

    @strawberry.field
    def storage_uri(self) -> str | None:
        return self.view.model.get("storageUri")

    @strawberry.field
    def resources(self) -> ResourceRequirements:
        res = self.view.model.get("resources") or {}
        requests, limits = res.get("requests") or {}, res.get("limits") or {}
        return ResourceRequirements(
            cpu_request=_quantity(requests.get("cpu")),
            memory_request=_quantity(requests.get("memory")),
            cpu_limit=_quantity(limits.get("cpu")),
            memory_limit=_quantity(limits.get("memory")),
            gpu_limit=_quantity(limits.get("nvidia.com/gpu")),
        )

    @strawberry.field
    def min_replicas(self) -> int | None:
        return self.view.predictor.get("minReplicas")

    @strawberry.field
    def max_replicas(self) -> int | None:
        return self.view.predictor.get("maxReplicas")

    @strawberry.field
    def scale_metric(self) -> str | None:
        return self.view.predictor.get("scaleMetric")

    @strawberry.field
    def scale_target(self) -> int | None:
        return self.view.predictor.get("scaleTarget")

    @strawberry.field
    def desired_state(self) -> DesiredState:
        return DesiredState(self.view.annotations.get(DESIRED_STATE, "DEPLOYED"))

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="Traffic share of the latest revision; null when it has all of it."
    )
    def canary_traffic_percent(self) -> int | None:
        return self.view.predictor.get("canaryTrafficPercent")

    @strawberry.field
    def rolled_back(self) -> bool:
        return self.view.annotations.get(ROLLED_BACK) == "true"

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="False when the manifest was only rendered (no cluster configured)."
    )
    def applied(self) -> bool:
        return self.view.stored.applied

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="The InferenceService manifest, as YAML."
    )
    def manifest(self) -> str:
        return render_yaml(self.view.body)

    @strawberry.field
    def resource_version(self) -> str | None:
        return self.view.metadata.get("resourceVersion")

    @strawberry.field
    def generation(self) -> int | None:
        return self.view.metadata.get("generation")

    @strawberry.field
    def uid(self) -> str | None:
        return self.view.metadata.get("uid")

    @strawberry.field
    def created_at(self) -> str | None:
        return self.view.metadata.get("creationTimestamp")

    @strawberry.field
    def status(self) -> InferenceServiceStatus:
        return read_status(self.view)


def read_status(view: ServiceView) -> InferenceServiceStatus:
    """The live status of `view`; a manifest that was never applied has none to show."""
    status = view.status
    conditions = [
        StatusCondition(
            type=str(c.get("type", "")),
            status=str(c.get("status", "Unknown")),
            reason=c.get("reason"),
            message=c.get("message"),
            last_transition_time=c.get("lastTransitionTime"),
        )
        for c in status.get("conditions") or []
        if isinstance(c, dict)
    ]
    predictor = (status.get("components") or {}).get("predictor") or {}
    traffic = [
        TrafficTarget(
            revision_name=t.get("revisionName"),
            percent=t.get("percent"),
            latest_revision=t.get("latestRevision"),
            tag=t.get("tag"),
        )
        for t in predictor.get("traffic") or []
        if isinstance(t, dict)
    ]
    ready_condition = next((c for c in conditions if c.type == "Ready"), None)
    ready = view.stored.applied and ready_condition is not None and ready_condition.status == "True"
    return InferenceServiceStatus(
        state=_state(view, ready_condition),
        ready=ready,
        url=status.get("url") if view.stored.applied else None,
        conditions=conditions,
        traffic=traffic,
        latest_ready_revision=predictor.get("latestReadyRevision"),
        previous_rolled_out_revision=predictor.get("previousRolledoutRevision"),
        last_error=_last_error(status, conditions),
        observed_generation=status.get("observedGeneration"),
    )


def _state(view: ServiceView, ready: StatusCondition | None) -> ServingState:
    if not view.stored.applied:
        return ServingState.NOT_APPLIED
    if view.annotations.get(STOP_ANNOTATION) == "true":
        return ServingState.STOPPED
    if ready is None or ready.status == "Unknown":
        return ServingState.PENDING
    return ServingState.READY if ready.status == "True" else ServingState.NOT_READY


def _last_error(status: dict[str, Any], conditions: list[StatusCondition]) -> str | None:
    failure = (status.get("modelStatus") or {}).get("lastFailureInfo") or {}
    if failure.get("message"):
        return str(failure["message"])
    failed = [c for c in conditions if c.status == "False" and c.message]
    return failed[0].message if failed else None


def _quantity(value: object) -> str | None:
    return None if value is None else str(value)


def _runtime(runtime: ServingRuntime) -> ServingRuntimeType:
    return ServingRuntimeType(
        name=runtime.name,
        environment=runtime.namespace,
        model_formats=list(runtime.model_formats),
        disabled=runtime.disabled,
        multi_model=runtime.multi_model,
    )


@strawberry.input
class ResourcesInput:
    cpu_request: str | None = None
    memory_request: str | None = None
    cpu_limit: str | None = None
    memory_limit: str | None = None
    gpu_limit: str | None = None

    def to_record(self) -> Resources:
        return Resources(self.cpu_request, self.memory_request, self.cpu_limit, self.memory_limit, self.gpu_limit)


@strawberry.input
class CreateServingEnvironmentInput:
    name: str
    description: str = ""
    production: bool = False


@strawberry.input
class DeployModelVersionInput:
    model_version_id: strawberry.ID
    environment: str
    name: str | None = strawberry.field(
        default=None, description="Default: derived from the model name and version id."
    )
    runtime: str | None = None
    resources: ResourcesInput | None = None
    min_replicas: int | None = None
    max_replicas: int | None = None
    scale_metric: str | None = None
    scale_target: int | None = None

    def serving(self) -> Serving:
        return Serving(
            runtime=self.runtime,
            resources=self.resources.to_record() if self.resources else None,
            min_replicas=self.min_replicas,
            max_replicas=self.max_replicas,
            scale_metric=self.scale_metric,
            scale_target=self.scale_target,
        )


@strawberry.input
class UpdateInferenceServiceInput:
    id: strawberry.ID
    resource_version: str | None = None
    runtime: str | None = None
    resources: ResourcesInput | None = None
    min_replicas: int | None = None
    max_replicas: int | None = None
    scale_metric: str | None = None
    scale_target: int | None = None

    def serving(self) -> Serving:
        return Serving(
            runtime=self.runtime,
            resources=self.resources.to_record() if self.resources else None,
            min_replicas=self.min_replicas,
            max_replicas=self.max_replicas,
            scale_metric=self.scale_metric,
            scale_target=self.scale_target,
        )


@strawberry.input(description="Roll a new version out: canary N%, 0 for blue/green, null for all at once.")
class RolloutModelVersionInput:
    id: strawberry.ID
    model_version_id: strawberry.ID
    canary_traffic_percent: int | None = None
    resource_version: str | None = None


@strawberry.type
class DeleteInferenceServicePayload:
    id: strawberry.ID
    deleted: bool


@strawberry.type
class Query:
    @strawberry.field
    def deploy_driver(self, info: Info) -> DeployDriverInfo:
        mode = DriverMode(_deployments(info).driver.mode)
        if mode is DriverMode.KUBERNETES:
            text = "InferenceServices are applied to the configured Kubernetes cluster."
        else:
            text = (
                "No Kubernetes cluster is configured: manifests are rendered and stored, "
                "nothing is applied or served (status NOT_APPLIED)."
            )
        return DeployDriverInfo(mode=mode, applies_to_cluster=mode is DriverMode.KUBERNETES, description=text)

    @strawberry.field
    async def serving_environments(self, info: Info) -> list[ServingEnvironment]:
        found = await _deployments(info).driver.list_environments(_caller(info).tenant)
        return [ServingEnvironment.from_record(e) for e in found]

    @strawberry.field
    async def serving_environment(self, info: Info, name: str) -> ServingEnvironment | None:
        env = await _deployments(info).driver.get_environment(_caller(info).tenant, name)
        return None if env is None else ServingEnvironment.from_record(env)

    @strawberry.field
    async def inference_services(
        self, info: Info, environment: str | None = None, model_version_id: strawberry.ID | None = None
    ) -> list[InferenceService]:
        found = await _deployments(info).list(
            _caller(info), environment=environment,
            model_version_id=None if model_version_id is None else str(model_version_id),
        )
        return [InferenceService.from_view(v) for v in found]

    @strawberry.field
    async def inference_service(self, info: Info, id: strawberry.ID) -> InferenceService | None:
        view = await _deployments(info).get(_caller(info), str(id))
        return None if view is None else InferenceService.from_view(view)

    @strawberry.field
    async def list_serving_runtimes(self, info: Info, environment: str) -> list[ServingRuntimeType]:
        found = await _deployments(info).list_runtimes(_caller(info), environment)
        return [_runtime(r) for r in found]


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def create_serving_environment(
        self, info: Info, input: CreateServingEnvironmentInput
    ) -> ServingEnvironment:
        env = await _deployments(info).create_environment(
            _caller(info), input.name, input.description, input.production
        )
        return ServingEnvironment.from_record(env)

    @strawberry.mutation
    async def deploy_model_version(self, info: Info, input: DeployModelVersionInput) -> InferenceService:
        view = await _deployments(info).deploy(
            _caller(info),
            model_version_id=str(input.model_version_id),
            environment=input.environment,
            name=input.name,
            serving=input.serving(),
        )
        return InferenceService.from_view(view)

    @strawberry.mutation
    async def update_inference_service(
        self, info: Info, input: UpdateInferenceServiceInput
    ) -> InferenceService:
        view = await _deployments(info).update(
            _caller(info), str(input.id), input.serving(), input.resource_version
        )
        return InferenceService.from_view(view)

    @strawberry.mutation
    async def rollout_model_version(self, info: Info, input: RolloutModelVersionInput) -> InferenceService:
        view = await _deployments(info).rollout(
            _caller(info), str(input.id), str(input.model_version_id),
            input.canary_traffic_percent, input.resource_version,
        )
        return InferenceService.from_view(view)

    @strawberry.mutation
    async def set_canary_traffic(
        self, info: Info, id: strawberry.ID, percent: int, resource_version: str | None = None
    ) -> InferenceService:
        view = await _deployments(info).set_canary(_caller(info), str(id), percent, resource_version)
        return InferenceService.from_view(view)

    @strawberry.mutation
    async def promote_canary(
        self, info: Info, id: strawberry.ID, resource_version: str | None = None
    ) -> InferenceService:
        view = await _deployments(info).promote(_caller(info), str(id), resource_version)
        return InferenceService.from_view(view)

    @strawberry.mutation
    async def rollback_inference_service(
        self, info: Info, id: strawberry.ID, resource_version: str | None = None
    ) -> InferenceService:
        view = await _deployments(info).rollback(_caller(info), str(id), resource_version)
        return InferenceService.from_view(view)

    @strawberry.mutation
    async def undeploy_inference_service(
        self, info: Info, id: strawberry.ID, resource_version: str | None = None
    ) -> InferenceService:
        view = await _deployments(info).undeploy(_caller(info), str(id), resource_version)
        return InferenceService.from_view(view)

    @strawberry.mutation
    async def delete_inference_service(self, info: Info, id: strawberry.ID) -> DeleteInferenceServicePayload:
        deleted = await _deployments(info).delete(_caller(info), str(id))
        return DeleteInferenceServicePayload(id=id, deleted=deleted)


def build_schema() -> strawberry.federation.Schema:
    return strawberry.federation.Schema(
        query=require_scopes(Query, DEPLOY_READ),
        mutation=require_scopes(Mutation, DEPLOY_WRITE),
        types=[require_scopes(ModelVersion, DEPLOY_READ, "deployments"), InferenceService],
        extensions=[ErrorCodes],
        federation_version="2.11",
    )
