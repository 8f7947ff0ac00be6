"""Every overlay renders; where kubectl exists, exactly as `kubectl kustomize` renders it."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from tests.ship.kustomize import pod_spec
from tests.ship.manifests import (
    IMAGE,
    K8S,
    OVERLAYS,
    ROOT,
    object_key,
    project_version,
    render_overlay,
)

KUBECTL = shutil.which("kubectl")


def _kubectl_supports_kustomize_v4() -> bool:
    # kubectl 1.20 and older embed kustomize 2.0, which has no `patches` or directory resources.
    if KUBECTL is None:
        return False
    probe = subprocess.run(
        [KUBECTL, "kustomize", str(K8S / "base")], capture_output=True, text=True
    )
    return probe.returncode == 0


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_renders_distinct_objects(overlay: str) -> None:
    objects = render_overlay(overlay)
    keys = [object_key(o) for o in objects]
    assert len(keys) == len(set(keys))
    kinds = {o["kind"] for o in objects}
    assert {"Deployment", "Service", "ConfigMap"} <= kinds


@pytest.mark.skipif(
    not _kubectl_supports_kustomize_v4(), reason="no kubectl with kustomize >= 4 here"
)
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_renders_as_kubectl_kustomize_does(overlay: str) -> None:
    assert KUBECTL is not None
    output = subprocess.run(
        [KUBECTL, "kustomize", str(K8S / "overlays" / overlay)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    theirs = {object_key(o): o for o in yaml.safe_load_all(output) if o}
    ours = {object_key(o): o for o in render_overlay(overlay)}
    assert sorted(ours) == sorted(theirs)
    for key, obj in ours.items():
        assert obj == theirs[key], key


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_release_version_agrees_everywhere(overlay: str) -> None:
    """Image tag, version labels and the migration Job's name all carry pyproject's version."""
    version = project_version()
    for obj in render_overlay(overlay):
        labels = obj["metadata"].get("labels", {})
        if "app.kubernetes.io/version" in labels:
            assert labels["app.kubernetes.io/version"] == version, object_key(obj)
        pod = pod_spec(obj)
        for container in (pod or {}).get("containers", []) + (pod or {}).get("initContainers", []):
            if container["image"].split(":")[0] == IMAGE:
                assert container["image"] == f"{IMAGE}:{version}", object_key(obj)
        if obj["kind"] == "Job":
            assert obj["metadata"]["name"].endswith("-" + version.replace(".", "-"))


@pytest.mark.parametrize("overlay", ["kubeflow", "federated"])
def test_one_migrator_per_release(overlay: str) -> None:
    jobs = [o for o in render_overlay(overlay) if o["kind"] == "Job"]
    assert len(jobs) == 1
    spec = jobs[0]["spec"]
    assert spec["parallelism"] == 1 and spec["completions"] == 1
    assert spec["template"]["spec"]["containers"][0]["args"] == ["db", "upgrade"]


def test_catalog_config_map_is_the_example_catalog() -> None:
    base = K8S / "base" / "catalog"
    examples = sorted(p.name for p in (ROOT / "examples" / "catalog").glob("*.yaml"))
    assert sorted(p.name for p in base.glob("*.yaml") if p.name != "kustomization.yaml") == examples
    config_map = next(
        o
        for o in render_overlay("kubeflow")
        if o["metadata"]["name"] == "modelplane-catalog-sources"
    )
    for name in examples:
        assert config_map["data"][name] == (ROOT / "examples" / "catalog" / name).read_text(
            encoding="utf-8"
        )


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_modelplane_container_is_probed_limited_and_unprivileged(overlay: str) -> None:
    for obj in render_overlay(overlay):
        pod = pod_spec(obj)
        if pod is None:
            continue
        assert pod["securityContext"]["runAsNonRoot"] is True, object_key(obj)
        for container in pod["containers"]:
            assert {"requests", "limits"} <= set(container["resources"]), object_key(obj)
            assert container["securityContext"]["allowPrivilegeEscalation"] is False
            if obj["kind"] in ("Deployment",) and container["image"].startswith(IMAGE + ":"):
                assert container["livenessProbe"]["httpGet"]["path"] == "/health"
                assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"


def test_gateway_has_a_disruption_budget_and_an_autoscaler() -> None:
    objects = render_overlay("kubeflow")
    targets = {
        (
            o["kind"],
            o["spec"]["scaleTargetRef"]["name"]
            if o["kind"] == "HorizontalPodAutoscaler"
            else o["metadata"]["name"],
        )
        for o in objects
        if o["kind"] in ("HorizontalPodAutoscaler", "PodDisruptionBudget")
    }
    assert ("HorizontalPodAutoscaler", "modelplane-gateway") in targets
    assert ("PodDisruptionBudget", "modelplane-gateway") in targets
    gateway = next(o for o in objects if object_key(o)[::2] == ("Deployment", "modelplane-gateway"))
    assert "replicas" not in gateway["spec"]  # the autoscaler owns it


def test_deploy_may_touch_only_kserve_objects_in_its_role() -> None:
    role = next(
        o
        for o in render_overlay("federated")
        if o["metadata"]["name"] == "modelplane-deploy-kserve"
    )
    assert {group for rule in role["rules"] for group in rule["apiGroups"]} == {"serving.kserve.io"}
    resources = {r.split("/")[0] for rule in role["rules"] for r in rule["resources"]}
    assert resources == {"inferenceservices", "servingruntimes"}


def test_kubeflow_gateway_may_create_access_reviews() -> None:
    objects = render_overlay("kubeflow")
    role = next(
        o
        for o in objects
        if o["metadata"]["name"] == "modelplane-gateway-access-review"
        and o["kind"] == "ClusterRole"
    )
    assert role["rules"] == [
        {
            "apiGroups": ["authorization.k8s.io"],
            "resources": ["subjectaccessreviews"],
            "verbs": ["create"],
        }
    ]
    binding = next(
        o
        for o in objects
        if o["metadata"]["name"] == "modelplane-gateway-access-review"
        and o["kind"] == "ClusterRoleBinding"
    )
    assert binding["subjects"] == [
        {"kind": "ServiceAccount", "name": "modelplane-gateway", "namespace": "kubeflow"}
    ]
