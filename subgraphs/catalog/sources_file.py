"""Sources files in the Kubeflow model catalog format: parse, validate strictly, merge by id."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from subgraphs.catalog.errors import CatalogConfigError
from subgraphs.catalog.patterns import parse_hub_pattern
from subgraphs.catalog.records import SourceConfig, SourceLabel

SOURCE_LISTS = ("catalogs", "model_catalogs")  # merged; on an id clash model_catalogs wins
# Kubeflow keys for features Modelplane does not serve; accepted so files load unchanged.
IGNORED_TOP_LEVEL = ("mcp_catalogs", "namedQueries")
SOURCE_KEYS = frozenset(
    {"id", "name", "type", "enabled", "labels", "includedModels", "excludedModels", "properties"}
)
SOURCE_TYPES = ("yaml", "hf")
PROPERTY_KEYS: Mapping[str, frozenset[str]] = {
    "yaml": frozenset({"yamlCatalogPath"}),
    "hf": frozenset({"apiKeyEnvVar", "allowedOrganization", "url", "maxModels", "syncInterval"}),
}
HF_DEFAULTS: Mapping[str, Any] = {
    "apiKeyEnvVar": "HF_API_KEY",
    "url": "https://huggingface.co",
    "maxModels": 500,
    "syncInterval": 24 * 3600.0,
}
_DURATION = re.compile(r"(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?\Z")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass(slots=True)
class RawSource:
    """The fields one file sets for one source, already type-checked."""

    id: str
    fields: dict[str, Any]
    properties: dict[str, Any]
    file: Path


@dataclass(slots=True)
class SourcesDocument:
    path: Path
    sources: dict[str, RawSource] = field(default_factory=dict)
    labels: tuple[SourceLabel, ...] = ()
    broken: dict[str, CatalogConfigError] = field(default_factory=dict)


@dataclass(slots=True)
class MergedSources:
    configs: dict[str, SourceConfig]
    errors: dict[str, CatalogConfigError]
    labels: tuple[SourceLabel, ...]


def read_sources_file(path: Path) -> SourcesDocument:
    """Parse one sources file; a file-level problem raises, a bad source is recorded as broken."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CatalogConfigError(f"cannot read: {error.strerror or error}", file=path) from None
    return parse_sources_text(text, path)


def parse_sources_text(text: str, path: Path) -> SourcesDocument:
    try:
        data = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as error:
        raise CatalogConfigError(f"invalid YAML: {_yaml_problem(error)}", file=path) from None
    document = SourcesDocument(path)
    if data is None:
        return document
    if not isinstance(data, dict):
        raise CatalogConfigError("the top level must be a mapping", file=path)
    for key in data:
        if key not in (*SOURCE_LISTS, "labels", *IGNORED_TOP_LEVEL):
            raise CatalogConfigError(
                "unknown top-level key (expected catalogs, model_catalogs or labels)",
                file=path,
                key=str(key),
            )
    for list_key in SOURCE_LISTS:
        entries = data.get(list_key) or []
        if not isinstance(entries, list):
            raise CatalogConfigError("must be a list of sources", file=path, key=list_key)
        seen: set[str] = set()
        for position, entry in enumerate(entries):
            _add_source(document, entry, path, f"{list_key}[{position}]", seen)
    document.labels = _parse_labels(data.get("labels"), path)
    return document


def _add_source(
    document: SourcesDocument, entry: object, path: Path, where: str, seen: set[str]
) -> None:
    if not isinstance(entry, dict):
        raise CatalogConfigError(f"{where} must be a mapping", file=path)
    source_id = entry.get("id")
    if not isinstance(source_id, str) or not source_id.strip():
        raise CatalogConfigError(f"{where} needs a non-empty string id", file=path, key="id")
    if source_id in seen:
        raise CatalogConfigError("duplicate source id in this list", file=path, source_id=source_id)
    seen.add(source_id)
    try:
        raw = _check_source(entry, source_id, path)
    except CatalogConfigError as error:
        document.sources.pop(source_id, None)
        document.broken[source_id] = error
        return
    document.broken.pop(source_id, None)
    document.sources[source_id] = raw  # a later list (model_catalogs) wins


