"""YAML catalog files in the Kubeflow format: `source` and `models[]`, checked strictly."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from subgraphs.catalog.errors import CatalogConfigError
from subgraphs.catalog.patterns import NameFilter
from subgraphs.catalog.records import (
    EMPTY,
    CatalogArtifact,
    CatalogModelRecord,
    PropertyValue,
    SourceConfig,
)

MODEL_KEYS = frozenset(
    {
        "name", "provider", "description", "readme", "language", "license", "licenseLink",
        "libraryName", "tasks", "maturity", "logo", "externalId", "customProperties",
        "createTimeSinceEpoch", "lastUpdateTimeSinceEpoch", "artifacts",
    }
)  # fmt: skip
ARTIFACT_KEYS = frozenset(
    {
        "artifactType", "uri", "name", "metricsType", "createTimeSinceEpoch",
        "lastUpdateTimeSinceEpoch", "customProperties", "externalId", "description",
    }
)  # fmt: skip
ARTIFACT_TYPES = ("model-artifact", "metrics-artifact")
METRICS_TYPES = ("performance-metrics", "accuracy-metrics")
URI_SCHEMES = ("oci", "http", "https", "s3", "gs", "az", "file", "hf")
_VALUE_KEYS = {
    "MetadataStringValue": ("string_value", "STRING"),
    "MetadataIntValue": ("int_value", "INT"),
    "MetadataDoubleValue": ("double_value", "DOUBLE"),
    "MetadataBoolValue": ("bool_value", "BOOL"),
    "MetadataStructValue": ("struct_value", "STRUCT"),
}
_STRING_FIELDS = (
    "provider", "description", "readme", "license", "licenseLink", "libraryName", "maturity",
    "logo", "externalId",
)  # fmt: skip


class _Invalid(Exception):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


def load_yaml_catalog(config: SourceConfig, text: str) -> tuple[CatalogModelRecord, ...]:
    """Parse a catalog file's text into the models the source's include/exclude rules admit."""
    path = config.yaml_catalog_path
    try:
        data = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise CatalogConfigError(
            f"invalid YAML: {problem}{where}", file=path, source_id=config.id
        ) from None
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise CatalogConfigError("the top level must be a mapping", file=path, source_id=config.id)
    for key in data:
        if key not in ("source", "models"):
            raise CatalogConfigError(
                "unknown top-level key (expected source and models)",
                file=path,
                source_id=config.id,
                key=str(key),
            )
    models = data.get("models") or []
    if not isinstance(models, list):
        raise CatalogConfigError("must be a list", file=path, source_id=config.id, key="models")
    return parse_models(config, models, path)


def parse_models(
    config: SourceConfig, models: Iterable[Any], path: Path | str
) -> tuple[CatalogModelRecord, ...]:
    admitted = NameFilter.from_globs(config.included_models, config.excluded_models)
    records: list[CatalogModelRecord] = []
    seen: set[str] = set()
    for position, item in enumerate(models):
        try:
            record = parse_model(config.id, item)
        except _Invalid as error:
            label = f"models[{position}]"
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                label += f" ({item['name']})"
            raise CatalogConfigError(
                f"{label}: {error.message}", file=path, source_id=config.id, key=error.key
            ) from None
        if record.name in seen:
            raise CatalogConfigError(
                f"models[{position}]: duplicate model name {record.name!r}",
                file=path,
                source_id=config.id,
                key="name",
            )
        seen.add(record.name)
        if admitted.admits(record.name):
            records.append(record)
    return tuple(records)


def parse_model(source_id: str, item: Any) -> CatalogModelRecord:
    if not isinstance(item, dict):
        raise _Invalid("models", "must be a mapping")
    for key in item:
        if key not in MODEL_KEYS:
            raise _Invalid(str(key), "unknown key")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _Invalid("name", "is required and must be a non-empty string")
    strings = {key: _optional_string(item, key) for key in _STRING_FIELDS}
    artifacts = item.get("artifacts") or []
    if not isinstance(artifacts, list):
        raise _Invalid("artifacts", "must be a list")
    return CatalogModelRecord(
        source_id=source_id,
        name=name,
        provider=strings["provider"],
        description=strings["description"],
        readme=strings["readme"],
        language=_string_list(item, "language"),
        license=strings["license"],
        license_link=strings["licenseLink"],
        library_name=strings["libraryName"],
        tasks=_string_list(item, "tasks"),
        maturity=strings["maturity"],
        logo=strings["logo"],
        external_id=strings["externalId"],
        create_time=_epoch_millis(item, "createTimeSinceEpoch"),
        last_update_time=_epoch_millis(item, "lastUpdateTimeSinceEpoch"),
        custom_properties=parse_custom_properties(item.get("customProperties"), "customProperties"),
        artifacts=tuple(_parse_artifact(a, f"artifacts[{i}]") for i, a in enumerate(artifacts)),
    )


def _parse_artifact(item: Any, where: str) -> CatalogArtifact:
    if not isinstance(item, dict):
        raise _Invalid(where, "must be a mapping")
    for key in item:
        if key not in ARTIFACT_KEYS:
            raise _Invalid(f"{where}.{key}", "unknown key")
    kind = item.get("artifactType", "model-artifact")
    if kind not in ARTIFACT_TYPES:
        raise _Invalid(f"{where}.artifactType", f"must be one of {', '.join(ARTIFACT_TYPES)}")
    uri = _optional_string(item, "uri", where)
    metrics_type = _optional_string(item, "metricsType", where)
    if kind == "model-artifact":
        if uri is None:
            raise _Invalid(f"{where}.uri", "a model-artifact needs a uri")
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in URI_SCHEMES:
            raise _Invalid(
                f"{where}.uri", f"scheme must be one of {', '.join(URI_SCHEMES)}, got {uri!r}"
            )
    elif metrics_type not in METRICS_TYPES:
        raise _Invalid(f"{where}.metricsType", f"must be one of {', '.join(METRICS_TYPES)}")
    return CatalogArtifact(
        kind=kind,
        uri=uri,
        name=_optional_string(item, "name", where),
        metrics_type=metrics_type if kind == "metrics-artifact" else None,
        create_time=_epoch_millis(item, "createTimeSinceEpoch", where),
        last_update_time=_epoch_millis(item, "lastUpdateTimeSinceEpoch", where),
        custom_properties=parse_custom_properties(
            item.get("customProperties"), f"{where}.customProperties"
        ),
    )


def parse_custom_properties(value: Any, where: str) -> Mapping[str, PropertyValue]:
    if value is None:
        return EMPTY
    if not isinstance(value, dict):
        raise _Invalid(where, "must be a mapping of name to typed value")
    return MappingProxyType({str(k): _parse_value(v, f"{where}.{k}") for k, v in value.items()})


def _parse_value(value: Any, where: str) -> PropertyValue:
    if isinstance(value, bool):
        return PropertyValue("BOOL", value)
    if isinstance(value, int):
        return PropertyValue("INT", value)
    if isinstance(value, float):
        return PropertyValue("DOUBLE", value)
    if isinstance(value, str):
        return PropertyValue("STRING", value)
    if not isinstance(value, dict):
        raise _Invalid(
            where, "must be a typed value such as {metadataType: ..., string_value: ...}"
        )
    metadata_type = value.get("metadataType")
    if metadata_type not in _VALUE_KEYS:
        raise _Invalid(f"{where}.metadataType", f"must be one of {', '.join(_VALUE_KEYS)}")
    value_key, kind = _VALUE_KEYS[metadata_type]
    extra = set(value) - {"metadataType", value_key}
    if extra:
        raise _Invalid(f"{where}.{sorted(extra)[0]}", f"unknown key for {metadata_type}")
    if value_key not in value:
        raise _Invalid(f"{where}.{value_key}", f"{metadata_type} needs {value_key}")
    raw = value[value_key]
    try:
        if kind == "STRING" and isinstance(raw, str):
            return PropertyValue("STRING", raw)
        if kind == "INT" and not isinstance(raw, (bool, float)):
            return PropertyValue("INT", int(raw))  # Kubeflow writes int64 as a string
        if kind == "DOUBLE" and not isinstance(raw, bool):
            return PropertyValue("DOUBLE", float(raw))
        if kind == "BOOL" and isinstance(raw, bool):
            return PropertyValue("BOOL", raw)
        if kind == "STRUCT":
            return PropertyValue("STRUCT", json.loads(raw) if isinstance(raw, str) else raw)
    except (TypeError, ValueError):
        pass
    raise _Invalid(f"{where}.{value_key}", f"invalid {metadata_type} value {raw!r}")


def _optional_string(item: Mapping[str, Any], key: str, where: str | None = None) -> str | None:
    value = item.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _Invalid(f"{where}.{key}" if where else key, "must be a string")


def _string_list(item: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid(key, "must be a list of strings")
    return tuple(value)


def _epoch_millis(item: Mapping[str, Any], key: str, where: str | None = None) -> int | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise _Invalid(f"{where}.{key}" if where else key, "must be milliseconds since the epoch")
