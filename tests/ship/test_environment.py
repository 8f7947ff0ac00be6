"""One list of environment variables: set by compose and the manifests, declared in code, documented."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import yaml

import common.settings
import gateway
import subgraphs
from tests.ship.kustomize import pod_spec
from tests.ship.manifests import IMAGE, OVERLAYS, ROOT, load_compose, render_overlay

SHIP_DOC = ROOT / "docs" / "ship.md"
# Variables the image itself sets (Dockerfile ENV) that the documentation must name.
IMAGE_VARIABLES = {"MODELPLANE_DATA_DIR", "MODELPLANE_CATALOG_SOURCES"}


def _declared() -> set[str]:
    for package in (gateway, subgraphs):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if module.name.endswith("settings"):
                importlib.import_module(module.name)
    return set(common.settings.DECLARED)


def _catalog_key_variables() -> set[str]:
    """Variables that catalog sources name in apiKeyEnvVar: read by the catalog, not declared."""
    sources = yaml.safe_load(
        (ROOT / "examples" / "catalog" / "sources.yaml").read_text(encoding="utf-8")
    )
    entries = sources.get("catalogs", []) + sources.get("model_catalogs", [])
    return {
        e["properties"]["apiKeyEnvVar"]
        for e in entries
        if "apiKeyEnvVar" in e.get("properties", {})
    }


def compose_variables() -> set[str]:
    """Environment names compose.yaml gives the Modelplane containers."""
    names: set[str] = set()
    for service in load_compose()["services"].values():
        if str(service.get("image", "")).startswith(IMAGE + ":"):
            names |= set(service.get("environment", {}))
    return names


def _config_maps(objects: list[dict[str, Any]]) -> dict[str, set[str]]:
    return {
        o["metadata"]["name"]: set(o.get("data", {})) for o in objects if o["kind"] == "ConfigMap"
    }


def manifest_variables(overlay: str) -> set[str]:
    """Environment names the overlay gives Modelplane containers, env and envFrom ConfigMaps alike."""
    objects = render_overlay(overlay)
    config_maps = _config_maps(objects)
    names: set[str] = set()
    for obj in objects:
        pod = pod_spec(obj) or {}
        for container in pod.get("containers", []) + pod.get("initContainers", []):
            if container["image"].split(":")[0] != IMAGE:
                continue
            names |= {entry["name"] for entry in container.get("env", [])}
            for source in container.get("envFrom", []):
                if "configMapRef" in source:
                    names |= config_maps[source["configMapRef"]["name"]]
    return names


def test_compose_and_manifests_set_only_declared_variables() -> None:
    declared = _declared()
    allowed = declared | _catalog_key_variables()
    set_somewhere = compose_variables()
    assert set_somewhere - allowed == set(), "compose.yaml sets undeclared variables"
    for overlay in OVERLAYS:
        variables = manifest_variables(overlay)
        set_somewhere |= variables
        assert variables - allowed == set(), f"k8s overlay {overlay} sets undeclared variables"
    assert (
        "MODELPLANE_INTERNAL_SECRET" in set_somewhere and "MODELPLANE_DATABASE_URL" in set_somewhere
    )


def test_ship_guide_names_every_variable_the_deployments_set() -> None:
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", SHIP_DOC.read_text(encoding="utf-8")))
    needed = compose_variables() | IMAGE_VARIABLES
    for overlay in OVERLAYS:
        needed |= manifest_variables(overlay)
    assert needed - documented == set()
    unknown = {name for name in documented if name.startswith("MODELPLANE_")} - _declared()
    assert unknown == set(), "docs/ship.md names variables the code does not declare"


def test_the_image_sets_only_declared_variables() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    image_sets = set(re.findall(r"\b(MODELPLANE_[A-Z0-9_]+)=", dockerfile))
    assert image_sets == IMAGE_VARIABLES
    assert image_sets <= _declared()


def test_identity_settings_follow_the_mode() -> None:
    kubeflow = manifest_variables("kubeflow")
    assert {"MODELPLANE_TRUST_MESH_HEADERS", "MODELPLANE_KUBEFLOW_USERID_HEADER"} <= kubeflow
    assert not any(name.startswith("MODELPLANE_OIDC_") for name in kubeflow)
    federated = manifest_variables("federated")
    assert {
        "MODELPLANE_OIDC_ISSUER",
        "MODELPLANE_OIDC_AUDIENCE",
        "MODELPLANE_OIDC_JWKS_URL",
    } <= federated
    assert "MODELPLANE_TRUST_MESH_HEADERS" not in federated
