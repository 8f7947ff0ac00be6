"""The registry's GraphQL object types; nested fields load through the request's DataLoaders."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from subgraphs.registry.connections import Connection, build_connection, build_page_request
from subgraphs.registry.entities import (
    ARTIFACTS_OF_RUN,
    ARTIFACTS_OF_VERSION,
    RUNS_OF_EXPERIMENT,
    VERSIONS_OF_MODEL,
    Relation,
)
from subgraphs.registry.enums import (
    ArtifactState,
    ArtifactType,
    CustomPropertyType,
    ExperimentRunState,
    ExperimentRunStatus,
    ExperimentState,
    ModelVersionState,
    OrderByField,
    ParameterType,
    RegisteredModelState,
    SortOrder,
)
from subgraphs.registry.governance.stages import Stage
from subgraphs.registry.governance.types import (
    Approval,
    EvaluationResult,
    RiskTier,
    StageTransition,
)
from subgraphs.registry.loaders import RegistryLoaders
from subgraphs.registry.pagination import PageRequest
from subgraphs.registry.properties import PropertyValue
from subgraphs.registry.validation import parse_id


def loaders_of(info: strawberry.Info) -> RegistryLoaders:
    loaders: RegistryLoaders = info.context["loaders"]
    return loaders


def iso_time(epoch_ms: int | None) -> str | None:
    if epoch_ms is None:
        return None
    moment = datetime.fromtimestamp(epoch_ms / 1000, tz=UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@strawberry.type
class CustomProperty:
    name: str
    type: CustomPropertyType
    string_value: str | None = None
    int_value: str | None = strawberry.field(
        default=None, description="A 64-bit integer, as a string so that it stays exact."
    )
    double_value: float | None = None
    bool_value: bool | None = None
    struct_value: JSON | None = None

    @strawberry.field(description="A string property with an empty value is a label.")  # type: ignore[untyped-decorator]
    def is_label(self) -> bool:
        return self.type is CustomPropertyType.STRING and self.string_value == ""

    @classmethod
    def from_value(cls, value: PropertyValue) -> CustomProperty:
        return cls(
            name=value.name,
            type=CustomPropertyType(value.type),
            string_value=value.string_value,
            int_value=str(value.int_value) if value.int_value is not None else None,
            double_value=value.double_value,
            bool_value=value.bool_value,
            struct_value=value.struct_value,
        )


async def load_custom_properties(
    info: strawberry.Info, kind: str, entity_id: str
) -> list[CustomProperty]:
    values = await loaders_of(info).properties[kind].load(int(entity_id))
    return [CustomProperty.from_value(value) for value in values]


async def load_children(
    info: strawberry.Info, relation: Relation, parent_id: str, request: PageRequest, to_node: Any
) -> Connection[Any]:
    loaders = loaders_of(info)
    parent = int(parent_id)
    page = await loaders.child_pages.load((relation, parent, request))

    async def count_total() -> int:
        key = (relation, parent, request.filter, request.artifact_type)
        return await loaders.child_counts.load(key)

    return build_connection(page, to_node, count_total)


@strawberry.type
class Timestamps:
    created_at: str = strawberry.field(description="ISO-8601, UTC.")
    updated_at: str = strawberry.field(description="ISO-8601, UTC.")
    create_time_since_epoch: str = strawberry.field(description="Milliseconds since the epoch.")
    last_update_time_since_epoch: str = strawberry.field(
        description="Milliseconds since the epoch."
    )


def _stamps(row: Any) -> dict[str, Any]:
    return {
        "created_at": iso_time(row.created_at),
        "updated_at": iso_time(row.updated_at),
        "create_time_since_epoch": str(row.created_at),
        "last_update_time_since_epoch": str(row.updated_at),
    }


@strawberry.federation.type(keys=["id"])
class RegisteredModel(Timestamps):
    id: strawberry.ID
    name: str
    description: str | None
    external_id: str | None
    owner: str | None
    readme: str | None
    maturity: str | None
    language: list[str]
    tasks: list[str]
    provider: str | None
    logo: str | None
    license: str | None
    license_link: str | None
    library_name: str | None
    state: RegisteredModelState
    risk_tier: RiskTier
    owners: list[str]
    group: str | None
    tags: list[str]

    @classmethod
    def from_row(cls, row: Any) -> RegisteredModel:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            description=row.description,
            external_id=row.external_id,
            owner=row.owner,
            readme=row.readme,
            maturity=row.maturity,
            language=list(row.language or []),
            tasks=list(row.tasks or []),
            provider=row.provider,
            logo=row.logo,
            license=row.license,
            license_link=row.license_link,
            library_name=row.library_name,
            state=RegisteredModelState(row.state),
            risk_tier=RiskTier(row.risk_tier or "LOW"),
            owners=list(row.owners or []),
            group=row.group_name,
            tags=list(row.tags or []),
            **_stamps(row),
        )

    @classmethod
    async def resolve_reference(
        cls, info: strawberry.Info, id: strawberry.ID
    ) -> RegisteredModel | None:
        row = await loaders_of(info).rows["model"].load(parse_id(id))
        return cls.from_row(row) if row is not None else None

    @strawberry.field
    async def custom_properties(self, info: strawberry.Info) -> list[CustomProperty]:
        return await load_custom_properties(info, "model", self.id)

    @strawberry.field
    async def versions(
        self,
        info: strawberry.Info,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[ModelVersion]:
        request = build_page_request(first, after, filter_query, order_by, sort_order)
        return await load_children(info, VERSIONS_OF_MODEL, self.id, request, ModelVersion.from_row)


@strawberry.federation.type(keys=["id"])
class ModelVersion(Timestamps):
    id: strawberry.ID
    name: str
    description: str | None
    external_id: str | None
    author: str | None
    state: ModelVersionState
    registered_model_id: strawberry.ID
    stage: Stage = strawberry.field(description="Governance lifecycle stage.")

    @classmethod
    def from_row(cls, row: Any) -> ModelVersion:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            description=row.description,
            external_id=row.external_id,
            author=row.author,
            state=ModelVersionState(row.state),
            registered_model_id=strawberry.ID(str(row.registered_model_id)),
            stage=Stage(row.stage),
            **_stamps(row),
        )

    @classmethod
    async def resolve_reference(
        cls, info: strawberry.Info, id: strawberry.ID
    ) -> ModelVersion | None:
        row = await loaders_of(info).rows["version"].load(parse_id(id))
        return cls.from_row(row) if row is not None else None

    @strawberry.field(description="Every stage change, oldest first: who, when and why.")  # type: ignore[untyped-decorator]
    async def transitions(self, info: strawberry.Info) -> list[StageTransition]:
        from subgraphs.registry.governance.fields import load_transitions

        return await load_transitions(info, self.id)

    @strawberry.field(description="Approval requests and decisions, oldest first.")  # type: ignore[untyped-decorator]
    async def approvals(self, info: strawberry.Info) -> list[Approval]:
        from subgraphs.registry.governance.fields import load_approvals

        return await load_approvals(info, self.id)

    @strawberry.field(description="Evaluation results, one per metric, oldest first.")  # type: ignore[untyped-decorator]
    async def evaluations(self, info: strawberry.Info) -> list[EvaluationResult]:
        from subgraphs.registry.governance.fields import load_evaluations

        return await load_evaluations(info, self.id)

    @strawberry.field
    async def registered_model(self, info: strawberry.Info) -> RegisteredModel:
        row = await loaders_of(info).rows["model"].load(int(self.registered_model_id))
        return RegisteredModel.from_row(row)

    @strawberry.field
    async def custom_properties(self, info: strawberry.Info) -> list[CustomProperty]:
        return await load_custom_properties(info, "version", self.id)

    @strawberry.field
    async def artifacts(
        self,
        info: strawberry.Info,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        artifact_type: ArtifactType | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[Artifact]:
        kind = artifact_type.value if artifact_type is not None else None
        request = build_page_request(first, after, filter_query, order_by, sort_order, kind)
        return await load_children(info, ARTIFACTS_OF_VERSION, self.id, request, artifact_from_row)


@strawberry.interface
class Artifact(Timestamps):
    id: strawberry.ID
    name: str
    description: str | None
    external_id: str | None
    uri: str | None
    state: ArtifactState
    artifact_type: ArtifactType

    @strawberry.field
    async def custom_properties(self, info: strawberry.Info) -> list[CustomProperty]:
        return await load_custom_properties(info, "artifact", self.id)


def _artifact_common(row: Any) -> dict[str, Any]:
    return {
        "id": strawberry.ID(str(row.id)),
        "name": row.name,
        "description": row.description,
        "external_id": row.external_id,
        "uri": row.uri,
        "state": ArtifactState(row.state),
        "artifact_type": ArtifactType(row.artifact_type),
        **_stamps(row),
    }


@strawberry.federation.type(keys=["id"])
class ModelArtifact(Artifact):
    model_format_name: str | None
    model_format_version: str | None
    storage_key: str | None
    storage_path: str | None
    service_account_name: str | None
    model_source_kind: str | None
    model_source_class: str | None
    model_source_group: str | None
    model_source_id: str | None
    model_source_name: str | None

    @classmethod
    def from_row(cls, row: Any) -> ModelArtifact:
        return cls(
            **_artifact_common(row),
            model_format_name=row.model_format_name,
            model_format_version=row.model_format_version,
            storage_key=row.storage_key,
            storage_path=row.storage_path,
            service_account_name=row.service_account_name,
            model_source_kind=row.model_source_kind,
            model_source_class=row.model_source_class,
            model_source_group=row.model_source_group,
            model_source_id=row.model_source_id,
            model_source_name=row.model_source_name,
        )

    @classmethod
    async def resolve_reference(
        cls, info: strawberry.Info, id: strawberry.ID
    ) -> ModelArtifact | None:
        row = await loaders_of(info).rows["artifact"].load(parse_id(id))
        if row is None or row.artifact_type != ArtifactType.MODEL_ARTIFACT.value:
            return None
        return cls.from_row(row)


@strawberry.type
class DocArtifact(Artifact):
    @classmethod
    def from_row(cls, row: Any) -> DocArtifact:
        return cls(**_artifact_common(row))


@strawberry.type
class DataSet(Artifact):
    digest: str | None
    source_type: str | None
    source: str | None
    schema: str | None
    profile: str | None

    @classmethod
    def from_row(cls, row: Any) -> DataSet:
        return cls(
            **_artifact_common(row),
            digest=row.digest,
            source_type=row.source_type,
            source=row.source,
            schema=row.schema,
            profile=row.profile,
        )


@strawberry.type
class Metric(Artifact):
    value: float | None
    timestamp: str | None = strawberry.field(description="Milliseconds since the epoch.")
    step: int | None

    @classmethod
    def from_row(cls, row: Any) -> Metric:
        stamp = row.metric_timestamp
        return cls(
            **_artifact_common(row),
            value=row.metric_value,
            timestamp=str(stamp) if stamp is not None else None,
            step=row.metric_step,
        )


@strawberry.type
class Parameter(Artifact):
    value: str | None
    parameter_type: ParameterType | None

    @classmethod
    def from_row(cls, row: Any) -> Parameter:
        kind = row.parameter_type
        return cls(
            **_artifact_common(row),
            value=row.parameter_value,
            parameter_type=ParameterType(kind) if kind is not None else None,
        )


ARTIFACT_CLASSES: dict[str, Any] = {
    "model-artifact": ModelArtifact,
    "doc-artifact": DocArtifact,
    "dataset-artifact": DataSet,
    "metric": Metric,
    "parameter": Parameter,
}


def artifact_from_row(row: Any) -> Artifact:
    node: Artifact = ARTIFACT_CLASSES[row.artifact_type].from_row(row)
    return node


@strawberry.type
class Experiment(Timestamps):
    id: strawberry.ID
    name: str
    description: str | None
    external_id: str | None
    owner: str | None
    state: ExperimentState

    @classmethod
    def from_row(cls, row: Any) -> Experiment:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            description=row.description,
            external_id=row.external_id,
            owner=row.owner,
            state=ExperimentState(row.state),
            **_stamps(row),
        )

    @strawberry.field
    async def custom_properties(self, info: strawberry.Info) -> list[CustomProperty]:
        return await load_custom_properties(info, "experiment", self.id)

    @strawberry.field
    async def runs(
        self,
        info: strawberry.Info,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[ExperimentRun]:
        request = build_page_request(first, after, filter_query, order_by, sort_order)
        return await load_children(
            info, RUNS_OF_EXPERIMENT, self.id, request, ExperimentRun.from_row
        )


@strawberry.type
class MetricPoint:
    name: str
    step: int
    value: float
    timestamp: str = strawberry.field(description="Milliseconds since the epoch.")


@strawberry.type
class ExperimentRun(Timestamps):
    id: strawberry.ID
    name: str
    description: str | None
    external_id: str | None
    owner: str | None
    state: ExperimentRunState
    status: ExperimentRunStatus
    start_time: str | None = strawberry.field(description="ISO-8601, UTC.")
    end_time: str | None = strawberry.field(description="ISO-8601, UTC.")
    experiment_id: strawberry.ID

    @classmethod
    def from_row(cls, row: Any) -> ExperimentRun:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            description=row.description,
            external_id=row.external_id,
            owner=row.owner,
            state=ExperimentRunState(row.state),
            status=ExperimentRunStatus(row.status),
            start_time=iso_time(row.start_time),
            end_time=iso_time(row.end_time),
            experiment_id=strawberry.ID(str(row.experiment_id)),
            **_stamps(row),
        )

    @strawberry.field
    async def experiment(self, info: strawberry.Info) -> Experiment:
        row = await loaders_of(info).rows["experiment"].load(int(self.experiment_id))
        return Experiment.from_row(row)

    @strawberry.field
    async def custom_properties(self, info: strawberry.Info) -> list[CustomProperty]:
        return await load_custom_properties(info, "run", self.id)

    @strawberry.field
    async def artifacts(
        self,
        info: strawberry.Info,
        first: int | None = 20,
        after: str | None = None,
        filter_query: str | None = None,
        artifact_type: ArtifactType | None = None,
        order_by: OrderByField | None = OrderByField.ID,
        sort_order: SortOrder | None = SortOrder.ASC,
    ) -> Connection[Artifact]:
        kind = artifact_type.value if artifact_type is not None else None
        request = build_page_request(first, after, filter_query, order_by, sort_order, kind)
        return await load_children(info, ARTIFACTS_OF_RUN, self.id, request, artifact_from_row)

    @strawberry.field(description="Every logged value of the run's metrics, by name and step.")  # type: ignore[untyped-decorator]
    async def metric_history(
        self, info: strawberry.Info, name: str | None = None
    ) -> list[MetricPoint]:
        rows = await loaders_of(info).metric_history.load(int(self.id))
        return [
            MetricPoint(name=row.name, step=row.step, value=row.value, timestamp=str(row.timestamp))
            for row in rows
            if name is None or row.name == name
        ]
