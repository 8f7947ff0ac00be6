"""The API server behaviours the deploy driver relies on; the fake must agree with kube-apiserver."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from kubernetes_asyncio.client.exceptions import ApiException
from kubernetes_asyncio.watch import Watch

from subgraphs.deploy.kubernetes_driver import MERGE_PATCH, KubernetesDriver
from subgraphs.deploy.resource import GROUP, PLURAL, VERSION

MERGE = {"_content_type": MERGE_PATCH}


def service(namespace: str, name: str = "iris", **predictor: Any) -> dict[str, Any]:
    return {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "InferenceService",
        "metadata": {"name": name, "namespace": namespace, "labels": {"app": "iris"}},
        "spec": {
            "predictor": {
                "model": {"modelFormat": {"name": "sklearn"}, "storageUri": "s3://models/iris/1"},
                **predictor,
            }
        },
    }


async def make_namespace(direct: KubernetesDriver, name: str) -> None:
    await direct.core.create_namespace({"metadata": {"name": name}})


async def status_of(error: Any) -> int:
    return int(error.value.status)


async def test_create_assigns_uid_version_and_generation(direct: KubernetesDriver, namespace_name: str) -> None:
    await make_namespace(direct, namespace_name)
    created = await direct.objects.create_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, service(namespace_name)
    )
    metadata = created["metadata"]
    assert metadata["uid"] and metadata["resourceVersion"].isdigit()
    assert metadata["generation"] == 1
    with pytest.raises(ApiException) as duplicate:
        await direct.objects.create_namespaced_custom_object(
            GROUP, VERSION, namespace_name, PLURAL, service(namespace_name)
        )
    assert duplicate.value.status == 409
    assert "already exists" in duplicate.value.body


async def test_missing_object_and_missing_namespace_are_404(direct: KubernetesDriver, namespace_name: str) -> None:
    with pytest.raises(ApiException) as missing_namespace:
        await direct.objects.create_namespaced_custom_object(
            GROUP, VERSION, namespace_name, PLURAL, service(namespace_name)
        )
    assert missing_namespace.value.status == 404
    await make_namespace(direct, namespace_name)
    with pytest.raises(ApiException) as missing:
        await direct.objects.get_namespaced_custom_object(GROUP, VERSION, namespace_name, PLURAL, "nope")
    assert missing.value.status == 404


async def test_merge_patch_bumps_generation_only_for_spec(direct: KubernetesDriver, namespace_name: str) -> None:
    await make_namespace(direct, namespace_name)
    created = await direct.objects.create_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, service(namespace_name)
    )
    relabelled = await direct.objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, "iris", {"metadata": {"labels": {"team": "a"}}}, **MERGE
    )
    assert relabelled["metadata"]["generation"] == 1
    assert relabelled["metadata"]["resourceVersion"] != created["metadata"]["resourceVersion"]
    assert relabelled["metadata"]["labels"] == {"app": "iris", "team": "a"}
    canary = await direct.objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, "iris", {"spec": {"predictor": {"canaryTrafficPercent": 10}}}, **MERGE
    )
    assert canary["metadata"]["generation"] == 2
    assert canary["spec"]["predictor"]["canaryTrafficPercent"] == 10
    assert canary["spec"]["predictor"]["model"]["storageUri"] == "s3://models/iris/1"
    removed = await direct.objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, "iris", {"spec": {"predictor": {"canaryTrafficPercent": None}}}, **MERGE
    )
    assert "canaryTrafficPercent" not in removed["spec"]["predictor"]


async def test_dict_sent_as_json_patch_is_rejected(direct: KubernetesDriver, namespace_name: str) -> None:
    await make_namespace(direct, namespace_name)
    await direct.objects.create_namespaced_custom_object(GROUP, VERSION, namespace_name, PLURAL, service(namespace_name))
    with pytest.raises(ApiException) as rejected:
        # kubernetes-asyncio's default content type for a patch is application/json-patch+json.
        await direct.objects.patch_namespaced_custom_object(
            GROUP, VERSION, namespace_name, PLURAL, "iris", {"spec": {"predictor": {"minReplicas": 2}}}
        )
    assert rejected.value.status == 400


async def test_stale_resource_version_conflicts(direct: KubernetesDriver, namespace_name: str) -> None:
    await make_namespace(direct, namespace_name)
    created = await direct.objects.create_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, service(namespace_name)
    )
    stale = created["metadata"]["resourceVersion"]
    await direct.objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, "iris", {"spec": {"predictor": {"minReplicas": 1}}}, **MERGE
    )
    with pytest.raises(ApiException) as conflict:
        await direct.objects.patch_namespaced_custom_object(
            GROUP, VERSION, namespace_name, PLURAL, "iris",
            {"metadata": {"resourceVersion": stale}, "spec": {"predictor": {"minReplicas": 3}}}, **MERGE,
        )
    assert conflict.value.status == 409
    with pytest.raises(ApiException) as put_conflict:
        await direct.objects.replace_namespaced_custom_object(
            GROUP, VERSION, namespace_name, PLURAL, "iris",
            {**service(namespace_name), "metadata": {**service(namespace_name)["metadata"], "resourceVersion": stale}},
        )
    assert put_conflict.value.status == 409
    current = await direct.objects.get_namespaced_custom_object(GROUP, VERSION, namespace_name, PLURAL, "iris")
    assert current["spec"]["predictor"]["minReplicas"] == 1


async def test_status_is_a_separate_subresource(direct: KubernetesDriver, namespace_name: str) -> None:
    await make_namespace(direct, namespace_name)
    await direct.objects.create_namespaced_custom_object(GROUP, VERSION, namespace_name, PLURAL, service(namespace_name))
    ignored = await direct.objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, "iris", {"status": {"url": "http://ignored"}}, **MERGE
    )
    assert "url" not in (ignored.get("status") or {})
    written = await direct.objects.patch_namespaced_custom_object_status(
        GROUP, VERSION, namespace_name, PLURAL, "iris",
        {"status": {"url": "http://iris.example", "observedGeneration": 1}, "spec": {"predictor": {"minReplicas": 9}}},
        **MERGE,
    )
    assert written["status"]["url"] == "http://iris.example"
    assert written["metadata"]["generation"] == 1
    assert "minReplicas" not in written["spec"]["predictor"]
    read = await direct.objects.get_namespaced_custom_object_status(GROUP, VERSION, namespace_name, PLURAL, "iris")
    assert read["status"]["url"] == "http://iris.example"


async def test_schema_validation_answers_422_with_the_field(direct: KubernetesDriver, namespace_name: str) -> None:
    await make_namespace(direct, namespace_name)
    with pytest.raises(ApiException) as invalid:
        await direct.objects.create_namespaced_custom_object(
            GROUP, VERSION, namespace_name, PLURAL, service(namespace_name, scaleMetric="latency")
        )
    assert invalid.value.status == 422
    assert "spec.predictor.scaleMetric" in invalid.value.body
    with pytest.raises(ApiException) as wrong_type:
        await direct.objects.create_namespaced_custom_object(
            GROUP, VERSION, namespace_name, PLURAL, service(namespace_name, minReplicas="two")
        )
    assert wrong_type.value.status == 422
    assert "spec.predictor.minReplicas" in wrong_type.value.body


async def test_list_by_label_and_watch_from_its_version(direct: KubernetesDriver, namespace_name: str) -> None:
    await make_namespace(direct, namespace_name)
    await direct.objects.create_namespaced_custom_object(GROUP, VERSION, namespace_name, PLURAL, service(namespace_name))
    other = service(namespace_name, name="other")
    other["metadata"]["labels"] = {"app": "other"}
    await direct.objects.create_namespaced_custom_object(GROUP, VERSION, namespace_name, PLURAL, other)
    listing = await direct.objects.list_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, label_selector="app=iris"
    )
    assert [item["metadata"]["name"] for item in listing["items"]] == ["iris"]
    since = listing["metadata"]["resourceVersion"]
    await direct.objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, "iris", {"spec": {"predictor": {"minReplicas": 2}}}, **MERGE
    )
    await direct.objects.patch_namespaced_custom_object(
        GROUP, VERSION, namespace_name, PLURAL, "other", {"spec": {"predictor": {"minReplicas": 2}}}, **MERGE
    )
    events = []
    watch = Watch()
    async with watch.stream(
        direct.objects.list_namespaced_custom_object, GROUP, VERSION, namespace_name, PLURAL,
        label_selector="app=iris", resource_version=since, timeout_seconds=2,
    ) as stream:
        async for event in stream:
            events.append((event["type"], event["raw_object"]["metadata"]["name"],
                           event["raw_object"]["spec"]["predictor"].get("minReplicas")))
    assert events == [("MODIFIED", "iris", 2)]


async def test_unknown_token_is_401(direct: KubernetesDriver, kube: Any, namespace_name: str) -> None:
    from tests.deploy.conftest import make_driver

    stranger = await make_driver(kube, kube.port, token="not-a-token")
    try:
        with pytest.raises(ApiException) as refused:
            await stranger.objects.list_namespaced_custom_object(GROUP, VERSION, "default", PLURAL)
        assert refused.value.status == 401
    finally:
        await stranger.close()
    await asyncio.sleep(0)
