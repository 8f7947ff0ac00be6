from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import (
    ArtifactState,
    CustomPropertyType,
    EvaluationKind,
    ExperimentRunState,
    ExperimentRunStatus,
    ExperimentState,
    MetricDirection,
    ModelVersionState,
    ParameterType,
    RegisteredModelState,
    RiskTier,
)


class CreateServingEnvironmentInput(BaseModel):
    name: str
    description: str = ""
    production: bool = False


class DeployModelVersionInput(BaseModel):
    model_version_id: str = Field(alias="modelVersionId")
    environment: str
    name: Optional[str] = None
    "Default: derived from the model name and version id."
    runtime: Optional[str] = None
    resources: Optional["ResourcesInput"] = None
    min_replicas: Optional[int] = Field(alias="minReplicas", default=None)
    max_replicas: Optional[int] = Field(alias="maxReplicas", default=None)
    scale_metric: Optional[str] = Field(alias="scaleMetric", default=None)
    scale_target: Optional[int] = Field(alias="scaleTarget", default=None)


class ResourcesInput(BaseModel):
    cpu_request: Optional[str] = Field(alias="cpuRequest", default=None)
    memory_request: Optional[str] = Field(alias="memoryRequest", default=None)
    cpu_limit: Optional[str] = Field(alias="cpuLimit", default=None)
    memory_limit: Optional[str] = Field(alias="memoryLimit", default=None)
    gpu_limit: Optional[str] = Field(alias="gpuLimit", default=None)


class RolloutModelVersionInput(BaseModel):
    """Roll a new version out: canary N%, 0 for blue/green, null for all at once."""

    id: str
    model_version_id: str = Field(alias="modelVersionId")
    canary_traffic_percent: Optional[int] = Field(
        alias="canaryTrafficPercent", default=None
    )
    resource_version: Optional[str] = Field(alias="resourceVersion", default=None)


class UpdateInferenceServiceInput(BaseModel):
    id: str
    resource_version: Optional[str] = Field(alias="resourceVersion", default=None)
    runtime: Optional[str] = None
    resources: Optional["ResourcesInput"] = None
    min_replicas: Optional[int] = Field(alias="minReplicas", default=None)
    max_replicas: Optional[int] = Field(alias="maxReplicas", default=None)
    scale_metric: Optional[str] = Field(alias="scaleMetric", default=None)
    scale_target: Optional[int] = Field(alias="scaleTarget", default=None)


class ArtifactInput(BaseModel):
    """Exactly one of the fields: the artifact and its type."""

    model_artifact: Optional["ModelArtifactInput"] = Field(
        alias="modelArtifact", default=None
    )
    doc_artifact: Optional["DocArtifactInput"] = Field(
        alias="docArtifact", default=None
    )
    data_set: Optional["DataSetInput"] = Field(alias="dataSet", default=None)
    metric: Optional["MetricInput"] = None
    parameter: Optional["ParameterInput"] = None


class CustomPropertyInput(BaseModel):
    name: str
    type_: Optional[CustomPropertyType] = Field(alias="type", default=None)
    string_value: Optional[str] = Field(alias="stringValue", default=None)
    int_value: Optional[str] = Field(alias="intValue", default=None)
    "A 64-bit integer as a string, so that it stays exact."
    double_value: Optional[float] = Field(alias="doubleValue", default=None)
    bool_value: Optional[bool] = Field(alias="boolValue", default=None)
    struct_value: Optional[Any] = Field(alias="structValue", default=None)


class DataSetInput(BaseModel):
    name: Optional[str] = None
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    uri: Optional[str] = None
    state: Optional[ArtifactState] = None
    digest: Optional[str] = None
    source_type: Optional[str] = Field(alias="sourceType", default=None)
    source: Optional[str] = None
    schema_: Optional[str] = Field(alias="schema", default=None)
    profile: Optional[str] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class DocArtifactInput(BaseModel):
    name: Optional[str] = None
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    uri: Optional[str] = None
    state: Optional[ArtifactState] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class EvaluationSuiteInput(BaseModel):
    name: str
    kind: EvaluationKind
    metrics: list["MetricThresholdInput"]


