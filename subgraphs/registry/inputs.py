"""The registry's GraphQL input types and their translation into column values."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from common.errors import BadUserInput
from subgraphs.registry.enums import (
    ArtifactState,
    CustomPropertyType,
    ExperimentRunState,
    ExperimentRunStatus,
    ExperimentState,
    ModelVersionState,
    ParameterType,
    RegisteredModelState,
)
from subgraphs.registry.governance.types import RiskTier
from subgraphs.registry.properties import PropertyDraft, PropertyValue, validate_properties
from subgraphs.registry.validation import MAX_LIST_ITEMS, check_name, check_text

UNSET: Any = strawberry.UNSET


@strawberry.input
class CustomPropertyInput:
    name: str
    type: CustomPropertyType | None = UNSET
    string_value: str | None = UNSET
    int_value: str | None = strawberry.field(
        default=UNSET, description="A 64-bit integer as a string, so that it stays exact."
    )
    double_value: float | None = UNSET
    bool_value: bool | None = UNSET
    struct_value: JSON | None = UNSET


def _given(value: Any) -> Any:
    return None if value is UNSET else value


def property_values(inputs: list[CustomPropertyInput] | None) -> list[PropertyValue] | None:
    """None when the caller did not send customProperties (keep them); a list replaces them."""
    if inputs is None or inputs is UNSET:
        return None
    drafts = [
        PropertyDraft(
            name=item.name,
            type=item.type.value if item.type not in (None, UNSET) else None,
            string_value=_given(item.string_value),
            int_value=_given(item.int_value),
            double_value=_given(item.double_value),
            bool_value=_given(item.bool_value),
            struct_value=_given(item.struct_value),
            has_struct=item.struct_value not in (None, UNSET),
        )
        for item in inputs
    ]
    return validate_properties(drafts)


def column_values(
    source: Any, columns: dict[str, str], *, skip_null: bool = False
) -> dict[str, Any]:
    """Fields the caller set, under their column names; enum members become their values."""
    values: dict[str, Any] = {}
    for attribute, column in columns.items():
        value = getattr(source, attribute, UNSET)
        if value is UNSET or (skip_null and value is None):
            continue
        values[column] = (
            value.value if hasattr(value, "value") and not isinstance(value, str) else value
        )
    return values


def epoch_ms(field: str, value: str | None) -> int | None:
    """An ISO-8601 time or a number of milliseconds since the epoch."""
    if value is None:
        return None
    text = check_text(field, value.strip(), 64)
    if text.isdigit():
        if len(text) > 15:  # beyond the year 33000: surely a mistake, and past BIGINT soon
            raise BadUserInput(f"{field} is out of range")
        return int(text)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BadUserInput(f"{field} must be ISO-8601 or milliseconds since the epoch") from None
    if moment.tzinfo is None:
        raise BadUserInput(f"{field} needs a time zone (e.g. ...Z)")
    return int(moment.timestamp() * 1000)


@strawberry.input
class RegisteredModelCreateInput:
    name: str
    description: str | None = UNSET
    external_id: str | None = UNSET
    owner: str | None = UNSET
    readme: str | None = UNSET
    maturity: str | None = UNSET
    language: list[str] | None = UNSET
    tasks: list[str] | None = UNSET
    provider: str | None = UNSET
    logo: str | None = UNSET
    license: str | None = UNSET
    license_link: str | None = UNSET
    library_name: str | None = UNSET
    state: RegisteredModelState | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET
    risk_tier: RiskTier | None = strawberry.field(
        default=UNSET,
        description="LOW, MEDIUM or HIGH (LOW when never set): how many approvals a version "
        "needs.",
    )
    owners: list[str] | None = UNSET
    group: str | None = UNSET
    tags: list[str] | None = UNSET


@strawberry.input(description="Fields to change; names are immutable after create.")
class RegisteredModelUpdateInput:
    description: str | None = UNSET
    external_id: str | None = UNSET
    owner: str | None = UNSET
    readme: str | None = UNSET
    maturity: str | None = UNSET
    language: list[str] | None = UNSET
    tasks: list[str] | None = UNSET
    provider: str | None = UNSET
    logo: str | None = UNSET
    license: str | None = UNSET
    license_link: str | None = UNSET
    library_name: str | None = UNSET
    state: RegisteredModelState | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET
    risk_tier: RiskTier | None = strawberry.field(
        default=UNSET,
        description="LOW, MEDIUM or HIGH (LOW when never set): how many approvals a version "
        "needs.",
    )
    owners: list[str] | None = UNSET
    group: str | None = UNSET
    tags: list[str] | None = UNSET


MODEL_COLUMNS = {
    name: name
    for name in [
        "name",
        "description",
        "external_id",
        "owner",
        "readme",
        "maturity",
        "language",
        "tasks",
        "provider",
        "logo",
        "license",
        "license_link",
        "library_name",
        "state",
    ]
}


def registered_model_values(source: Any) -> dict[str, Any]:
    values = column_values(source, MODEL_COLUMNS)
    for key in ("language", "tasks"):
        if key in values and values[key] is None:
            values[key] = []
    if values.get("state", "") is None:
        raise BadUserInput("state cannot be null")
    return {**values, **governance_input_values(source)}


# The columns of a registered model's governance fields (riskTier, owners, group, tags).
GOVERNANCE_COLUMNS = ("risk_tier", "owners", "group_name", "tags")


def name_list(field: str, items: list[str]) -> list[str]:
    """Owners or tags: no blank names; a name given twice is kept once, in first place."""
    if len(items) > MAX_LIST_ITEMS:
        raise BadUserInput(f"{field} has more than {MAX_LIST_ITEMS} items")
    names: list[str] = []
    for item in items:
        check_text(field, item, 255)
        if not item.strip():
            raise BadUserInput(f"{field} must not contain empty names")
        if item not in names:
            names.append(item)
    return names


def governance_input_values(source: Any) -> dict[str, Any]:
    """riskTier, owners, group and tags the caller set (UNSET: keep). null owners or tags
    empty the list and null group clears it; riskTier cannot be null."""
    values: dict[str, Any] = {}
    risk_tier = getattr(source, "risk_tier", UNSET)
    if risk_tier is not UNSET:
        if risk_tier is None:
            raise BadUserInput("riskTier cannot be null: it is LOW, MEDIUM or HIGH")
        values["risk_tier"] = risk_tier.value
    for field in ("owners", "tags"):
        items = getattr(source, field, UNSET)
        if items is not UNSET:
            values[field] = name_list(field, items or [])
    group = getattr(source, "group", UNSET)
    if group is not UNSET:
        values["group_name"] = None if group is None else check_name("group", group)
    return values


def new_model_values(source: Any) -> dict[str, Any]:
    return {"language": [], "tasks": [], "state": "LIVE", **registered_model_values(source)}


@strawberry.input
class ModelVersionCreateInput:
    registered_model_id: strawberry.ID
    name: str
    description: str | None = UNSET
    external_id: str | None = UNSET
    author: str | None = UNSET
    state: ModelVersionState | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


@strawberry.input(description="Fields to change; names are immutable after create.")
class ModelVersionUpdateInput:
    description: str | None = UNSET
    external_id: str | None = UNSET
    author: str | None = UNSET
    state: ModelVersionState | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


VERSION_COLUMNS = {name: name for name in ("name", "description", "external_id", "author", "state")}


def version_values(source: Any) -> dict[str, Any]:
    values = column_values(source, VERSION_COLUMNS)
    if values.get("state", "") is None:
        raise BadUserInput("state cannot be null")
    return values


@strawberry.input
class ExperimentCreateInput:
    name: str
    description: str | None = UNSET
    external_id: str | None = UNSET
    owner: str | None = UNSET
    state: ExperimentState | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


@strawberry.input(description="Fields to change; names are immutable after create.")
class ExperimentUpdateInput:
    description: str | None = UNSET
    external_id: str | None = UNSET
    owner: str | None = UNSET
    state: ExperimentState | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


EXPERIMENT_COLUMNS = {
    name: name for name in ("name", "description", "external_id", "owner", "state")
}


def experiment_values(source: Any) -> dict[str, Any]:
    values = column_values(source, EXPERIMENT_COLUMNS)
    if values.get("state", "") is None:
        raise BadUserInput("state cannot be null")
    return values


@strawberry.input
class ExperimentRunCreateInput:
    experiment_id: strawberry.ID
    name: str
    description: str | None = UNSET
    external_id: str | None = UNSET
    owner: str | None = UNSET
    state: ExperimentRunState | None = UNSET
    status: ExperimentRunStatus | None = UNSET
    start_time: str | None = strawberry.field(
        default=UNSET, description="ISO-8601 or milliseconds since the epoch."
    )
    end_time: str | None = strawberry.field(
        default=UNSET, description="ISO-8601 or milliseconds since the epoch."
    )
    custom_properties: list[CustomPropertyInput] | None = UNSET


@strawberry.input(description="Fields to change; names are immutable after create.")
class ExperimentRunUpdateInput:
    description: str | None = UNSET
    external_id: str | None = UNSET
    owner: str | None = UNSET
    state: ExperimentRunState | None = UNSET
    status: ExperimentRunStatus | None = UNSET
    start_time: str | None = UNSET
    end_time: str | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


RUN_COLUMNS = {
    name: name for name in ("name", "description", "external_id", "owner", "state", "status")
}


def run_values(source: Any) -> dict[str, Any]:
    values = column_values(source, RUN_COLUMNS)
    for key in ("state", "status"):
        if values.get(key, "") is None:
            raise BadUserInput(f"{key} cannot be null")
    for key in ("start_time", "end_time"):
        value = getattr(source, key, UNSET)
        if value is not UNSET:
            values[key] = epoch_ms(key, value)
    return values


@strawberry.input
class ModelArtifactInput:
    name: str | None = UNSET
    description: str | None = UNSET
    external_id: str | None = UNSET
    uri: str | None = UNSET
    state: ArtifactState | None = UNSET
    model_format_name: str | None = UNSET
    model_format_version: str | None = UNSET
    storage_key: str | None = UNSET
    storage_path: str | None = UNSET
    service_account_name: str | None = UNSET
    model_source_kind: str | None = UNSET
    model_source_class: str | None = UNSET
    model_source_group: str | None = UNSET
    model_source_id: str | None = UNSET
    model_source_name: str | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


@strawberry.input
class DocArtifactInput:
    name: str | None = UNSET
    description: str | None = UNSET
    external_id: str | None = UNSET
    uri: str | None = UNSET
    state: ArtifactState | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


@strawberry.input
class DataSetInput:
    name: str | None = UNSET
    description: str | None = UNSET
    external_id: str | None = UNSET
    uri: str | None = UNSET
    state: ArtifactState | None = UNSET
    digest: str | None = UNSET
    source_type: str | None = UNSET
    source: str | None = UNSET
    schema: str | None = UNSET
    profile: str | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


@strawberry.input
class MetricInput:
    name: str | None = UNSET
    description: str | None = UNSET
    external_id: str | None = UNSET
    uri: str | None = UNSET
    state: ArtifactState | None = UNSET
    value: float | None = UNSET
    timestamp: str | None = strawberry.field(
        default=UNSET, description="ISO-8601 or milliseconds since the epoch."
    )
    step: int | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


@strawberry.input
class ParameterInput:
    name: str | None = UNSET
    description: str | None = UNSET
    external_id: str | None = UNSET
    uri: str | None = UNSET
    state: ArtifactState | None = UNSET
    value: str | None = UNSET
    parameter_type: ParameterType | None = UNSET
    custom_properties: list[CustomPropertyInput] | None = UNSET


@strawberry.input(description="Exactly one of the fields: the artifact and its type.")
class ArtifactInput:
    model_artifact: ModelArtifactInput | None = UNSET
    doc_artifact: DocArtifactInput | None = UNSET
    data_set: DataSetInput | None = UNSET
    metric: MetricInput | None = UNSET
    parameter: ParameterInput | None = UNSET


_ARTIFACT_COMMON = {n: n for n in ("name", "description", "external_id", "uri", "state")}
_ARTIFACT_COLUMNS: dict[str, tuple[str, dict[str, str]]] = {
    "model_artifact": (
        "model-artifact",
        {
            **_ARTIFACT_COMMON,
            **{
                n: n
                for n in [
                    "model_format_name",
                    "model_format_version",
                    "storage_key",
                    "storage_path",
                    "service_account_name",
                    "model_source_kind",
                    "model_source_class",
                    "model_source_group",
                    "model_source_id",
                    "model_source_name",
                ]
            },
        },
    ),
    "doc_artifact": ("doc-artifact", _ARTIFACT_COMMON),
    "data_set": (
        "dataset-artifact",
        {
            **_ARTIFACT_COMMON,
            **{n: n for n in ("digest", "source_type", "source", "schema", "profile")},
        },
    ),
    "metric": ("metric", {**_ARTIFACT_COMMON, "value": "metric_value", "step": "metric_step"}),
    "parameter": (
        "parameter",
        {**_ARTIFACT_COMMON, "value": "parameter_value", "parameter_type": "parameter_type"},
    ),
}


def artifact_values(
    source: ArtifactInput,
) -> tuple[str, dict[str, Any], list[PropertyValue] | None]:
    """The artifact type, its column values and its custom properties."""
    chosen = [
        (key, getattr(source, key))
        for key in _ARTIFACT_COLUMNS
        if getattr(source, key) not in (None, UNSET)
    ]
    if len(chosen) != 1:
        raise BadUserInput(
            "an artifact input needs exactly one of modelArtifact, docArtifact, dataSet, "
            "metric, parameter"
        )
    key, item = chosen[0]
    artifact_type, columns = _ARTIFACT_COLUMNS[key]
    return (
        artifact_type,
        model_artifact_values(item, columns),
        property_values(item.custom_properties),
    )


def model_artifact_values(item: Any, columns: dict[str, str]) -> dict[str, Any]:
    values = column_values(item, columns)
    if values.get("state", "") is None:
        raise BadUserInput("state cannot be null")
    if "name" in values and values["name"] is None:
        raise BadUserInput("name cannot be null")
    if "metric_timestamp" not in values and getattr(item, "timestamp", UNSET) is not UNSET:
        values["metric_timestamp"] = epoch_ms("timestamp", item.timestamp)
    step = values.get("metric_step")
    if step is not None and step < 0:
        raise BadUserInput("step must not be negative")
    return values


@strawberry.input(
    description="registerModel: the model (created if new), its version and artifact."
)
class RegisterModelInput:
    name: str
    version_name: str
    uri: str
    model_format_name: str | None = UNSET
    model_format_version: str | None = UNSET
    storage_key: str | None = UNSET
    storage_path: str | None = UNSET
    service_account_name: str | None = UNSET
    model_source_kind: str | None = UNSET
    model_source_class: str | None = UNSET
    model_source_group: str | None = UNSET
    model_source_id: str | None = UNSET
    model_source_name: str | None = UNSET
    artifact_name: str | None = strawberry.field(
        default=UNSET, description="Defaults to the registered model's name."
    )
    description: str | None = strawberry.field(default=UNSET, description="Of the model version.")
    author: str | None = UNSET
    owner: str | None = strawberry.field(default=UNSET, description="Of a new registered model.")
    model_description: str | None = UNSET
    version_external_id: str | None = UNSET
    model_custom_properties: list[CustomPropertyInput] | None = UNSET
    version_custom_properties: list[CustomPropertyInput] | None = UNSET
    artifact_custom_properties: list[CustomPropertyInput] | None = UNSET
    risk_tier: RiskTier | None = strawberry.field(
        default=UNSET,
        description="Of the registered model, like owners, group and tags: set on a new "
        "model; on an existing one, each given field replaces its value (audited as "
        "model.governance).",
    )
    owners: list[str] | None = UNSET
    group: str | None = UNSET
    tags: list[str] | None = UNSET


_REGISTER_ARTIFACT_COLUMNS = {
    n: n
    for n in [
        "uri",
        "model_format_name",
        "model_format_version",
        "storage_key",
        "storage_path",
        "service_account_name",
        "model_source_kind",
        "model_source_class",
        "model_source_group",
        "model_source_id",
        "model_source_name",
    ]
}


def registration_values(source: RegisterModelInput) -> dict[str, dict[str, Any]]:
    model = {
        "name": source.name,
        **column_values(source, {"owner": "owner", "model_description": "description"}),
        **governance_input_values(source),
    }
    version = {
        "name": source.version_name,
        **column_values(
            source,
            {
                "description": "description",
                "author": "author",
                "version_external_id": "external_id",
            },
        ),
    }
    artifact_name = (
        source.artifact_name if source.artifact_name not in (None, UNSET) else source.name
    )
    artifact = {"name": artifact_name, **column_values(source, _REGISTER_ARTIFACT_COLUMNS)}
    return {"model": model, "version": version, "artifact": artifact}
