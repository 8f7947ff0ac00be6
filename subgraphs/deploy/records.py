"""Records the deploy subgraph passes between its driver, its rollout logic and its schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ModelSource:
    """What the registry says about a model version: the artifact deploy serves."""

    model_version_id: str
    model_version_name: str
    registered_model_id: str
    registered_model_name: str
    artifact_id: str
    uri: str | None
    format_name: str | None
    format_version: str | None = None
    storage_key: str | None = None
    storage_path: str | None = None
    service_account_name: str | None = None
    stage: str | None = None  # the governance stage (DRAFT … PRODUCTION); None: not reported


@dataclass(frozen=True, slots=True)
class DeploymentEvent:
    """One deployment action, for the registry's audit trail of the model version."""

    model_version_id: str
    action: str  # create, update, rollout, set_traffic, promote, rollback, undeploy, delete
    environment: str
    deployment: str  # the InferenceService id, namespace/name
    production: bool
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Environment:
    """A serving environment: one namespace of the cluster (or of the manifest store)."""

    name: str
    description: str
    production: bool
    tenant: str
    created_at: str | None = None


@dataclass(frozen=True, slots=True)
class Resources:
    cpu_request: str | None = None
    memory_request: str | None = None
    cpu_limit: str | None = None
    memory_limit: str | None = None
    gpu_limit: str | None = None


@dataclass(frozen=True, slots=True)
class Serving:
    """How a model is served: runtime, resources and scaling (the mutable part of a spec)."""

    runtime: str | None = None
    resources: Resources | None = None
    min_replicas: int | None = None
    max_replicas: int | None = None
    scale_metric: str | None = None
    scale_target: int | None = None


@dataclass(frozen=True, slots=True)
class StoredObject:
    """A KServe object as the driver holds it: the manifest, and whether it reached a cluster."""

    body: dict[str, Any]
    applied: bool


@dataclass(frozen=True, slots=True)
class ServingRuntime:
    name: str
    namespace: str
    model_formats: tuple[str, ...]
    disabled: bool
    multi_model: bool
    containers: tuple[str, ...] = field(default_factory=tuple)