class ExperimentCreateInput(BaseModel):
    name: str
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    owner: Optional[str] = None
    state: Optional[ExperimentState] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class ExperimentRunCreateInput(BaseModel):
    experiment_id: str = Field(alias="experimentId")
    name: str
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    owner: Optional[str] = None
    state: Optional[ExperimentRunState] = None
    status: Optional[ExperimentRunStatus] = None
    start_time: Optional[str] = Field(alias="startTime", default=None)
    "ISO-8601 or milliseconds since the epoch."
    end_time: Optional[str] = Field(alias="endTime", default=None)
    "ISO-8601 or milliseconds since the epoch."
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class ExperimentRunUpdateInput(BaseModel):
    """Fields to change; names are immutable after create."""

    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    owner: Optional[str] = None
    state: Optional[ExperimentRunState] = None
    status: Optional[ExperimentRunStatus] = None
    start_time: Optional[str] = Field(alias="startTime", default=None)
    end_time: Optional[str] = Field(alias="endTime", default=None)
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class ExperimentUpdateInput(BaseModel):
    """Fields to change; names are immutable after create."""

    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    owner: Optional[str] = None
    state: Optional[ExperimentState] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class MetricInput(BaseModel):
    name: Optional[str] = None
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    uri: Optional[str] = None
    state: Optional[ArtifactState] = None
    value: Optional[float] = None
    timestamp: Optional[str] = None
    "ISO-8601 or milliseconds since the epoch."
    step: Optional[int] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class MetricThresholdInput(BaseModel):
    name: str
    threshold: float
    direction: MetricDirection = MetricDirection.HIGHER


class MetricValueInput(BaseModel):
    name: str
    value: float


class ModelArtifactInput(BaseModel):
    name: Optional[str] = None
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    uri: Optional[str] = None
    state: Optional[ArtifactState] = None
    model_format_name: Optional[str] = Field(alias="modelFormatName", default=None)
    model_format_version: Optional[str] = Field(
        alias="modelFormatVersion", default=None
    )
    storage_key: Optional[str] = Field(alias="storageKey", default=None)
    storage_path: Optional[str] = Field(alias="storagePath", default=None)
    service_account_name: Optional[str] = Field(
        alias="serviceAccountName", default=None
    )
    model_source_kind: Optional[str] = Field(alias="modelSourceKind", default=None)
    model_source_class: Optional[str] = Field(alias="modelSourceClass", default=None)
    model_source_group: Optional[str] = Field(alias="modelSourceGroup", default=None)
    model_source_id: Optional[str] = Field(alias="modelSourceId", default=None)
    model_source_name: Optional[str] = Field(alias="modelSourceName", default=None)
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class ModelGovernanceInput(BaseModel):
    risk_tier: Optional[RiskTier] = Field(alias="riskTier", default=None)
    owners: Optional[list[str]] = None
    group: Optional[str] = None
    tags: Optional[list[str]] = None


class ModelVersionCreateInput(BaseModel):
    registered_model_id: str = Field(alias="registeredModelId")
    name: str
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    author: Optional[str] = None
    state: Optional[ModelVersionState] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class ModelVersionUpdateInput(BaseModel):
    """Fields to change; names are immutable after create."""

    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    author: Optional[str] = None
    state: Optional[ModelVersionState] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class ParameterInput(BaseModel):
    name: Optional[str] = None
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    uri: Optional[str] = None
    state: Optional[ArtifactState] = None
    value: Optional[str] = None
    parameter_type: Optional[ParameterType] = Field(alias="parameterType", default=None)
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )


class RegisterModelInput(BaseModel):
    """registerModel: the model (created if new), its version and artifact."""

    name: str
    version_name: str = Field(alias="versionName")
    uri: str
    model_format_name: Optional[str] = Field(alias="modelFormatName", default=None)
    model_format_version: Optional[str] = Field(
        alias="modelFormatVersion", default=None
    )
    storage_key: Optional[str] = Field(alias="storageKey", default=None)
    storage_path: Optional[str] = Field(alias="storagePath", default=None)
    service_account_name: Optional[str] = Field(
        alias="serviceAccountName", default=None
    )
    model_source_kind: Optional[str] = Field(alias="modelSourceKind", default=None)
    model_source_class: Optional[str] = Field(alias="modelSourceClass", default=None)
    model_source_group: Optional[str] = Field(alias="modelSourceGroup", default=None)
    model_source_id: Optional[str] = Field(alias="modelSourceId", default=None)
    model_source_name: Optional[str] = Field(alias="modelSourceName", default=None)
    artifact_name: Optional[str] = Field(alias="artifactName", default=None)
    "Defaults to the registered model's name."
    description: Optional[str] = None
    "Of the model version."
    author: Optional[str] = None
    owner: Optional[str] = None
    "Of a new registered model."
    model_description: Optional[str] = Field(alias="modelDescription", default=None)
    version_external_id: Optional[str] = Field(alias="versionExternalId", default=None)
    model_custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="modelCustomProperties", default=None
    )
    version_custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="versionCustomProperties", default=None
    )
    artifact_custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="artifactCustomProperties", default=None
    )
    risk_tier: Optional[RiskTier] = Field(alias="riskTier", default=None)
    "Of the registered model, like owners, group and tags: set on a new model; on an existing one, each given field replaces its value (audited as model.governance)."
    owners: Optional[list[str]] = None
    group: Optional[str] = None
    tags: Optional[list[str]] = None


class RegisteredModelCreateInput(BaseModel):
    name: str
    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    owner: Optional[str] = None
    readme: Optional[str] = None
    maturity: Optional[str] = None
    language: Optional[list[str]] = None
    tasks: Optional[list[str]] = None
    provider: Optional[str] = None
    logo: Optional[str] = None
    license: Optional[str] = None
    license_link: Optional[str] = Field(alias="licenseLink", default=None)
    library_name: Optional[str] = Field(alias="libraryName", default=None)
    state: Optional[RegisteredModelState] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )
    risk_tier: Optional[RiskTier] = Field(alias="riskTier", default=None)
    "LOW, MEDIUM or HIGH (LOW when never set): how many approvals a version needs."
    owners: Optional[list[str]] = None
    group: Optional[str] = None
    tags: Optional[list[str]] = None


class RegisteredModelUpdateInput(BaseModel):
    """Fields to change; names are immutable after create."""

    description: Optional[str] = None
    external_id: Optional[str] = Field(alias="externalId", default=None)
    owner: Optional[str] = None
    readme: Optional[str] = None
    maturity: Optional[str] = None
    language: Optional[list[str]] = None
    tasks: Optional[list[str]] = None
    provider: Optional[str] = None
    logo: Optional[str] = None
    license: Optional[str] = None
    license_link: Optional[str] = Field(alias="licenseLink", default=None)
    library_name: Optional[str] = Field(alias="libraryName", default=None)
    state: Optional[RegisteredModelState] = None
    custom_properties: Optional[list["CustomPropertyInput"]] = Field(
        alias="customProperties", default=None
    )
    risk_tier: Optional[RiskTier] = Field(alias="riskTier", default=None)
    "LOW, MEDIUM or HIGH (LOW when never set): how many approvals a version needs."
    owners: Optional[list[str]] = None
    group: Optional[str] = None
    tags: Optional[list[str]] = None


DeployModelVersionInput.model_rebuild()
UpdateInferenceServiceInput.model_rebuild()
ArtifactInput.model_rebuild()
DataSetInput.model_rebuild()
DocArtifactInput.model_rebuild()
EvaluationSuiteInput.model_rebuild()
ExperimentCreateInput.model_rebuild()
ExperimentRunCreateInput.model_rebuild()
ExperimentRunUpdateInput.model_rebuild()
ExperimentUpdateInput.model_rebuild()
MetricInput.model_rebuild()
ModelArtifactInput.model_rebuild()
ModelVersionCreateInput.model_rebuild()
ModelVersionUpdateInput.model_rebuild()
ParameterInput.model_rebuild()
RegisterModelInput.model_rebuild()
RegisteredModelCreateInput.model_rebuild()
RegisteredModelUpdateInput.model_rebuild()
