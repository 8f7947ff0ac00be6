"""Immutable records of the catalog: sources, models, artifacts and typed property values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

PropertyType = Literal["STRING", "INT", "DOUBLE", "BOOL", "STRUCT"]
SourceStatus = Literal["available", "partially-available", "error", "disabled"]
EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class PropertyValue:
    """One Kubeflow metadata value (MetadataStringValue, MetadataIntValue, ...)."""

    type: PropertyType
    value: str | int | float | bool | Any


@dataclass(frozen=True, slots=True)
class CatalogArtifact:
    kind: Literal["model-artifact", "metrics-artifact"]
    uri: str | None = None
    name: str | None = None
    metrics_type: str | None = None  # performance-metrics | accuracy-metrics
    create_time: int | None = None
    last_update_time: int | None = None
    custom_properties: Mapping[str, PropertyValue] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class CatalogModelRecord:
    source_id: str
    name: str
    provider: str | None = None
    description: str | None = None
    readme: str | None = None
    language: tuple[str, ...] = ()
    license: str | None = None
    license_link: str | None = None
    library_name: str | None = None
    tasks: tuple[str, ...] = ()
    maturity: str | None = None
    logo: str | None = None
    external_id: str | None = None
    create_time: int | None = None
    last_update_time: int | None = None
    custom_properties: Mapping[str, PropertyValue] = field(default_factory=lambda: EMPTY)
    artifacts: tuple[CatalogArtifact, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceLabel:
    name: str
    display_name: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class SourceConfig:
    """One catalog source as the sources files define it, after merging every file."""

    id: str
    name: str
    type: Literal["yaml", "hf"]
    enabled: bool = True
    labels: tuple[str, ...] = ()
    included_models: tuple[str, ...] = ()
    excluded_models: tuple[str, ...] = ()
    properties: Mapping[str, Any] = field(default_factory=lambda: EMPTY)
    # Directory that relative paths in `properties` are resolved against.
    base_dir: Path = field(default_factory=Path)
    defined_in: tuple[str, ...] = ()

    @property
    def yaml_catalog_path(self) -> Path:
        return self.base_dir / str(self.properties["yamlCatalogPath"])


@dataclass(frozen=True, slots=True)
class SourceState:
    """A source's configuration, its current models, and how well it loaded."""

    config: SourceConfig
    status: SourceStatus
    models: tuple[CatalogModelRecord, ...] = ()
    error: str | None = None
    fingerprint: str | None = None
    loaded_at: float | None = None
