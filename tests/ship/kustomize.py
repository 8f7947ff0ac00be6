"""The subset of kustomize that k8s/ uses, so that overlays render without a kubectl binary.

Supported: resources (files and directories), configMapGenerator (files, with
disableNameSuffixHash), patches (strategic merge from a file, matched by kind and name),
namespace, images. Anything else in a kustomization is an error, so that a manifest change
that needs more of kustomize cannot pass unnoticed; test_render compares with
`kubectl kustomize` wherever a kubectl binary exists.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

Manifest = dict[str, Any]

SUPPORTED_FIELDS = {
    "apiVersion",
    "kind",
    "resources",
    "configMapGenerator",
    "generatorOptions",
    "patches",
    "namespace",
    "images",
}
CLUSTER_SCOPED_KINDS = {
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "PersistentVolume",
    "StorageClass",
    "PriorityClass",
}
# Strategic-merge keys of the list fields k8s/ patches (Kubernetes' patchMergeKey tags).
MERGE_KEYS = {
    "containers": "name",
    "initContainers": "name",
    "env": "name",
    "volumes": "name",
    "volumeMounts": "mountPath",
    "ports": "containerPort",
}


class KustomizeError(Exception):
    pass


def render_kustomization(directory: Path) -> list[Manifest]:
    """Every object the kustomization in `directory` produces, as kustomize would."""
    spec = _load_kustomization(directory)
    unknown = set(spec) - SUPPORTED_FIELDS
    if unknown:
        raise KustomizeError(
            f"{directory}: fields this renderer does not implement: {sorted(unknown)}"
        )
    objects: list[Manifest] = []
    for entry in spec.get("resources", []):
        path = (directory / entry).resolve()
        objects.extend(render_kustomization(path) if path.is_dir() else _load_documents(path))
    objects.extend(_generate_config_maps(directory, spec))
    _check_unique(objects, directory)
    for patch in spec.get("patches", []):
        apply_patch_file(objects, directory / patch["path"])
    if "namespace" in spec:
        set_namespace(objects, spec["namespace"])
    for image in spec.get("images", []):
        set_image(objects, image)
    return objects


def _load_kustomization(directory: Path) -> dict[str, Any]:
    for name in ("kustomization.yaml", "kustomization.yml", "Kustomization"):
        if (directory / name).is_file():
            loaded = yaml.safe_load((directory / name).read_text(encoding="utf-8"))
            return dict(loaded or {})
    raise KustomizeError(f"{directory}: no kustomization file")


def _load_documents(path: Path) -> list[Manifest]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def _generate_config_maps(directory: Path, spec: dict[str, Any]) -> list[Manifest]:
    generated = []
    options = spec.get("generatorOptions") or {}
    for generator in spec.get("configMapGenerator", []):
        if not options.get("disableNameSuffixHash"):
            raise KustomizeError("name-suffix hashes are not implemented; disable them")
        data = {}
        for entry in generator.get("files", []):
            key, _, source = entry.partition("=")
            path = directory / (source or key)
            data[Path(key).name] = path.read_text(encoding="utf-8")
        generated.append(
            {
                "apiVersion": "v1",
                "kind": "ConfigMap",
                "metadata": {"name": generator["name"]},
                "data": data,
            }
        )
    return generated


def _check_unique(objects: list[Manifest], directory: Path) -> None:
    seen: set[tuple[str, str]] = set()
    for obj in objects:
        key = (obj["kind"], obj["metadata"]["name"])
        if key in seen:
            raise KustomizeError(f"{directory}: {key} appears twice")
        seen.add(key)


def apply_patch_file(objects: list[Manifest], path: Path) -> None:
    for patch in _load_documents(path):
        name = patch["metadata"]["name"]
        targets = [
            o for o in objects if o["kind"] == patch["kind"] and o["metadata"]["name"] == name
        ]
        if len(targets) != 1:
            raise KustomizeError(
                f"{path}: patch for {patch['kind']}/{name} matches {len(targets)} objects"
            )
        merged = merge_strategic(targets[0], patch)
        targets[0].clear()
        targets[0].update(merged)


def merge_strategic(original: Any, patch: Any, field: str = "") -> Any:
    """Kubernetes' strategic merge for maps and keyed lists; other lists are replaced."""
    if isinstance(original, dict) and isinstance(patch, dict):
        merged = copy.deepcopy(original)
        for key, value in patch.items():
            if value is None:
                merged.pop(key, None)
            elif key in merged:
                merged[key] = merge_strategic(merged[key], value, key)
            else:
                merged[key] = copy.deepcopy(value)
        return merged
    if isinstance(original, list) and isinstance(patch, list) and field in MERGE_KEYS:
        key = MERGE_KEYS[field]
        merged_list = copy.deepcopy(original)
        for item in patch:
            index = next(
                (i for i, o in enumerate(merged_list) if o.get(key) == item.get(key)), None
            )
            if index is None:
                merged_list.append(copy.deepcopy(item))
            else:
                merged_list[index] = merge_strategic(merged_list[index], item, "")
        return merged_list
    return copy.deepcopy(patch)


def set_namespace(objects: list[Manifest], namespace: str) -> None:
    service_accounts = {o["metadata"]["name"] for o in objects if o["kind"] == "ServiceAccount"}
    for obj in objects:
        if obj["kind"] not in CLUSTER_SCOPED_KINDS:
            obj["metadata"]["namespace"] = namespace
        if obj["kind"] in ("RoleBinding", "ClusterRoleBinding"):
            for subject in obj.get("subjects", []):
                # kustomize moves only subjects naming a service account it renders itself.
                if subject.get("kind") == "ServiceAccount" and subject["name"] in service_accounts:
                    subject["namespace"] = namespace


def set_image(objects: list[Manifest], image: dict[str, str]) -> None:
    for container in _containers(objects):
        name, _, _ = container["image"].partition(":")
        if name == image["name"]:
            new_name = image.get("newName", name)
            tag = image.get("newTag")
            container["image"] = f"{new_name}:{tag}" if tag else new_name


def _containers(objects: list[Manifest]) -> list[dict[str, Any]]:
    found = []
    for obj in objects:
        pod = pod_spec(obj)
        if pod is not None:
            found.extend(pod.get("initContainers", []))
            found.extend(pod.get("containers", []))
    return found


def pod_spec(obj: Manifest) -> dict[str, Any] | None:
    """The pod spec inside a workload object (not a copy), or None for other kinds."""
    spec: dict[str, Any] | None = None
    if obj["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"):
        spec = obj["spec"]["template"]["spec"]
    elif obj["kind"] == "CronJob":
        spec = obj["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return spec
