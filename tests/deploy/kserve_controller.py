"""Writes InferenceService status the way KServe's controller does, through the status subresource."""

from __future__ import annotations

from typing import Any

from subgraphs.deploy.kubernetes_driver import MERGE_PATCH, KubernetesDriver
from subgraphs.deploy.resource import GROUP, PLURAL, VERSION


async def report_status(
    direct: KubernetesDriver,
    namespace: str,
    name: str,
    *,
    ready: bool,
    latest_percent: int = 100,
    message: str | None = None,
) -> dict[str, Any]:
    current = await direct.objects.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, name)
    generation = current["metadata"]["generation"]
    traffic = [{"revisionName": f"{name}-predictor-{generation:05d}", "percent": latest_percent, "latestRevision": True}]
    if latest_percent < 100:
        traffic.append(
            {"revisionName": f"{name}-predictor-{generation - 1:05d}", "percent": 100 - latest_percent, "latestRevision": False}
        )
    condition: dict[str, Any] = {"type": "Ready", "status": "True" if ready else "False", "lastTransitionTime": "2026-11-24T00:00:00Z"}
    if not ready:
        condition.update(reason="RevisionFailed", message=message or "revision failed")
    status = {
        "observedGeneration": generation,
        "url": f"http://{name}.{namespace}.example.com",
        "conditions": [condition],
        "components": {
            "predictor": {
                "latestReadyRevision": traffic[0]["revisionName"],
                "previousRolledoutRevision": traffic[-1]["revisionName"] if latest_percent < 100 else None,
                "traffic": traffic,
            }
        },
    }
    return await direct.objects.patch_namespaced_custom_object_status(
        GROUP, VERSION, namespace, PLURAL, name, {"status": status}, _content_type=MERGE_PATCH
    )
