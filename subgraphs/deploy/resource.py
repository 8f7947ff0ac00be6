"""KServe InferenceService manifests: rendering them, labelling them, and reading them back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from subgraphs.deploy.records import ModelSource, Resources, Serving, StoredObject

GROUP = "serving.kserve.io"
VERSION = "v1beta1"
PLURAL = "inferenceservices"
KIND = "InferenceService"
RUNTIME_VERSION = "v1alpha1"
RUNTIME_PLURAL = "servingruntimes"

MANAGED_BY = "app.kubernetes.io/managed-by"
MANAGER = "modelplane"
TENANT = "modelplane.io/tenant"
REGISTERED_MODEL_ID = "modelplane.io/registered-model-id"
MODEL_VERSION_ID = "modelplane.io/model-version-id"
MODEL_ARTIFACT_ID = "modelplane.io/model-artifact-id"
PREVIOUS_MODEL_VERSION_ID = "modelplane.io/previous-model-version-id"
REGISTERED_MODEL_NAME = "modelplane.io/registered-model-name"
MODEL_VERSION_NAME = "modelplane.io/model-version-name"
DESCRIPTION = "modelplane.io/description"
PRODUCTION = "modelplane.io/production"
DESIRED_STATE = "modelplane.io/desired-state"
ROLLED_BACK = "modelplane.io/rolled-back"

_DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
_LABEL_VALUE = re.compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")


def is_dns_label(name: str, *, max_length: int = 63) -> bool:
    return len(name) <= max_length and bool(_DNS_LABEL.match(name))


def is_label_value(value: str) -> bool:
    return len(value) <= 63 and bool(_LABEL_VALUE.match(value))


def default_service_name(source: ModelSource) -> str:
    """A deterministic name, so that retrying a deploy finds the resource it created."""
    base = re.sub(r"[^a-z0-9-]+", "-", source.registered_model_name.lower()).strip("-") or "model"
    suffix = f"-v{source.model_version_id}"
    return (base[: 45 - len(suffix)].rstrip("-") or "model") + suffix


def render_model(source: ModelSource, serving: Serving) -> dict[str, Any]:
    model: dict[str, Any] = {}
    if source.format_name:
        model["modelFormat"] = {"name": source.format_name}
        if source.format_version:
            model["modelFormat"]["version"] = source.format_version
    if serving.runtime:
        model["runtime"] = serving.runtime
    if source.storage_key:
        storage: dict[str, Any] = {"key": source.storage_key}
        if source.storage_path:
            storage["path"] = source.storage_path
        model["storage"] = storage
    elif source.uri:
        model["storageUri"] = source.uri
    resources = render_resources(serving.resources)
    if resources:
        model["resources"] = resources
    return model


def render_resources(resources: Resources | None) -> dict[str, Any]:
    if resources is None:
        return {}
    requests = {k: v for k, v in (("cpu", resources.cpu_request), ("memory", resources.memory_request)) if v}
    limits = {
        k: v
        for k, v in (
            ("cpu", resources.cpu_limit),
            ("memory", resources.memory_limit),
            ("nvidia.com/gpu", resources.gpu_limit),
        )
        if v
    }
    out: dict[str, Any] = {}
    if requests:
        out["requests"] = requests
    if limits:
        out["limits"] = limits
    return out


def render_scaling(serving: Serving) -> dict[str, Any]:
    scaling: dict[str, Any] = {}
    if serving.min_replicas is not None:
        scaling["minReplicas"] = serving.min_replicas
    if serving.max_replicas is not None:
        scaling["maxReplicas"] = serving.max_replicas
    if serving.scale_metric is not None:
        scaling["scaleMetric"] = serving.scale_metric
    if serving.scale_target is not None:
        scaling["scaleTarget"] = serving.scale_target
    return scaling


def source_labels(source: ModelSource) -> dict[str, str]:
    return {
        REGISTERED_MODEL_ID: source.registered_model_id,
        MODEL_VERSION_ID: source.model_version_id,
        MODEL_ARTIFACT_ID: source.artifact_id,
    }


def source_annotations(source: ModelSource) -> dict[str, str]:
    return {
        REGISTERED_MODEL_NAME: source.registered_model_name,
        MODEL_VERSION_NAME: source.model_version_name,
    }


def render_inference_service(
    *, tenant: str, namespace: str, name: str, source: ModelSource, serving: Serving
) -> dict[str, Any]:
    """The InferenceService for `source`, labelled so the link to the registry can be rebuilt."""
    predictor: dict[str, Any] = {**render_scaling(serving), "model": render_model(source, serving)}
    if source.service_account_name:
        predictor["serviceAccountName"] = source.service_account_name
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": KIND,
        "metadata": {
            "name": name,
            "namespace": namespace,
            "labels": {MANAGED_BY: MANAGER, TENANT: tenant, **source_labels(source)},
            "annotations": {**source_annotations(source), DESIRED_STATE: "DEPLOYED"},
        },
        "spec": {"predictor": predictor},
    }


def render_yaml(body: dict[str, Any]) -> str:
    shown = {k: v for k, v in body.items() if k != "status"}
    metadata = {
        k: v
        for k, v in shown.get("metadata", {}).items()
        if k in ("name", "namespace", "labels", "annotations")
    }
    return yaml.safe_dump({**shown, "metadata": metadata}, sort_keys=False)


@dataclass(frozen=True, slots=True)
class ServiceView:
    """The fields of a stored InferenceService that the API shows."""

    stored: StoredObject

    @property
    def body(self) -> dict[str, Any]:
        return self.stored.body

    @property
    def metadata(self) -> dict[str, Any]:
        return dict(self.body.get("metadata") or {})

    @property
    def labels(self) -> dict[str, str]:
        return dict(self.metadata.get("labels") or {})

    @property
    def annotations(self) -> dict[str, str]:
        return dict(self.metadata.get("annotations") or {})

    @property
    def predictor(self) -> dict[str, Any]:
        return dict((self.body.get("spec") or {}).get("predictor") or {})

    @property
    def model(self) -> dict[str, Any]:
        return dict(self.predictor.get("model") or {})

    @property
    def status(self) -> dict[str, Any]:
        return dict(self.body.get("status") or {})

    @property
    def namespace(self) -> str:
        return str(self.metadata.get("namespace", ""))

    @property
    def name(self) -> str:
        return str(self.metadata.get("name", ""))

    @property
    def id(self) -> str:
        return service_id(self.namespace, self.name)


def service_id(namespace: str, name: str) -> str:
    return f"{namespace}/{name}"


def parse_service_id(value: str) -> tuple[str, str]:
    namespace, _, name = value.partition("/")
    if not namespace or not name:
        from common.errors import BadUserInput

        raise BadUserInput(f"inference service id {value!r} must be 'environment/name'")
    return namespace, name