def _check_source(entry: dict[str, Any], source_id: str, path: Path) -> RawSource:
    def fail(key: str, message: str) -> CatalogConfigError:
        return CatalogConfigError(message, file=path, source_id=source_id, key=key)

    fields: dict[str, Any] = {}
    for key, value in entry.items():
        if key not in SOURCE_KEYS:
            raise fail(str(key), f"unknown key (expected one of {', '.join(sorted(SOURCE_KEYS))})")
        if key in ("id", "properties"):
            continue
        if key == "name":
            if not isinstance(value, str) or not value.strip():
                raise fail(key, "must be a non-empty string")
        elif key == "type":
            if value not in SOURCE_TYPES:
                raise fail(key, f"must be one of {', '.join(SOURCE_TYPES)}, got {value!r}")
        elif key == "enabled":
            if not isinstance(value, bool):
                raise fail(key, f"must be true or false, got {value!r}")
        elif not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise fail(key, "must be a list of non-empty strings")
        fields[key] = tuple(value) if isinstance(value, list) else value
    properties = entry.get("properties") or {}
    if not isinstance(properties, dict):
        raise fail("properties", "must be a mapping")
    return RawSource(source_id, fields, dict(properties), path)


def _parse_labels(value: object, path: Path) -> tuple[SourceLabel, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise CatalogConfigError("must be a list", file=path, key="labels")
    labels: list[SourceLabel] = []
    for position, item in enumerate(value):
        if isinstance(item, str):
            labels.append(SourceLabel(item))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise CatalogConfigError(
                f"labels[{position}] must be a name or a mapping with a name",
                file=path,
                key="labels",
            )
        unknown = set(item) - {"name", "displayName", "description"}
        if unknown:
            raise CatalogConfigError(
                f"labels[{position}] has unknown key {sorted(unknown)[0]!r}",
                file=path,
                key="labels",
            )
        labels.append(SourceLabel(item["name"], item.get("displayName"), item.get("description")))
    return tuple(labels)


def merge_sources(documents: Sequence[SourcesDocument]) -> MergedSources:
    """Later documents override the fields (and single properties) of a source with the same id."""
    fields: dict[str, dict[str, Any]] = {}
    properties: dict[str, dict[str, tuple[Any, Path]]] = {}
    origins: dict[str, list[str]] = {}
    errors: dict[str, CatalogConfigError] = {}
    labels: dict[str, SourceLabel] = {}
    for document in documents:
        for label in document.labels:
            labels[label.name] = label
        for source_id, error in document.broken.items():
            errors[source_id] = error
            origins.setdefault(source_id, []).append(str(document.path))
        for source_id, raw in document.sources.items():
            fields.setdefault(source_id, {}).update(raw.fields)
            merged = properties.setdefault(source_id, {})
            for key, value in raw.properties.items():
                merged[key] = (value, raw.file)
            origins.setdefault(source_id, []).append(str(raw.file))
    configs: dict[str, SourceConfig] = {}
    for source_id, source_fields in fields.items():
        if source_id in errors:
            continue
        try:
            configs[source_id] = _build_config(
                source_id, source_fields, properties[source_id], tuple(origins[source_id])
            )
        except CatalogConfigError as error:
            errors[source_id] = error
    return MergedSources(configs, errors, tuple(labels.values()))


def _build_config(
    source_id: str,
    fields: dict[str, Any],
    properties: dict[str, tuple[Any, Path]],
    origins: tuple[str, ...],
) -> SourceConfig:
    last_file = Path(origins[-1])
    source_type = fields.get("type")
    if source_type is None:
        raise CatalogConfigError(
            "no file sets the source type", file=last_file, source_id=source_id, key="type"
        )
    checked = _check_properties(source_id, source_type, properties, last_file)
    base_dir = last_file.parent
    if "yamlCatalogPath" in properties:
        base_dir = properties["yamlCatalogPath"][1].parent
    included = tuple(fields.get("includedModels", ()))
    if source_type == "hf":
        organization = checked.get("allowedOrganization")
        for pattern in included:
            try:
                parse_hub_pattern(pattern, organization)
            except ValueError as error:
                raise CatalogConfigError(
                    str(error), file=last_file, source_id=source_id, key="includedModels"
                ) from None
        if not included and organization is None:
            raise CatalogConfigError(
                "an hf source needs includedModels patterns or an allowedOrganization",
                file=last_file,
                source_id=source_id,
                key="includedModels",
            )
    return SourceConfig(
        id=source_id,
        name=fields.get("name", source_id),
        type=source_type,
        enabled=fields.get("enabled", True),
        labels=tuple(fields.get("labels", ())),
        included_models=included,
        excluded_models=tuple(fields.get("excludedModels", ())),
        properties=checked,
        base_dir=base_dir,
        defined_in=origins,
    )


def _check_properties(
    source_id: str, source_type: str, properties: dict[str, tuple[Any, Path]], last_file: Path
) -> dict[str, Any]:
    allowed = PROPERTY_KEYS[source_type]
    checked: dict[str, Any] = dict(HF_DEFAULTS) if source_type == "hf" else {}
    for key, (value, file) in properties.items():

        def fail(message: str, key: str = key, file: Path = file) -> CatalogConfigError:
            return CatalogConfigError(
                message, file=file, source_id=source_id, key=f"properties.{key}"
            )

        if key not in allowed:
            raise fail(
                f"unknown property for a {source_type} source "
                f"(expected one of {', '.join(sorted(allowed))})"
            )
        checked[key] = _check_property(key, value, fail)
    if source_type == "yaml" and "yamlCatalogPath" not in checked:
        raise CatalogConfigError(
            "a yaml source needs a yamlCatalogPath",
            file=last_file,
            source_id=source_id,
            key="properties.yamlCatalogPath",
        )
    return checked


def _check_property(key: str, value: Any, fail: Any) -> Any:
    if key == "maxModels":
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise fail(f"must be a positive integer, got {value!r}")
        return value
    if key == "syncInterval":
        return parse_duration(value, fail)
    if not isinstance(value, str) or not value.strip():
        raise fail(f"must be a non-empty string, got {value!r}")
    if key == "url" and not re.match(r"https?://[^/\s]+", value):
        raise fail(f"must be an http(s) URL, got {value!r}")
    if key == "apiKeyEnvVar" and not _ENV_NAME.match(value):
        raise fail(f"must be an environment variable name, got {value!r}")
    return value.rstrip("/") if key == "url" else value


def parse_duration(value: Any, fail: Any) -> float:
    """Seconds from a number of seconds or a Go-style duration such as `24h`, `1h30m`, `45s`."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str) and (match := _DURATION.match(value.strip())) and value.strip():
        hours, minutes, secs = (float(g) if g else 0.0 for g in match.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    else:
        raise fail(f"must be a duration such as 24h, 30m or 45s, got {value!r}")
    if seconds <= 0:
        raise fail(f"must be positive, got {value!r}")
    return seconds


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if mark is not None:
        return f"{problem} at line {mark.line + 1}, column {mark.column + 1}"
    return str(problem)


def describe_broken_source(documents: Sequence[SourcesDocument], source_id: str) -> SourceConfig:
    """A stand-in config for a source no file defines validly, so it can be listed as an error."""
    name, source_type, origins = source_id, "yaml", []
    for document in documents:
        raw = document.sources.get(source_id)
        if raw is not None:
            name = raw.fields.get("name", name)
            source_type = raw.fields.get("type", source_type)
        if raw is not None or source_id in document.broken:
            origins.append(str(document.path))
    kind: Literal["yaml", "hf"] = "hf" if source_type == "hf" else "yaml"
    return SourceConfig(id=source_id, name=name, type=kind, defined_in=tuple(origins))
