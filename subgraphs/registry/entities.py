"""What the repository knows about each entity: its table, parent and filterable fields."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table

from subgraphs.registry import tables
from subgraphs.registry.filters import INTEGER, NUMBER, TEXT, FilterField

ARTIFACT_TYPES = ("model-artifact", "doc-artifact", "dataset-artifact", "metric", "parameter")


def _fields(**spec: tuple[str, str]) -> dict[str, FilterField]:
    """camelCase names as in the Kubeflow API, each also under its column's snake_case name."""
    out: dict[str, FilterField] = {}
    for name, (column, kind) in spec.items():
        out[name] = FilterField(column, kind)
        out[column] = FilterField(column, kind)
    return out


_COMMON = {
    "id": ("id", INTEGER),
    "name": ("name", TEXT),
    "description": ("description", TEXT),
    "externalId": ("external_id", TEXT),
    "createTimeSinceEpoch": ("created_at", INTEGER),
    "lastUpdateTimeSinceEpoch": ("updated_at", INTEGER),
    "state": ("state", TEXT),
}


@dataclass(frozen=True, slots=True, eq=False)
class EntitySpec:
    kind: str  # also the entity_kind of its custom properties
    label: str  # for messages: "registered model"
    table: Table
    fields: dict[str, FilterField] = field(default_factory=dict)


REGISTERED_MODEL = EntitySpec(
    "model",
    "registered model",
    tables.registered_models,
    _fields(
        **_COMMON,
        owner=("owner", TEXT),
        maturity=("maturity", TEXT),
        provider=("provider", TEXT),
        license=("license", TEXT),
        licenseLink=("license_link", TEXT),
        libraryName=("library_name", TEXT),
        readme=("readme", TEXT),
    ),
)

MODEL_VERSION = EntitySpec(
    "version",
    "model version",
    tables.model_versions,
    _fields(
        **_COMMON,
        author=("author", TEXT),
        registeredModelId=("registered_model_id", INTEGER),
    ),
)

ARTIFACT = EntitySpec(
    "artifact",
    "artifact",
    tables.artifacts,
    _fields(
        **_COMMON,
        artifactType=("artifact_type", TEXT),
        uri=("uri", TEXT),
        modelFormatName=("model_format_name", TEXT),
        modelFormatVersion=("model_format_version", TEXT),
        storageKey=("storage_key", TEXT),
        storagePath=("storage_path", TEXT),
        serviceAccountName=("service_account_name", TEXT),
        modelSourceKind=("model_source_kind", TEXT),
        modelSourceClass=("model_source_class", TEXT),
        modelSourceGroup=("model_source_group", TEXT),
        modelSourceId=("model_source_id", TEXT),
        modelSourceName=("model_source_name", TEXT),
        digest=("digest", TEXT),
        sourceType=("source_type", TEXT),
        source=("source", TEXT),
        metricValue=("metric_value", NUMBER),
        step=("metric_step", INTEGER),
        parameterValue=("parameter_value", TEXT),
        parameterType=("parameter_type", TEXT),
    ),
)

EXPERIMENT = EntitySpec(
    "experiment",
    "experiment",
    tables.experiments,
    _fields(**_COMMON, owner=("owner", TEXT)),
)

EXPERIMENT_RUN = EntitySpec(
    "run",
    "experiment run",
    tables.experiment_runs,
    _fields(
        **_COMMON,
        owner=("owner", TEXT),
        status=("status", TEXT),
        experimentId=("experiment_id", INTEGER),
        startTimeSinceEpoch=("start_time", INTEGER),
        endTimeSinceEpoch=("end_time", INTEGER),
    ),
)

SPECS = {
    spec.kind: spec
    for spec in (REGISTERED_MODEL, MODEL_VERSION, ARTIFACT, EXPERIMENT, EXPERIMENT_RUN)
}


@dataclass(frozen=True, slots=True)
class Relation:
    """Children of a parent: the child entity, its parent column and any fixed conditions."""

    child: EntitySpec
    parent_column: str
    scope: tuple[tuple[str, str], ...] = ()


VERSIONS_OF_MODEL = Relation(MODEL_VERSION, "registered_model_id")
RUNS_OF_EXPERIMENT = Relation(EXPERIMENT_RUN, "experiment_id")
ARTIFACTS_OF_VERSION = Relation(ARTIFACT, "parent_id", (("parent_kind", "version"),))
ARTIFACTS_OF_RUN = Relation(ARTIFACT, "parent_id", (("parent_kind", "run"),))
