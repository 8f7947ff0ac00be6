"""Every object of every overlay passes the real kube-apiserver's server-side dry-run, unpruned."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import KUBE_START_TIMEOUT as APISERVER_TIMEOUT
from tests.ship.apiserver import ApiError, KubeApi
from tests.ship.manifests import OVERLAYS, object_key, render_overlay

ISTIO_CRDS = sorted((Path(__file__).parent / "fixtures" / "istio").glob("*.yaml"))


@pytest.fixture
async def kube(apiserver: dict[str, str]) -> AsyncIterator[tuple[KubeApi, str]]:
    api = KubeApi(apiserver["MODELPLANE_KUBE_HOST"], apiserver["MODELPLANE_KUBE_TOKEN"])
    try:
        crds = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in ISTIO_CRDS]
        for crd in crds:
            await api.ensure("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
        await api.wait_for_kinds(
            {(f"{c['spec']['group']}/v1beta1", c["spec"]["names"]["kind"]) for c in crds}
        )
        # Namespaced dry-runs need a namespace that exists; a bare API server never deletes one.
        namespace = f"ship-{uuid.uuid4().hex[:10]}"
        await api.ensure(
            "/api/v1/namespaces",
            {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}},
        )
        yield api, namespace
    finally:
        await api.close()


@pytest.mark.timeout(APISERVER_TIMEOUT)
@pytest.mark.parametrize("overlay", OVERLAYS)
async def test_every_object_passes_server_side_dry_run(
    overlay: str, kube: tuple[KubeApi, str]
) -> None:
    api, namespace = kube
    discovered = await api.discover()
    objects = render_overlay(overlay)
    problems = []
    for obj in objects:
        try:
            dry_run = await api.dry_run_create(obj, namespace, discovered)
        except ApiError as error:
            problems.append(f"{object_key(obj)}: {error}")
            continue
        pruned = dry_run.dropped_fields()
        if pruned:
            problems.append(f"{object_key(obj)}: the server dropped or changed {pruned}")
    assert not problems, "\n".join(problems)
    assert len(objects) >= 4


@pytest.mark.timeout(APISERVER_TIMEOUT)
async def test_a_broken_object_is_refused(kube: tuple[KubeApi, str]) -> None:
    """The check has teeth: a misspelt field and an invalid value are both caught."""
    api, namespace = kube
    discovered = await api.discover()
    deployment = next(
        o
        for o in render_overlay("federated")
        if object_key(o)[::2] == ("Deployment", "modelplane-gateway")
    )
    deployment["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"]["pathh"] = (
        "/x"
    )
    dry_run = await api.dry_run_create(deployment, namespace, discovered)
    assert dry_run.dropped_fields() == [
        ".spec.template.spec.containers[0].livenessProbe.httpGet.pathh"
    ]
    policy = next(o for o in render_overlay("kubeflow") if o["kind"] == "AuthorizationPolicy")
    policy["spec"]["action"] = "PERMIT"
    with pytest.raises(ApiError) as refused:
        await api.dry_run_create(policy, namespace, discovered)
    assert refused.value.status == 422
